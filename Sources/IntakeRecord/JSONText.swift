import Foundation

/// JSON written straight into bytes for what a record holds most of (keys, text, numbers,
/// provenance), the same bytes as swift-foundation's `JSONEncoder` (Linux) with `.sortedKeys,
/// .withoutEscapingSlashes` writes; `JSONEncoder` writes the rest. (Apple's older encoder may
/// sort keys otherwise.) Encoding every key and value on its own cost 4 % of
/// all CPU.
struct JSONText {
    private(set) var bytes: [UInt8] = []

    mutating func raw(_ text: String) { bytes += text.utf8 }

    /// A string literal: `"` and `\` escaped, control characters as `\b \t \n \f \r` or
    /// `\u00xx` (lower-case hex), every other byte as it is.
    mutating func string(_ text: String) {
        bytes.append(UInt8(ascii: "\""))
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "\""), UInt8(ascii: "\\"): bytes += [UInt8(ascii: "\\"), byte]
            case 0x08: bytes += [UInt8(ascii: "\\"), UInt8(ascii: "b")]
            case 0x09: bytes += [UInt8(ascii: "\\"), UInt8(ascii: "t")]
            case 0x0A: bytes += [UInt8(ascii: "\\"), UInt8(ascii: "n")]
            case 0x0C: bytes += [UInt8(ascii: "\\"), UInt8(ascii: "f")]
            case 0x0D: bytes += [UInt8(ascii: "\\"), UInt8(ascii: "r")]
            case 0..<0x20:
                bytes += Array("\\u00".utf8) + [Self.hex[Int(byte >> 4)], Self.hex[Int(byte & 0x0F)]]
            default: bytes.append(byte)
            }
        }
        bytes.append(UInt8(ascii: "\""))
    }

    private static let hex = Array("0123456789abcdef".utf8)

    mutating func string(_ text: String?) {
        if let text { string(text) } else { raw("null") }
    }

    /// `"name":`
    mutating func key(_ name: String) {
        string(name)
        bytes.append(UInt8(ascii: ":"))
    }

    mutating func encoded(_ value: some Encodable, with encoder: JSONEncoder) throws {
        bytes += try encoder.encode(value)
    }

    /// A field value when it is text, a date, a number or yes/no; false (nothing written) for
    /// the others, which `JSONEncoder` writes.
    mutating func plain(_ value: FieldValue) -> Bool {
        switch value {
        case .text(let text), .date(let text): string(text)
        case .integer(let number): raw(String(number))
        case .boolean(let answer): raw(answer ? "true" : "false")
        case .list, .signature, .stages: return false
        }
        return true
    }

    /// The provenance map, keys sorted as `.sortedKeys` sorts them; false (nothing written)
    /// when a key is not ASCII or a confidence is not a plain decimal.
    mutating func provenance(_ map: [String: Provenance]) -> Bool {
        guard map.keys.allSatisfy({ $0.utf8.allSatisfy { $0 < 0x80 } }),
              map.values.allSatisfy({ $0.confidence.map { Self.decimal($0) != nil } ?? true }) else { return false }
        bytes.append(UInt8(ascii: "{"))
        for (index, key) in map.keys.sorted().enumerated() {
            if index > 0 { bytes.append(UInt8(ascii: ",")) }
            self.key(key)
            provenance(map[key]!)
        }
        bytes.append(UInt8(ascii: "}"))
        return true
    }

    /// One provenance, members in sorted order and absent ones left out, as the synthesised
    /// `Encodable` writes it.
    private mutating func provenance(_ value: Provenance) {
        var first = true
        if let cell = value.cell { member("cell", &first); raw(String(cell)) }
        if let confidence = value.confidence { member("confidence", &first); raw(Self.decimal(confidence)!) }
        if let field = value.field { member("field", &first); string(field) }
        if let match = value.match { member("match", &first); string(match) }
        if let page = value.page { member("page", &first); raw(String(page)) }
        if let part = value.part { member("part", &first); string(part) }
        if let row = value.row { member("row", &first); raw(String(row)) }
        if let table = value.table { member("table", &first); raw(String(table)) }
        if let via = value.via { member("via", &first); string(via) }
        raw(first ? "{}" : "}")
    }

    /// A record's source, members sorted and absent optional ones left out, as its `Encodable`
    /// writes it (`attachment_of`, `received_at` and `sender` always, `null` when absent).
    mutating func source(_ source: RecordSource) {
        var first = true
        if let name = source.attachmentName { member("attachment_name", &first); string(name) }
        member("attachment_of", &first); string(source.attachmentOf)
        if let from = source.convertedFrom { member("converted_from", &first); string(from) }
        member("format", &first); string(source.format)
        if let ids = source.inReplyTo { member("in_reply_to", &first); strings(ids) }
        if let id = source.messageID { member("message_id", &first); string(id) }
        member("path", &first); string(source.path)
        member("received_at", &first); string(source.receivedAt)
        if let ids = source.references { member("references", &first); strings(ids) }
        member("sender", &first); string(source.sender)
        member("sha256", &first); string(source.sha256)
        if let size = source.size { member("size", &first); raw(String(size)) }
        if let subject = source.subject { member("subject", &first); string(subject) }
        bytes.append(UInt8(ascii: "}"))
    }

    /// Findings as their `Encodable` writes them: every member, `field` `null` when absent.
    mutating func findings(_ findings: [Finding]) {
        bytes.append(UInt8(ascii: "["))
        for (index, finding) in findings.enumerated() {
            if index > 0 { bytes.append(UInt8(ascii: ",")) }
            var first = true
            member("code", &first); string(finding.code.rawValue)
            member("field", &first); string(finding.field)
            member("message", &first); string(finding.message)
            member("severity", &first); string(finding.severity.rawValue)
            bytes.append(UInt8(ascii: "}"))
        }
        bytes.append(UInt8(ascii: "]"))
    }

    private mutating func strings(_ list: [String]) {
        bytes.append(UInt8(ascii: "["))
        for (index, text) in list.enumerated() {
            if index > 0 { bytes.append(UInt8(ascii: ",")) }
            string(text)
        }
        bytes.append(UInt8(ascii: "]"))
    }

    /// `{` before an object's first member, `,` before the others, then the member's key.
    private mutating func member(_ name: String, _ first: inout Bool) {
        bytes.append(first ? UInt8(ascii: "{") : UInt8(ascii: ","))
        first = false
        key(name)
    }

    /// A finite number as `JSONEncoder` writes it where Swift's shortest form has no exponent:
    /// that form, without a trailing `.0`.
    static func decimal(_ number: Double) -> String? {
        guard number.isFinite else { return nil }
        // A whole number (a confidence of 1 most often) as an integer, which is quicker to write.
        if number == number.rounded(), abs(number) < 1e15, number != 0 || number.sign == .plus { return String(Int(number)) }
        let text = number.description
        guard !text.contains("e") else { return nil }
        return text.hasSuffix(".0") ? String(text.dropLast(2)) : text
    }
}
