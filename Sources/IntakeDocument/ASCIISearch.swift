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
