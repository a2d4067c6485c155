import Foundation
import IntakeRecord

/// Stored records as JSON Lines (the `intake extract` contract plus the store's own state, so an
/// export imports again exactly) or as CSV for a spreadsheet (one row per record, one column per
/// field key).
public enum RecordExport {
    public enum Format: String, Sendable, CaseIterable {
        case jsonl, csv
    }

    /// `events` are the records' audit logs by record id (JSON Lines carries them; CSV does not).
    public static func render(_ records: [StoredRecord], events: [Int64: [StoreEvent]] = [:], as format: Format) throws -> String {
        switch format {
        case .jsonl: try jsonl(records, events: events)
        case .csv: csv(records)
        }
    }

    /// One case record per line, in the contract's shape, with what the store knows of it under
    /// `store` (``StoredState``): `records import` restores it exactly.
    public static func jsonl(_ records: [StoredRecord], events: [Int64: [StoreEvent]]) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        // Each case named by its first record's SHA-256: the same in any store.
        var firstOfCase: [Int64: StoredRecord] = [:]
        for stored in records {
            guard let caseID = stored.caseID else { continue }
            if let first = firstOfCase[caseID], (first.storedAt, first.id) <= (stored.storedAt, stored.id) { continue }
            firstOfCase[caseID] = stored
        }
        var out = ""
        for stored in records {
            let state = StoredState(stored, events: events[stored.id] ?? [],
                                    caseOf: stored.caseID.flatMap { firstOfCase[$0]?.sha256 })
            out += String(decoding: try encoder.encode(ExportedRecord(record: stored.record, store: state)), as: UTF8.self)
            out += "\n"
        }
        return out
    }

    /// The store's columns, then one `field:KEY` column per field key (the union over the records, sorted).
    public static let fixedColumns = [
        "id", "sha256", "kind", "partnership", "mapping", "mapping_version", "status", "stage", "case_id",
        "case_reference", "source_path", "attachment_of", "received_at", "stored_at", "errors", "warnings",
        "finding_codes",
    ]

    public static func csv(_ records: [StoredRecord]) -> String {
        let keys = Set(records.flatMap { $0.record.fields.keys }).sorted()
        var lines = [(fixedColumns + keys.map { "field:" + $0 }).map(cell).joined(separator: ",")]
        for stored in records {
            let r = stored.record
            let fixed: [String] = [
                String(stored.id), r.source.sha256, r.kind ?? "", r.partnership ?? "", r.mapping ?? "",
                r.mappingVersion ?? "", stored.status.rawValue, stored.stage.map(String.init) ?? "",
                stored.caseID.map(String.init) ?? "", stored.caseReference ?? "", r.source.path,
                r.source.attachmentOf ?? "", r.source.receivedAt ?? "", stored.storedAt,
                String(r.findings.count { $0.severity == .error }),
                String(r.findings.count { $0.severity == .warning }),
                r.findings.map(\.code.rawValue).joined(separator: " "),
            ]
            let values = keys.map { r.fields[$0]?.displayText ?? "" }
            lines.append((fixed + values).map(cell).joined(separator: ","))
        }
        return lines.joined(separator: "\r\n") + "\r\n"
    }

    /// RFC 4180 quoting, and a leading `'` on text a spreadsheet would run as a formula
    /// (`=`, `+`, `-`, `@`): forms are filled in by people outside the business unit.
    static func cell(_ text: String) -> String {
        var text = text
        if let first = text.first, "=+-@\t\r".contains(first), Double(text) == nil { text = "'" + text }
        guard text.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return text }
        return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
