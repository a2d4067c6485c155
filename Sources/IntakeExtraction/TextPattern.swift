import Foundation

/// A regular expression compiled once. `String.range(of:options: .regularExpression)` and
/// `replacingOccurrences(…, options: .regularExpression)` compile the pattern on every call,
/// which cost more than the matching: values are tested against the same few patterns for
/// every field of every form. Matching is the same (`NSRegularExpression`, ICU syntax).
struct TextPattern: @unchecked Sendable {
    // NSRegularExpression is immutable once made and safe to match from several threads.
    private let expression: NSRegularExpression

    init(_ pattern: String, caseInsensitive: Bool = false) {
        // The patterns are literals in this module; one that does not compile is a programming error.
        expression = try! NSRegularExpression(pattern: pattern, options: caseInsensitive ? [.caseInsensitive] : [])
    }

    /// The first match, as `range(of:options: .regularExpression)` gives it.
    func firstRange(in text: String) -> Range<String.Index>? {
        let whole = NSRange(text.startIndex..., in: text)
        guard let match = expression.firstMatch(in: text, options: [], range: whole) else { return nil }
        return Range(match.range, in: text)
    }

    func matches(_ text: String) -> Bool { firstRange(in: text) != nil }

    /// Every match, in order.
    func ranges(in text: String) -> [Range<String.Index>] {
        expression.matches(in: text, options: [], range: NSRange(text.startIndex..., in: text)).compactMap { Range($0.range, in: text) }
    }

    /// Every match replaced by the template ("$1 $2"), as `replacingOccurrences` does.
    func replacing(in text: String, with template: String) -> String {
        expression.stringByReplacingMatches(in: text, options: [], range: NSRange(text.startIndex..., in: text), withTemplate: template)
    }
}
