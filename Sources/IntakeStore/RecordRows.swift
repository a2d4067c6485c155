import Foundation
import IntakeRecord

/// A record broken into the rows both stores write: the same logical schema in SQLite and in
/// PostgreSQL, computed once here so that the two stores cannot drift apart.
struct RecordRows: Sendable {
    struct Source: Sendable {
        var sha256: String
        var originalName: String
        var originalPath: String
        var format: String
        var size: Int?
        var receivedAt: String?
        var sender: String?
        var emailPath: String?
        var emailSubject: String?
    }

    struct Field: Sendable {
        var position: Int
        var key: String
        var typeName: String
        var valueJSON: String
        var displayText: String
        var provenanceJSON: String?
    }

    struct FindingRow: Sendable {
        var position: Int
        var code: String
        var severity: String
        var field: String?
        var message: String
    }

    var source: Source
    var kind: String?
    var partnership: String?
    var mapping: String?
    var mappingVersion: String?
    var status: String
    var stage: Int?
    /// The document's own date: orders a case's timeline after the stage.
    var documentDate: String?
    var caseReference: String?
    /// The keys that link this record to a case: any one shared is the same case.
    var caseKeys: [String]
    var recordJSON: String
    var fields: [Field]
    var findings: [FindingRow]

    init(_ record: CaseRecord) throws {
        let s = record.source
        source = Source(
            sha256: s.sha256,
            originalName: s.attachmentName ?? URL(fileURLWithPath: s.path).lastPathComponent,
            originalPath: s.path, format: s.format, size: s.size, receivedAt: s.receivedAt,
            sender: s.sender, emailPath: s.attachmentOf, emailSubject: s.subject)
        kind = record.kind
        partnership = record.partnership
        mapping = record.mapping
        mappingVersion = record.mappingVersion
        status = record.status.rawValue
        // Worked out from the form's mapping when it was read; the store guesses nothing.
        stage = record.caseFacts?.stage
        documentDate = record.caseFacts?.documentDate
        caseReference = record.caseFacts?.reference
        caseKeys = record.caseFacts?.keys ?? []
        recordJSON = try Self.json(record)
        var fields: [Field] = []
        for (position, entry) in record.fields.entries.enumerated() {
            fields.append(Field(
                position: position, key: entry.key, typeName: entry.value.typeName,
                valueJSON: try Self.json(entry.value), displayText: entry.value.displayText,
                provenanceJSON: try record.provenance?[entry.key].map(Self.json)))
        }
        self.fields = fields
        findings = record.findings.enumerated().map { position, f in
            FindingRow(position: position, code: f.code.rawValue, severity: f.severity.rawValue,
                       field: f.field, message: f.message)
        }
    }

    /// Canonical JSON (sorted keys), so that equal records give equal text.
    static func json(_ value: some Encodable) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        do {
            return String(decoding: try encoder.encode(value), as: UTF8.self)
        } catch {
            throw StoreError(.storeFailed, "A record could not be encoded as JSON (\(type(of: value))).")
        }
    }

    static func decodeRecord(_ json: String, id: Int64) throws -> CaseRecord {
        do {
            return try JSONDecoder().decode(CaseRecord.self, from: Data(json.utf8))
        } catch {
            throw StoreError(.storeFailed, "Stored record \(id) is not a valid case record; re-import it.")
        }
    }

    /// Now, as ISO-8601 UTC text: both stores keep times as text so they sort and compare alike.
    static func now() -> String {
        Date().formatted(.iso8601)
    }

    /// The `extracted` event's detail: what produced the record, never what it says.
    var extractedDetail: String {
        var parts = ["status=\(status)"]
        if let mapping { parts.append("mapping=\(mapping)") }
        if let mappingVersion { parts.append("version=\(mappingVersion)") }
        parts.append("fields=\(fields.count)")
        parts.append("findings=\(findings.count)")
        return parts.joined(separator: " ")
    }
}
