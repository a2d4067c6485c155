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
        for line in text.split(separator: "\n", omittingEmptySubsequences: true) {
            var kept = String(line)
            for placeholder in placeholders {
                kept = kept.replacingOccurrences(of: placeholder, with: "", options: [.caseInsensitive])
            }
            // The removed prompt leaves its full stop behind.
            let trimmed = kept.trimmingCharacters(in: .whitespaces)
            if trimmed.isEmpty || trimmed == "." { continue }
            lines.append(trimmed == kept.trimmingCharacters(in: .whitespaces) ? trimmed : trimmed)
        }
        let joined = lines.joined(separator: "\n").trimmingCharacters(in: .whitespacesAndNewlines)
        return joined.isEmpty ? nil : joined
    }

    /// An address as people paste it, made plain: "mailto:", angle brackets and a trailing
    /// full stop removed, lower case. Anything else is kept as written, to be reported.
    static func normaliseEmail(_ text: String) -> String {
        var address = text.trimmingCharacters(in: .whitespacesAndNewlines)
        if address.lowercased().hasPrefix("mailto:") { address.removeFirst(7) }
        address = address.trimmingCharacters(in: CharacterSet(charactersIn: "<>.,; "))
        return address.lowercased()
    }

    /// A number as written, with runs of spaces folded and a leading "Tel:" removed.
    static func normalisePhone(_ text: String) -> String {
        var number = text
        if let range = number.range(of: #"^(tel|telephone|phone|mob|mobile)\.?:?\s*"#, options: [.regularExpression, .caseInsensitive]) {
            number.removeSubrange(range)
        }
        return number.split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }

    static func isEmail(_ text: String) -> Bool {
        let pattern = #"^[A-Za-z0-9._%+'\-]+@[A-Za-z0-9\-]+(\.[A-Za-z0-9\-]+)+$"#
        return text.range(of: pattern, options: .regularExpression) != nil
    }

    /// A UK telephone number: 10 or 11 digits starting 0, or +44 then 9 or 10 digits, with
    /// spaces, brackets, dots and hyphens allowed between.
    static func isPhone(_ text: String) -> Bool {
        guard text.range(of: #"^[+0-9 ()\-.]+$"#, options: .regularExpression) != nil else { return false }
        // "+44 (0)1632 …": the bracketed trunk zero is dialled only from inside the UK.
        let digits = text.replacingOccurrences(of: "(0)", with: "").filter(\.isNumber)
        if text.trimmingCharacters(in: .whitespaces).hasPrefix("+") {
            return digits.hasPrefix("44") && (11...12).contains(digits.count)
        }
        return digits.hasPrefix("0") && (10...11).contains(digits.count)
    }

    /// The first whole number in the text ("4", "4 days", "about 4").
    static func integer(in text: String) -> Int? {
        if let range = text.range(of: #"\d+"#, options: .regularExpression) { return Int(text[range]) }
        // "three days": people write small numbers in words.
        let words = text.lowercased().split(whereSeparator: { !$0.isLetter })
        return words.lazy.compactMap { numberWords[String($0)] }.first
    }

    static let numberWords: [String: Int] = [
        "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
        "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15,
        "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30,
    ]

    /// "Stage 3", "stage-3", "Stage three"? Only digits: "Stage 3" and a bare "3".
    static func stageNumber(in text: String) -> Int? {
        let lower = text.lowercased()
        if let range = lower.range(of: #"stage[\s_\-:]*\d+"#, options: .regularExpression) {
            return integer(in: String(lower[range]))
        }
        let trimmed = lower.trimmingCharacters(in: .whitespacesAndNewlines)
        return trimmed.range(of: #"^\d{1,2}$"#, options: .regularExpression) != nil ? Int(trimmed) : nil
    }
}
