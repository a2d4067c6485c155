import Foundation
import IntakeDocument
import IntakeMapping

/// Reads which options of a one-of / many-of row are ticked, from the row's text.
///
/// Readers write every recognised box as ☒/☐ before its words; people also type "X" or
/// "[X]" before or after an option, "– Yes" after it, or delete the options they did not choose.
struct ChoiceReader {
    enum Outcome: Equatable {
        case chosen([ChoiceOption])
        /// Nothing recognisable was ticked, but the text names a value ("Stage 2").
        case typed(String)
        case none
    }

    let options: [ChoiceOption]

    func read(_ text: String) -> Outcome {
        let row = MarkedText(text)
        var found: [(option: ChoiceOption, range: Range<Int>)] = []
        for option in options {
            if let range = row.locate(option.labels.map { MarkedText.fold($0) }) { found.append((option, range)) }
        }
        let typedX = row.typedXOwners(of: found.map(\.range))
        // Boxes usually lead their words ("☒ Yes"), but some forms put them after ("Yes ☒").
        // Which side a row uses is decided by which side more options have a box on.
        let leading = found.filter { row.boxState(before: $0.range.lowerBound) != nil }.count
        let trailing = found.filter { row.boxState(after: $0.range.upperBound) != nil }.count
        let boxesTrail = trailing > leading
        var anyMark = !typedX.isEmpty
        var chosen: [ChoiceOption] = []
        for (index, entry) in found.enumerated() {
            let box = boxesTrail ? row.boxState(after: entry.range.upperBound) : row.boxState(before: entry.range.lowerBound)
            let state = box ?? (row.saysYes(after: entry.range.upperBound) ? true : nil)
            if state != nil { anyMark = true }
            if state == true || typedX.contains(index) { chosen.append(entry.option) }
        }
        if anyMark { return .chosen(chosen) }
        let whole = MarkedText.fold(text).trimmedWhitespace
        if let exact = options.first(where: { $0.labels.contains { MarkedText.fold($0) == whole } }) {
            return .chosen([exact])
        }
        // The options not chosen were deleted: what is left is the choice. (Not for yes/no,
        // whose short words turn up inside other text.)
        if !found.isEmpty, found.count < options.count, options.allSatisfy({ $0.label.count >= 4 }) {
            return .chosen(found.map(\.option))
        }
        // Part of one option's words typed on its own: "Formal", "Senior Manager to Senior Manager".
        if found.isEmpty, whole.count >= 4 {
            let partial = options.filter { $0.labels.contains { MarkedText.fold($0).contains(whole) } }
            if partial.count == 1 { return .chosen(partial) }
        }
        // Written out rather than ticked: "Stage 2", "No – not resolved". With two options
        // named and nothing marked (a blank "Yes  No") there is no answer.
        if found.count <= 1, !whole.isEmpty, !whole.contains(Tick.uncheckedMark) {
            return .typed(whole)
        }
        return .none
    }
}

/// A choice row's text, folded for matching but keeping tabs and line breaks, which tell
/// which option a typed X belongs to.
struct MarkedText {
    let chars: [Character]
    /// `chars` with tabs and line breaks as spaces, for finding option words across wraps.
    private let flat: String
    /// `flat`'s UTF-8, for searching it byte by byte.
    private let flatBytes: [UInt8]
    /// Every character one Unicode scalar (true of ☒, ☐ and letters typed as one code point):
    /// then a byte search for ASCII words starts and ends its matches on characters.
    private let isOneScalarPerCharacter: Bool

    init(_ text: String) {
        var folded: [Character] = []
        for ch in Self.fold(text, keepBreaks: true) {
            if ch == " ", folded.last == " " { continue }
            folded.append(ch)
        }
        chars = folded
        flat = String(folded.map { $0 == "\t" || $0 == "\n" ? " " : $0 })
        flatBytes = Array(flat.utf8)
        isOneScalarPerCharacter = flat.unicodeScalars.count == folded.count
    }

