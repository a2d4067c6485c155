import IntakeDocument
import Foundation
import IntakeMapping

/// Text rules shared by every value type: what counts as empty, and how values are cleaned.
enum ValueText {
    /// The most text a choice row is read from.
    static let maxChoiceText = 20_000

    /// Word's content-control prompts, which survive into a PDF exported from the form.
    static let placeholders: Set<String> = [
        "click or tap here to enter text", "click or tap to enter a date", "choose an item",
        "click here to enter text", "click here to enter a date", "enter text here", "type here",
    ]

    /// The value with placeholder prompts removed and whitespace trimmed; nil when nothing is left.
    static func clean(_ text: String) -> String? {
        var lines: [String] = []
        for line in text.nonEmptyLines {
            var kept = String(line)
            // ASCII capitals lowered: a prompt (ASCII, lower case) can then be searched for as bytes.
            let lowered = kept.utf8.map { $0 >= 0x41 && $0 <= 0x5A ? $0 | 0x20 : $0 }
            let folds = lowered.contains { $0 >= 0x80 } && kept.unicodeScalars.contains(where: foldsToASCII)
            for (placeholder, prompt, anchor) in promptBytes where folds || mayHold(lowered, prompt, anchor: anchor) {
                kept = kept.replacingOccurrences(of: placeholder, with: "", options: [.caseInsensitive])
            }
            // The removed prompt leaves its full stop behind.
            let trimmed = kept.trimmedSpaces
            if trimmed.isEmpty || trimmed == "." { continue }
            lines.append(trimmed)
        }
        let joined = lines.joined(separator: "\n").trimmedWhitespace
        return joined.isEmpty || fillers.contains(LabelText.normalize(joined)) ? nil : joined
    }

    /// Longest first, so that a prompt inside another ("enter text here") is not taken out of it first.
    private static let promptBytes = placeholders.sorted { ($0.count, $1) > ($1.count, $0) }.map { prompt in
        let bytes = Array(prompt.utf8)
        return (prompt, bytes, bytes.withUnsafeBytes { ByteSearch.rareAnchor($0) })
    }

    /// False only when the line surely lacks the (ASCII, lowercase) prompt in any case: a byte
    /// search spares Foundation's case-insensitive bridging for the lines without one. Other
    /// bytes of the line cannot take part in a match unless they are among the few letters
    /// whose case mapping gives ASCII (``foldsToASCII(_:)``), which the caller checks first.
    /// - parameter lowered: the line's UTF-8 with ASCII capitals lowered.
    private static func mayHold(_ lowered: [UInt8], _ prompt: [UInt8], anchor: Int) -> Bool {
        lowered.withUnsafeBytes { ByteSearch.first(prompt, anchor: anchor, in: $0) != nil }
    }

    /// Kelvin sign, long s, dotted and dotless i, the Latin ligatures.
    private static func foldsToASCII(_ scalar: Unicode.Scalar) -> Bool {
        [0x212A, 0x017F, 0x0130, 0x0131].contains(scalar.value) || (0xFB00...0xFB06).contains(scalar.value)
    }

    /// Whole values that say "nothing here": an optional row answered "N/A" is an empty row.
    static let fillers: Set<String> = [
        "n/a", "n.a", "na", "-", "--", "---", "none", "nil", "not applicable", "not known", "unknown", "tbc",
    ]

    /// An address as people paste it, made plain: "mailto:", angle brackets and a trailing
    /// full stop removed. Anything else is kept as written, to be reported.
    static func normaliseEmail(_ text: String) -> String {
        var address = text.trimmedWhitespace
        if address.lowercased().hasPrefix("mailto:") { address.removeFirst(7) }
        return address.trimmingCharacters(in: CharacterSet(charactersIn: "<>.,; "))
    }

    /// A number as written, with runs of spaces folded and a leading "Tel:" removed.
    static func normalisePhone(_ text: String) -> String {
        var number = text
        if let range = Patterns.phonePrefix.firstRange(in: number) {
            number.removeSubrange(range)
        }
        return number.split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }

    static func isEmail(_ text: String) -> Bool {
        Patterns.email.matches(text)
    }

