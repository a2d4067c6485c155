/// How printed labels are compared: case, spacing, curly quotes, dashes and trailing
/// punctuation do not matter ("Child’s name:" matches "Child's name").
public enum LabelText {
    public static func normalize(_ text: String) -> String {
        if let ascii = normalizeASCII(text) { return ascii }
        // Written as UTF-8 bytes: appending scalars to a String's scalar view costs more than the
        // rest together, and a box glyph sends a whole document's text down this path.
        var out: [UInt8] = []
        out.reserveCapacity(text.utf8.count)
        var pendingSpace = false
        func append(_ c: Unicode.Scalar) {
            if c.value < 0x80 { out.append(UInt8(c.value)) } else { UTF8.encode(c) { out.append($0) } }
        }
        for scalar in text.unicodeScalars {
            let c: Unicode.Scalar
            switch scalar {
            case "\u{2018}", "\u{2019}", "\u{02BC}", "`": c = "'"
            case "\u{201C}", "\u{201D}": c = "\""
            case "\u{2013}", "\u{2014}", "\u{2012}", "\u{2212}": c = "-"
            case "\u{00A0}": c = " "
            default: c = scalar
            }
            // ASCII scalars are told by value: the property look-ups cost most of a long
            // document's normalising.
            if c.isASCII ? (c.value == 0x20 || (c.value >= 0x09 && c.value <= 0x0D)) : c.properties.isWhitespace {
                pendingSpace = !out.isEmpty
                continue
            }
            if pendingSpace { out.append(0x20); pendingSpace = false }
            if c.isASCII {
                out.append(c.value >= 0x41 && c.value <= 0x5A ? UInt8(c.value + 32) : UInt8(c.value))
            } else if !c.properties.changesWhenLowercased {
                append(c)
            } else {
                for lower in c.properties.lowercaseMapping.unicodeScalars { append(lower) }
            }
        }
        while let last = out.last, [0x3A, 0x2A, 0x3F, 0x2E, 0x20].contains(last) { out.removeLast() }
        return String(decoding: out, as: UTF8.self)
    }

    /// The same for text that is all ASCII, on its bytes: most labels are, and Unicode
    /// property look-ups per character cost more than the rest of label matching.
    static func normalizeASCII(_ text: String) -> String? {
        var text = text
        return text.withUTF8 { source -> String? in
            for byte in source where byte >= 0x80 { return nil }
            // Written straight into the string's storage (never longer than the text): no
            // array to fill and copy.
            return String(unsafeUninitializedCapacity: source.count) { out in
                var count = 0
                var pendingSpace = false
                for byte in source {
                    switch byte {
                    case 0x20, 0x09...0x0D:
                        pendingSpace = count > 0
                        continue
                    default:
                        break
                    }
                    if pendingSpace { out[count] = 0x20; count += 1; pendingSpace = false }
                    out[count] = byte == UInt8(ascii: "`") ? UInt8(ascii: "'") : byte >= 0x41 && byte <= 0x5A ? byte + 32 : byte
                    count += 1
                }
                while count > 0, [0x3A, 0x2A, 0x3F, 0x2E, 0x20].contains(out[count - 1]) { count -= 1 }
                return count
            }
        }
    }

    /// How many words (runs of letters and digits) a text has, without normalising it.
    public static func wordCount(_ text: String) -> Int {
        var count = 0
        var inWord = false
        for scalar in text.unicodeScalars {
            let isWordScalar = scalar.isASCII
                ? (scalar.value >= 0x30 && scalar.value <= 0x39) || (scalar.value | 0x20 >= 0x61 && scalar.value | 0x20 <= 0x7A)
                : scalar.properties.isAlphabetic || scalar.properties.numericType != nil
            if isWordScalar, !inWord { count += 1 }
            inWord = isWordScalar
        }
        return count
    }
}
