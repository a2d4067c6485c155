extension StringProtocol {
    /// The text without white space or line breaks at either end. Foundation's
    /// `trimmingCharacters(in:)` bridges through NSString, which cost a sixth of extraction.
    var trimmedWhitespace: String {
        let scalars = unicodeScalars
        guard let first = scalars.firstIndex(where: { !$0.properties.isWhitespace }),
              let last = scalars.lastIndex(where: { !$0.properties.isWhitespace }) else { return "" }
        return String(self[first...last])
    }

    /// Whether the text holds nothing but white space (stops at the first other character).
    var isBlank: Bool { unicodeScalars.allSatisfy(\.properties.isWhitespace) }
}
