// Inlinable: every module trims, and unspecialised code walks a generic string's bytes through
// protocol witnesses, retaining the string on each step.
extension StringProtocol {
    /// The text without white space or line breaks at either end: Foundation's
    /// `trimmingCharacters(in: .whitespacesAndNewlines)` (the same set, Unicode's White_Space),
    /// which bridges through NSString and cost a sixth of extraction. Ends that are ASCII are
    /// trimmed on bytes; Unicode properties are asked only past a non-ASCII byte.
    @inlinable public var trimmedWhitespace: String { trimmed(lineBreaks: true) }

    /// The text without spaces and tabs at either end, line breaks kept: Foundation's
    /// `trimmingCharacters(in: .whitespaces)` (tab and the space separators).
    @inlinable public var trimmedSpaces: String { trimmed(lineBreaks: false) }

    /// Whether the text holds nothing but white space (stops at the first other character).
    @inlinable public var isBlank: Bool {
        for byte in utf8 {
            if Self.isASCIISpace(byte, lineBreaks: true) { continue }
            if byte < 0x80 { return false }
            return unicodeScalars.allSatisfy(\.isWhitespaceScalar)
        }
        return true
    }

    @inlinable func trimmed(lineBreaks: Bool) -> String {
        var first: Index?, end = startIndex, last: UInt8 = 0
        var i = utf8.startIndex
        while i < utf8.endIndex {
            let byte = utf8[i], next = utf8.index(after: i)
            if !Self.isASCIISpace(byte, lineBreaks: lineBreaks) {
                if first == nil { first = i; if byte >= 0x80 { return trimmedByScalars(lineBreaks: lineBreaks) } }
                end = next
                last = byte
            }
            i = next
        }
        guard let first else { return "" }
        return last >= 0x80 ? trimmedByScalars(lineBreaks: lineBreaks) : String(self[first..<end])
    }

    @inlinable func trimmedByScalars(lineBreaks: Bool) -> String {
        let scalars = unicodeScalars
        func trims(_ scalar: Unicode.Scalar) -> Bool {
            scalar.isWhitespaceScalar && (lineBreaks || !Self.isLineBreak(scalar))
        }
        guard let first = scalars.firstIndex(where: { !trims($0) }),
              let last = scalars.lastIndex(where: { !trims($0) }) else { return "" }
        return String(self[first...last])
    }

    /// Foundation's `newlines`: line feed to carriage return, next line, line and paragraph separators.
    @inlinable static func isLineBreak(_ scalar: Unicode.Scalar) -> Bool {
        (0x0A...0x0D).contains(scalar.value) || scalar.value == 0x85 || scalar.value == 0x2028 || scalar.value == 0x2029
    }

    /// Tab and space, and with `lineBreaks` line feed, vertical tab, form feed and carriage return.
    @inlinable static func isASCIISpace(_ byte: UInt8, lineBreaks: Bool) -> Bool {
        byte == 0x20 || byte == 0x09 || (lineBreaks && byte >= 0x0A && byte <= 0x0D)
    }
}
