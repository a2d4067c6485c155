import Foundation

extension CaseRecord {
    /// The record as one line of JSON, keys in the contract's order (schema, source, kind, …,
    /// fields in the order they were found, findings, status) so that output is stable and
    /// reads like the spec. Nested objects have sorted keys.
    public func jsonLine() throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        var out = JSONText()
        out.raw("{")
        out.key("schema"); out.string(schema)
        out.raw(","); out.key("source"); out.source(source)
        out.raw(","); out.key("kind"); out.string(kind)
        out.raw(","); out.key("partnership"); out.string(partnership)
        out.raw(","); out.key("mapping"); out.string(mapping)
        if let mappingVersion { out.raw(","); out.key("mapping_version"); out.string(mappingVersion) }
        out.raw(","); out.key("fields"); out.raw("{")
        for (index, field) in fields.enumerated() {
            if index > 0 { out.raw(",") }
            out.key(field.key)
            if !out.plain(field.value) { try out.encoded(field.value, with: encoder) }
        }
        out.raw("}")
        if let provenance {
            out.raw(","); out.key("provenance")
            if !out.provenance(provenance) { try out.encoded(provenance, with: encoder) }
        }
        out.raw(","); out.key("findings"); out.findings(findings)
        out.raw(","); out.key("status"); out.string(status.rawValue)
        out.raw("}\n")
        return Data(out.bytes)
    }
}
