/// JSON text written directly for the commonest values, the same bytes as `JSONEncoder` with
/// `.withoutEscapingSlashes` writes: a record's field keys and plain values went through a
/// separate `JSONEncoder.encode` each, 4 % of all CPU.
enum JSONText {
    /// A string literal: `"` and `\` escaped, control characters as `\b \t \n \f \r` or
    /// `\u00xx` (lower-case hex), every other byte as it is.
    static func quoted(_ text: String) -> String {
        var text = text
        return text.withUTF8 { bytes in
            var out: [UInt8] = [UInt8(ascii: "\"")]
            out.reserveCapacity(bytes.count + 2)
            for byte in bytes {
                switch byte {
                case UInt8(ascii: "\""), UInt8(ascii: "\\"): out += [UInt8(ascii: "\\"), byte]
                case 0x08: out += Array("\\b".utf8)
                case 0x09: out += Array("\\t".utf8)
                case 0x0A: out += Array("\\n".utf8)
                case 0x0C: out += Array("\\f".utf8)
                case 0x0D: out += Array("\\r".utf8)
                case 0..<0x20:
                    let hex = Array("0123456789abcdef".utf8)
                    out += Array("\\u00".utf8) + [hex[Int(byte >> 4)], hex[Int(byte & 0x0F)]]
                default: out.append(byte)
                }
            }
            out.append(UInt8(ascii: "\""))
            return String(decoding: out, as: UTF8.self)
        }
    }

    /// A field value's JSON when it is text, a date, a number or yes/no; nil for the others,
    /// which `JSONEncoder` writes.
    static func plain(_ value: FieldValue) -> String? {
        switch value {
        case .text(let text), .date(let text): quoted(text)
        case .integer(let number): String(number)
        case .boolean(let answer): answer ? "true" : "false"
        case .list, .signature, .stages: nil
        }
    }
}
