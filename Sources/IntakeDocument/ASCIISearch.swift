// Looking for a colon or question mark by Character runs grapheme breaking over every
// character before it; an ASCII punctuation mark is one byte, found on the UTF-8 bytes.
extension StringProtocol {
    @inlinable public func firstIndex(ofASCII mark: Unicode.Scalar) -> Index? {
        utf8.firstIndex(of: UInt8(truncatingIfNeeded: mark.value))
    }

    @inlinable public func containsASCII(_ mark: Unicode.Scalar) -> Bool {
        utf8.contains(UInt8(truncatingIfNeeded: mark.value))
    }
}

extension String {
    /// The non-empty lines, as `split(separator: "\n")` gives them, cut at "\n" bytes:
    /// splitting by character runs grapheme breaking over the whole text. A line feed always
    /// stands alone as a character except after a carriage return ("\r\n" is one character,
    /// which `split` does not cut), so a text holding one is split by character.
    public var nonEmptyLines: [Substring] {
        guard !utf8.contains(0x0D) else { return split(separator: "\n", omittingEmptySubsequences: true) }
        var lines: [Substring] = [], start = startIndex
        for index in utf8.indices where utf8[index] == 0x0A {
            if start < index { lines.append(self[start..<index]) }
            start = utf8.index(after: index)
        }
        if start < endIndex { lines.append(self[start...]) }
        return lines
    }
}
