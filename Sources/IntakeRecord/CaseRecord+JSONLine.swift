import Foundation

extension CaseRecord {
    /// The record as one line of JSON, keys in the contract's order (schema, source, kind, …,
    /// fields in the order they were found, findings, status) so that output is stable and
    /// reads like the spec. Nested objects have sorted keys.
    public func jsonLine() throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        func json(_ value: some Encodable) throws -> String {
            String(decoding: try encoder.encode(value), as: UTF8.self)
        }
        var members: [(String, String)] = [
            ("schema", try json(schema)), ("source", try json(source)), ("kind", try json(kind)),
            ("partnership", try json(partnership)), ("mapping", try json(mapping)),
        ]
        if let mappingVersion { members.append(("mapping_version", try json(mappingVersion))) }
        let fieldMembers = try fields.map { "\(JSONText.quoted($0.key)):\(try JSONText.plain($0.value) ?? json($0.value))" }
        members.append(("fields", "{" + fieldMembers.joined(separator: ",") + "}"))
        if let provenance { members.append(("provenance", try JSONText.provenance(provenance) ?? json(provenance))) }
        members.append(("findings", try json(findings)))
        members.append(("status", try json(status)))
        let body = members.map { "\"\($0.0)\":\($0.1)" }.joined(separator: ",")
        return Data(("{" + body + "}\n").utf8)
    }
}
