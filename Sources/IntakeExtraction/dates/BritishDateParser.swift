import IntakeRecord

/// Reads dates the way people in England write them: day first.
///
/// ```swift
/// BritishDateParser.parse("03/02/2026")              // 2026-02-03, never 2 March
/// BritishDateParser.parse("Tuesday 3rd February 2026")
/// BritishDateParser.parse("December 2022", allowMonthOnly: true)   // 2022-12-01
/// BritishDateParser.firstDate(in: "By 14 Nov 2025 at the latest")
/// ```
///
/// Accepted: `3/2/2026`, `03.02.26`, `3-2-2026` (day, month, year; two-digit years are 20xx),
/// `2026-02-03` (ISO), `3rd February 2026`, `3 Feb 2026`, `3 Sept 2026`, `3rd of February 2026`,
/// `Feb 3 2026`, `February 3rd, 2026`, each optionally led by a weekday. A day that does not
/// exist (31/02/2026, 13/13/2026) gives nil, never a neighbouring day.
public enum BritishDateParser {
    /// The date that `text` is, or nil. The whole trimmed string must be the date; trailing
    /// punctuation (`.`, `,`, `;`, `:`, `)`) is allowed.
    /// - parameter allowMonthOnly: also accept `December 2022` / `Dec 2022`, read as the
    ///   first of the month (policies give review dates so).
    public static func parse(_ text: String, allowMonthOnly: Bool = false) -> Day? {
        let tokens = tokenize(text)
        return parse(tokens: tokens[...], allowMonthOnly: allowMonthOnly)
    }

    /// The first date anywhere in `text` ("By 14 Nov 2025 the reply…"), or nil.
    public static func firstDate(in text: String, allowMonthOnly: Bool = false) -> Day? {
        let tokens = tokenize(text)
        for start in tokens.indices {
            // Longest window first, so "Tuesday 3 February 2026" wins over "3 February".
            for length in stride(from: min(4, tokens.count - start), through: 1, by: -1) {
                if let day = parse(tokens: tokens[start..<start + length], allowMonthOnly: allowMonthOnly) {
                    return day
                }
            }
        }
        return nil
    }

    // MARK: - Tokens

    static let monthBetweenSeparators = TextPattern(#"(\d)[-/]([a-z]{3,9})\.?[-/](\d)"#)

    /// A digit, "-" or "/", then a letter: where ``monthBetweenSeparators`` can start (most
    /// dates have none).
    private static func hasMonthBetweenSeparators(_ text: String) -> Bool {
        var previous: UInt8 = 0, beforePrevious: UInt8 = 0
        for byte in text.utf8 {
            if byte >= 0x61 && byte <= 0x7A, previous == 0x2D || previous == 0x2F, beforePrevious >= 0x30 && beforePrevious <= 0x39 {
                return true
            }
            (beforePrevious, previous) = (previous, byte)
        }
        return false
    }

    /// Lowercased words with commas and surrounding brackets and punctuation removed.
    static func tokenize(_ text: String) -> [String] {
        let trimSet: Set<Character> = [".", ",", ";", ":", ")", "(", "[", "]", "\"", "'", "’", "‘", "“", "”"]
        // "02-Oct-2026" and "2/Oct/26": a month name between separators is three words.
        let lower = text.lowercased()
        let spaced = hasMonthBetweenSeparators(lower) ? monthBetweenSeparators.replacing(in: lower, with: "$1 $2 $3") : lower
        return spaced
            .split(whereSeparator: { $0.isWhitespace || $0 == "," })
            .map { token in
                var t = Substring(token)
                while let f = t.first, trimSet.contains(f) { t = t.dropFirst() }
                while let l = t.last, trimSet.contains(l) { t = t.dropLast() }
                return String(t)
            }
            .filter { !$0.isEmpty }
    }

    static func parse(tokens: ArraySlice<String>, allowMonthOnly: Bool) -> Day? {
        var tokens = tokens
        if let first = tokens.first, weekdays.contains(first), tokens.count > 1 { tokens = tokens.dropFirst() }
        let words = Array(tokens.filter { $0 != "of" })
        // "of" is allowed only between day and month ("3rd of February 2026").
        if words.count != tokens.count, !(tokens.count == 4 && tokens[tokens.startIndex + 1] == "of") { return nil }
        switch words.count {
        case 1:
            return numeric(words[0])
        case 2 where allowMonthOnly:
            guard let month = month(words[0]), let year = year(words[1]), words[1].count == 4 else { return nil }
            return Day(year: year, month: month, day: 1)
        case 3:
            if let month = month(words[1]), let day = dayOfMonth(words[0]), let year = year(words[2]) {
                return Day(year: year, month: month, day: day)
            }
            if let month = month(words[0]), let day = dayOfMonth(words[1]), let year = year(words[2]) {
                return Day(year: year, month: month, day: day)
            }
            return nil
        default:
            return nil
        }
    }

    /// `3/2/2026`, `03.02.26`, `3-2-2026` (one separator throughout) or ISO `2026-02-03`.
    static func numeric(_ token: String) -> Day? {
        guard let separator = token.first(where: { $0 == "/" || $0 == "." || $0 == "-" }) else { return nil }
        let parts = token.split(separator: separator, omittingEmptySubsequences: false)
        guard parts.count == 3, parts.allSatisfy({ !$0.isEmpty && $0.allSatisfy(\.isASCII) && $0.allSatisfy(\.isNumber) }) else {
            return nil
        }
        if parts[0].count == 4, separator == "-" || separator == "/",
           parts[1].count <= 2, parts[2].count <= 2 {
            return Day(year: Int(parts[0])!, month: Int(parts[1])!, day: Int(parts[2])!)
        }
        guard parts[0].count <= 2, parts[1].count <= 2, let year = year(String(parts[2])) else { return nil }
        return Day(year: year, month: Int(parts[1])!, day: Int(parts[0])!)
    }

    /// `3`, `03`, `3rd`, `21st`.
    static func dayOfMonth(_ token: String) -> Int? {
        var digits = Substring(token)
        for suffix in ["st", "nd", "rd", "th"] where digits.hasSuffix(suffix) {
            digits = digits.dropLast(2)
            break
        }
        guard (1...2).contains(digits.count), digits.allSatisfy({ $0.isASCII && $0.isNumber }) else { return nil }
        return Int(digits)
    }

    /// Four digits, or two read as 20xx.
    static func year(_ token: String) -> Int? {
        guard token.allSatisfy({ $0.isASCII && $0.isNumber }), let n = Int(token) else { return nil }
        switch token.count {
        case 4: return n
        case 2: return 2000 + n
        default: return nil
        }
    }

    static func month(_ token: String) -> Int? {
        if let i = monthNames.firstIndex(of: token) { return i + 1 }
        if token == "sept" { return 9 }
        if token.count == 3, let i = monthNames.firstIndex(where: { $0.hasPrefix(token) }) { return i + 1 }
        return nil
    }

    static let monthNames = ["january", "february", "march", "april", "may", "june", "july",
                             "august", "september", "october", "november", "december"]

    static let weekdays: Set<String> = [
        "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
        "mon", "tue", "tues", "wed", "thu", "thur", "thurs", "fri", "sat", "sun",
    ]
}