    /// A UK telephone number: 10 or 11 digits starting 0, or +44 then 9 or 10 digits, with
    /// spaces, brackets, dots and hyphens allowed between.
    static func isPhone(_ written: String) -> Bool {
        // "07700 900123 (mobile)", "01632 960412 ext. 214": the number is what comes first.
        let text = Patterns.phoneSuffix.replacing(in: written, with: "")
        guard Patterns.phoneCharacters.matches(text) else { return false }
        // "+44 (0)1632 …": the bracketed trunk zero is dialled only from inside the UK.
        let digits = text.replacingOccurrences(of: "(0)", with: "").filter(\.isNumber)
        if text.trimmedSpaces.hasPrefix("+") {
            return digits.hasPrefix("44") && (11...12).contains(digits.count)
        }
        return digits.hasPrefix("0") && (10...11).contains(digits.count)
    }

    /// A typed yes/no answer: "Yes", "y", "No – not resolved", "Unresolved", "Resolved".
    static func yesOrNo(_ text: String) -> Bool? {
        let lower = text.lowercased()
        if Patterns.notResolved.matches(lower) { return false }
        let first = lower.split(whereSeparator: { !$0.isLetter }).first.map(String.init) ?? ""
        switch first {
        case "yes", "y", "true", "resolved", "agreed": return true
        case "no", "n", "false": return false
        default: return nil
        }
    }

    /// The first whole number in the text ("4", "4 days", "about 4").
    static func integer(in text: String) -> Int? {
        if let range = Patterns.digits.firstRange(in: text) { return Int(text[range]) }
        // "three days": people write small numbers in words.
        let words = text.lowercased().split(whereSeparator: { !$0.isLetter })
        return words.lazy.compactMap { numberWords[String($0)] }.first
    }

    /// Stages are sometimes numbered I, II, III… on older ladders.
    static let romanNumerals: [String: Int] = ["i": 1, "ii": 2, "iii": 3, "iv": 4, "v": 5, "vi": 6]

    static let numberWords: [String: Int] = [
        "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
        "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15,
        "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30,
    ]

    /// "Stage 3", "stage-3", "Stage three"? Only digits: "Stage 3" and a bare "3".
    static func stageNumber(in text: String) -> Int? {
        let lower = text.lowercased()
        if let range = Patterns.stageDigits.firstRange(in: lower) {
            return integer(in: String(lower[range]))
        }
        if let range = Patterns.stageWord.firstRange(in: lower),
           let word = lower[range].split(separator: " ").last, let number = numberWords[String(word)] ?? romanNumerals[String(word)] {
            return number
        }
        let trimmedWord = lower.trimmedWhitespace
        if let number = romanNumerals[trimmedWord] { return number }
        let trimmed = lower.trimmedWhitespace
        return Patterns.shortNumber.matches(trimmed) ? Int(trimmed) : nil
    }

    /// Compiled once (``TextPattern``).
    private enum Patterns {
        static let phonePrefix = TextPattern(#"^(tel|telephone|phone|mob|mobile)\.?:?\s*"#, caseInsensitive: true)
        static let email = TextPattern(#"^[A-Za-z0-9._%+'\-]+@[A-Za-z0-9\-]+(\.[A-Za-z0-9\-]+)+$"#)
        /// "07700 900123 (mobile)", "01632 960412 ext. 214": what follows the number.
        static let phoneSuffix = TextPattern(#"\s*(\((mobile|work|office|home|direct|switchboard)\)|(ext|extn|x)\.?\s*\d{1,5})\s*$"#,
                                             caseInsensitive: true)
        static let phoneCharacters = TextPattern(#"^[+0-9 ()\-.]+$"#)
        static let notResolved = TextPattern(#"\b(not resolved|unresolved)\b"#)
        static let digits = TextPattern(#"\d+"#)
        static let stageDigits = TextPattern(#"stage[\s_\-:]*\d+"#)
        static let stageWord = TextPattern(#"stage\s+[a-z]+"#)
        static let shortNumber = TextPattern(#"^\d{1,2}$"#)
    }
}
