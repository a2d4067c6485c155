extension Unicode.Scalar {
    /// Unicode's White_Space, told by value for ASCII: `properties.isWhitespace` looks the
    /// property up in a table for every scalar, which cost a PDF page's glyphs 2-3 % of all CPU.
    @inlinable public var isWhitespaceScalar: Bool {
        value < 0x80 ? value == 0x20 || (value >= 0x09 && value <= 0x0D) : properties.isWhitespace
    }
}
