import Foundation
import IntakeRecord

/// Stored records as JSON Lines (the `intake extract` contract, so an export imports again) or
/// as CSV for a spreadsheet (one row per record, one column per field key).
public enum RecordExport {
    public enum Format: String, Sendable, CaseIterable {
        case jsonl, csv
    }

    public static func render(_ records: [StoredRecord], as format: Format) throws -> String {
        switch format {
        case .jsonl: try jsonl(records)
        case .csv: csv(records)
        }
    }

    /// One case record per line, in the contract's shape.
    public static func jsonl(_ records: [StoredRecord]) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        var out = ""
        for stored in records {
            out += String(decoding: try encoder.encode(stored.record), as: UTF8.self)
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
