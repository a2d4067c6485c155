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

    /// The provenance map, keys sorted as `.sortedKeys` sorts them; nil when a key is not ASCII
    /// or a confidence is not a plain decimal, which `JSONEncoder` then writes.
    static func provenance(_ map: [String: Provenance]) -> String? {
        guard map.keys.allSatisfy({ $0.utf8.allSatisfy { $0 < 0x80 } }) else { return nil }
        var members: [String] = []
        members.reserveCapacity(map.count)
        for key in map.keys.sorted() {
            guard let value = provenance(map[key]!) else { return nil }
            members.append(quoted(key) + ":" + value)
        }
        return "{" + members.joined(separator: ",") + "}"
    }

    /// One provenance, members in sorted order and absent ones left out, as the synthesised
    /// `Encodable` with `.sortedKeys` writes it.
    private static func provenance(_ value: Provenance) -> String? {
        var members: [String] = []
        func add(_ key: String, _ json: String?) { if let json { members.append("\"\(key)\":" + json) } }
        add("cell", value.cell.map(String.init))
        if let confidence = value.confidence {
            guard let number = decimal(confidence) else { return nil }
            add("confidence", number)
        }
        add("field", value.field.map(quoted))
        add("match", value.match.map(quoted))
        add("page", value.page.map(String.init))
        add("part", value.part.map(quoted))
        add("row", value.row.map(String.init))
        add("table", value.table.map(String.init))
        add("via", value.via.map(quoted))
        return "{" + members.joined(separator: ",") + "}"
    }

    /// A finite number as `JSONEncoder` writes it where Swift's shortest form has no exponent:
    /// that form, without a trailing `.0`.
    static func decimal(_ number: Double) -> String? {
        guard number.isFinite else { return nil }
        let text = number.description
        guard !text.contains("e") else { return nil }
        return text.hasSuffix(".0") ? String(text.dropLast(2)) : text
    }
}
