import Foundation
import IntakeRecord

/// Case records built for the tests: one dispute followed across stages, and a few others.
enum Samples {
    /// A distinct, valid-looking SHA-256 per number.
    static func sha(_ n: Int, salt: String = "") -> String {
        let hex = String(n, radix: 16)
        let prefix = salt.isEmpty ? "" : salt.prefix(8).map { String($0.asciiValue ?? 0, radix: 16) }.joined()
        let body = prefix + hex
        return String(repeating: "0", count: max(0, 64 - body.count)) + body.suffix(64)
    }

    static let childName = "Jamie Example"
    static let summary = "Disagreement about the plan, with a comma, and \"quotes\""

    static func record(
        sha: String, stage: Int? = 3, reference: String? = "SG-1042", childName: String? = Samples.childName,
        raiser: String? = "North Health Trust", responder: String? = "County Social Care",
        partnership: String = "south-gloucestershire", completed: String? = "2026-03-02",
        errors: Bool = false, mappingVersion: String = "v1", extra: [(String, FieldValue)] = []
    ) -> CaseRecord {
        var fields: [(String, FieldValue)] = []
        if let childName { fields.append(("child.name", .text(childName))) }
        if let reference { fields.append(("child.reference", .text(reference))) }
        if let stage { fields.append(("stage", .integer(stage))) }
        if let completed { fields.append(("date.completed", .date(completed))) }
        if let raiser { fields.append(("raiser.agency", .text(raiser))) }
        if let responder { fields.append(("responder.agency", .text(responder))) }
        fields.append(("raiser.signature", .signature(SignatureValue(present: true, kind: .image))))
        fields.append(("dispute.summary", .text(summary)))
        fields += extra
        var findings = [Finding(code: .responseOverdue, severity: .warning, field: "date.responded",
                                message: "The response came later than the policy allows.")]
        if errors {
            findings.append(Finding(code: .missingSignature, severity: .error, field: "responder.signature",
                                    message: "Receiving Manager Signature is empty: both managers must sign."))
        }
        return CaseRecord(
            source: RecordSource(path: "inbox/\(sha.suffix(6)).docx", sha256: sha, format: "docx",
                                 receivedAt: "2026-03-03T09:14:03Z", sender: "a.person@agency.example", size: 20480),
            kind: "monitoring-form", partnership: partnership, mapping: "\(partnership)/monitoring-form",
            mappingVersion: mappingVersion, fields: RecordFields(fields),
            provenance: ["child.name": Provenance(part: "word/document.xml", table: 1, row: 2, cell: 2, via: "cell-right")],
            findings: findings,
            caseFacts: CaseFacts(stage: stage, documentDate: completed ?? "2026-03-03", reference: reference,
                                 keys: caseKeys(partnership: partnership, reference: reference,
                                                names: [raiser, responder, childName])))
    }

    /// Keys as a mapping with the alternatives [child.reference] and [raiser.agency,
    /// responder.agency, child.name] gives them (the pipeline hashes its keys; to the store
    /// they are opaque text either way).
    static func caseKeys(partnership: String, reference: String?, names: [String?]) -> [String] {
        var keys: [String] = []
        if let reference { keys.append("\(partnership):child.reference:\(reference.lowercased())") }
        let present = names.compactMap { $0 }
        if present.count == names.count { keys.append("\(partnership):names:" + present.joined(separator: "|").lowercased()) }
        return keys
    }

    static func rejected(sha: String) -> CaseRecord {
        CaseRecord(
            source: RecordSource(path: "inbox/odd.pdf", sha256: sha, format: "pdf"),
            findings: [Finding(code: .unreadableDocument, severity: .error, message: "The PDF is encrypted.")])
    }

    /// JSON Lines of `records`, as `intake extract` prints them.
    static func jsonl(_ records: [CaseRecord]) throws -> Data {
        let encoder = JSONEncoder()
        var data = Data()
        for record in records {
            data.append(try encoder.encode(record))
            data.append(UInt8(ascii: "\n"))
        }
        return data
    }
}
