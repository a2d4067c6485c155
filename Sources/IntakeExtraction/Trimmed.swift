extension StringProtocol {
    /// The text without white space or line breaks at either end. Foundation's
    /// `trimmingCharacters(in:)` bridges through NSString, which cost a sixth of extraction.
    /// Ends that are ASCII are trimmed on bytes; Unicode properties only past a non-ASCII byte.
    var trimmedWhitespace: String {
        var first: Index?, end = startIndex, last: UInt8 = 0
        var i = utf8.startIndex
        while i < utf8.endIndex {
            let byte = utf8[i], next = utf8.index(after: i)
            if !Self.isASCIISpace(byte) {
                if first == nil { first = i; if byte >= 0x80 { return trimmedByScalars } }
                end = next
                last = byte
            }
            i = next
        }
        guard let first else { return "" }
        return last >= 0x80 ? trimmedByScalars : String(self[first..<end])
    }

    private var trimmedByScalars: String {
        let scalars = unicodeScalars
        guard let first = scalars.firstIndex(where: { !$0.properties.isWhitespace }),
              let last = scalars.lastIndex(where: { !$0.properties.isWhitespace }) else { return "" }
        return String(self[first...last])
    }

    /// Whether the text holds nothing but white space (stops at the first other character).
    var isBlank: Bool {
        for byte in utf8 {
            if Self.isASCIISpace(byte) { continue }
            if byte < 0x80 { return false }
            return unicodeScalars.allSatisfy(\.properties.isWhitespace)
        }
        return true
    }

    /// Tab, line feed, vertical tab, form feed, carriage return, space: the ASCII white space.
    private static func isASCIISpace(_ byte: UInt8) -> Bool { byte == 0x20 || (byte >= 0x09 && byte <= 0x0D) }
}