    /// Lower case, plain quotes and dashes; whitespace folded to single spaces unless kept.
    static func fold(_ text: String, keepBreaks: Bool = false) -> String {
        if let folded = foldASCII(text, keepBreaks: keepBreaks) { return folded }
        var out = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\u{2018}", "\u{2019}": out.append("'")
            case "\u{2013}", "\u{2014}": out.append("-")
            case "\t", "\n": out.append(keepBreaks ? scalar : " ")
            case "\u{00A0}", "\r": out.append(" ")
            // ASCII without the case tables: looking every scalar up cost 3 % of all CPU.
            case "A"..."Z": out.append(Unicode.Scalar(scalar.value + 32)!)
            case _ where scalar.isASCII: out.append(scalar)
            default: out.append(contentsOf: scalar.properties.lowercaseMapping.unicodeScalars)
            }
        }
        let folded = String(out)
        return keepBreaks ? folded : folded.split(separator: " ", omittingEmptySubsequences: true).joined(separator: " ")
    }

    /// ``fold(_:keepBreaks:)`` on bytes, for text that is all ASCII (nil otherwise): going
    /// scalar by scalar through Unicode's case tables cost 3 % of all CPU.
    private static func foldASCII(_ text: String, keepBreaks: Bool) -> String? {
        var text = text
        return text.withUTF8 { bytes -> String? in
            var out: [UInt8] = []
            out.reserveCapacity(bytes.count)
            for byte in bytes {
                guard byte < 0x80 else { return nil }
                var folded = byte
                switch byte {
                case UInt8(ascii: "A")...UInt8(ascii: "Z"): folded = byte + 32
                case UInt8(ascii: "\t"), UInt8(ascii: "\n"): folded = keepBreaks ? byte : 0x20
                case UInt8(ascii: "\r"): folded = 0x20
                default: break
                }
                // Unless kept, runs of spaces become one and none leads.
                if !keepBreaks, folded == 0x20, out.last ?? 0x20 == 0x20 { continue }
                out.append(folded)
            }
            if !keepBreaks, out.last == 0x20 { out.removeLast() }
            return String(decoding: out, as: UTF8.self)
        }
    }

    /// The first whole-word occurrence of any of the wordings, as character offsets.
    func locate(_ wordings: [String]) -> Range<Int>? {
        if isOneScalarPerCharacter, wordings.allSatisfy({ $0.utf8.allSatisfy { $0 < 0x80 } }) { return locateASCII(wordings) }
        for needle in wordings where !needle.isEmpty {
            var from = flat.startIndex
            while let range = flat.range(of: needle, range: from..<flat.endIndex) {
                let lower = flat.distance(from: flat.startIndex, to: range.lowerBound)
                let upper = lower + needle.count
                let beforeOK = lower == 0 || !chars[lower - 1].isLetter
                let afterOK = upper >= chars.count || !chars[upper].isLetter
                if beforeOK && afterOK { return lower..<upper }
                from = range.upperBound
            }
        }
        return nil
    }

    /// ``locate(_:)`` as a byte search, for ASCII wordings in text of one scalar per character:
    /// Foundation's `range(of:)` cost 1 % of all CPU, and choice rows are rarely ASCII (☒, ☐).
    private func locateASCII(_ wordings: [String]) -> Range<Int>? {
        flatBytes.withUnsafeBytes { haystack in
            // A match starts on an ASCII byte; its character offset counts the scalars before it.
            var counted = (byte: 0, character: 0)
            func characterOffset(ofByte byte: Int) -> Int {
                if byte < counted.byte { counted = (0, 0) }
                while counted.byte < byte {
                    if haystack[counted.byte] & 0xC0 != 0x80 { counted.character += 1 }
                    counted.byte += 1
                }
                return counted.character
            }
            for needle in wordings where !needle.isEmpty {
                let word = Array(needle.utf8)
                // After a match that is not a whole word, on from its end, as `range(of:)` is used above.
                var from = 0
                while let lowerByte = ByteSearch.first(word, in: haystack, from: from) {
                    let lower = characterOffset(ofByte: lowerByte)
                    let upper = lower + word.count
                    if (lower == 0 || !chars[lower - 1].isLetter) && (upper >= chars.count || !chars[upper].isLetter) {
                        return lower..<upper
                    }
                    from = lowerByte + word.count
                }
            }
            return nil
        }
    }

    /// ☒ or ☐ just before the option (spaces between allowed, on the same line).
    func boxState(before offset: Int) -> Bool? {
        var i = offset - 1
        while i >= 0, chars[i] == " " || chars[i] == "\t" { i -= 1 }
        guard i >= 0 else { return nil }
        if chars[i] == Tick.checkedMark { return true }
        if chars[i] == Tick.uncheckedMark { return false }
        return nil
    }

    /// ☒ or ☐ just after the option, on the same line.
    func boxState(after offset: Int) -> Bool? {
        var i = offset
        while i < chars.count, chars[i] == " " || chars[i] == "\t" { i += 1 }
        guard i < chars.count else { return nil }
        if chars[i] == Tick.checkedMark { return true }
        if chars[i] == Tick.uncheckedMark { return false }
        return nil
    }

    static let yesAfterOption = TextPattern(#"^[ \t]*[-:(]?[ \t]*(yes|ticked|selected)\b"#)

    /// "– Yes", ": yes", "(ticked)" right after the option.
    func saysYes(after offset: Int) -> Bool {
        let rest = String(chars[offset..<min(chars.count, offset + 16)])
        return Self.yesAfterOption.matches(rest)
    }

    /// For each typed X ("x", "[x]", "(x)" standing alone), the option it belongs to, given
    /// as indices into `ranges`. An X between two options goes to the side it sits closer
    /// to: a tab or line break is a wider gap than spaces.
    func typedXOwners(of ranges: [Range<Int>]) -> Set<Int> {
        var owners = Set<Int>()
        guard chars.contains("x") else { return owners }
        let text = String(chars)
        for range in Self.typedX.ranges(in: text) {
            let start = text.distance(from: text.startIndex, to: range.lowerBound)
            let end = start + text[range].count
            var left = start, right = end
            var leftGap = 0, rightGap = 0
            while left > 0, chars[left - 1].isWhitespace { left -= 1; leftGap += gapWeight(chars[left]) }
            while right < chars.count, chars[right].isWhitespace { rightGap += gapWeight(chars[right]); right += 1 }
            let leftOwner = ranges.firstIndex { $0.upperBound == left }
            let rightOwner = ranges.firstIndex { $0.lowerBound == right }
            switch (leftOwner, rightOwner) {
            // A bracketed box, "[X] Option", stands before its option like a printed box.
            case (let l?, let r?): owners.insert(chars[start] == "[" || chars[start] == "(" || leftGap > rightGap ? r : l)
            case (let l?, nil): owners.insert(l)
            case (nil, let r?): owners.insert(r)
            case (nil, nil): break
            }
        }
        return owners
    }

    static let typedX = TextPattern(#"(?<![^\s])(\[x\]|\(x\)|x)(?![^\s])"#)

    private func gapWeight(_ ch: Character) -> Int {
        ch == "\n" ? 100 : ch == "\t" ? 4 : 1
    }
}
