import ArgumentParser
import IntakeStore

/// `intake records show`: a stored record for a person to read.
enum RecordText {
    static func render(_ s: StoredRecord, events: [StoreEvent]) -> String {
        let r = s.record
        var out = """
            record \(s.id)  \(s.status.rawValue)
            source     \(r.source.path)\(r.source.attachmentOf.map { "  (attachment of \($0))" } ?? "")
            sha256     \(r.source.sha256)
            kind       \(r.kind ?? "-")  partnership \(r.partnership ?? "-")  mapping \(r.mapping ?? "-") \(r.mappingVersion ?? "")
            stage      \(s.stage.map(String.init) ?? "-")  case \(s.caseID.map(String.init) ?? "-")
            received   \(r.source.receivedAt ?? "-")  from \(r.source.sender ?? "-")
            stored     \(s.storedAt)  updated \(s.updatedAt)

            """
        if let resolved = s.resolvedAt { out += "resolved   \(resolved)  \(s.resolutionNote ?? "")\n" }
        out += "\nfields\n"
        let width = r.fields.keys.map(\.count).max() ?? 0
        for (key, value) in r.fields {
            out += "  \(key.padding(toLength: width, withPad: " ", startingAt: 0))  \(value.displayText)\n"
        }
        out += "\nfindings\n"
        if r.findings.isEmpty { out += "  none\n" }
        for f in r.findings {
            out += "  \(f.severity.rawValue)  \(f.code.rawValue)\(f.field.map { " [\($0)]" } ?? ""): \(f.message)\n"
        }
        out += "\nevents\n"
        for e in events { out += "  \(e.at)  \(e.kind.rawValue)\(e.detail.map { "  \($0)" } ?? "")\n" }
        return out
    }
}
