import Foundation

/// Finds a child's name or date of birth in free text, for forms that must hold none.
///
/// A name is two capitalised words after a word that introduces a person ("concerns about
/// Ava Smith", "the child Sam Jones"); agency words ("Primary School", "Social Care") are
/// not names. A date of birth is the phrase itself ("DOB", "date of birth", "born on").
enum ChildDetailsDetector {
    private static let introducers = "about|regarding|concerning|re:?|for|child|son|daughter|named|called|pupil|baby|sibling|brother|sister|student|young person|yp"
    /// "The young person is Sam Jones", "the child's name is Sam Jones".
    private static let copula = #"(?i:(?:['’]s)?\s+name)?(?:\s+(?i:is|was|named|called)|\s*:)?"#
    private static let namePattern = #"\b(?i:"# + introducers + #")"# + copula + #"\s+([A-Z][a-z]+(?:[-'’][A-Z][a-z]+)?)\s+([A-Z][a-z]+(?:[-'’][A-Z][a-z]+)?)\b"#
    private static let dobPattern = #"(?i)\b(d\.?o\.?b\.?|date of birth|born on|born)\b"#

    /// Capitalised words that start agency and service names rather than people's names.
    private static let notNames: Set<String> = [
        "Children", "Children's", "Childrens", "Social", "Care", "Service", "Services", "Team", "School",
        "Primary", "High", "Academy", "College", "Council", "Police", "Health", "Hospital", "Community",
        "Early", "Help", "Youth", "Justice", "Housing", "Options", "Front", "Door", "The", "This", "That",
        "Mental", "Family", "Families", "Education", "Safeguarding", "Board", "Partnership", "Agency",
        "Assessment", "Child", "Protection", "Stage", "Head", "Designated", "Operational", "Manager",
        "Strategy", "Multi", "Named", "Nurse", "Doctor", "Paediatrics", "Adult", "Adults", "Trust", "NHS",
    ]

    // Compiled once: `range(of:options: .regularExpression)` and a new expression per call
    // compiled both patterns for every free-text field. NSRegularExpression is immutable once
    // made and safe to match from several threads.
    private nonisolated(unsafe) static let dobExpression = try! NSRegularExpression(pattern: dobPattern)
    private nonisolated(unsafe) static let nameExpression = try! NSRegularExpression(pattern: namePattern)

    static func containsChildDetails(_ text: String) -> Bool {
        let range = NSRange(text.startIndex..., in: text)
        if dobExpression.firstMatch(in: text, range: range) != nil { return true }
        for match in nameExpression.matches(in: text, range: range) {
            guard let first = Range(match.range(at: 1), in: text), let second = Range(match.range(at: 2), in: text) else { continue }
            if !notNames.contains(String(text[first])) && !notNames.contains(String(text[second])) { return true }
        }
        return false
    }
}
