import IntakeDocument
import IntakeExtraction
import IntakeMapping
import IntakeRecord
import IntakeValidation

/// Assembles the case record from what extraction found and what validation says of it.
struct RecordBuilder {
    let validator: Validator

    func build(extraction: Extraction, source: RecordSource) -> CaseRecord {
        switch extraction {
        case .form(let mapping, let extracted):
            let findings = validator.validate(form: mapping, fields: extracted.fields, extractionFindings: extracted.findings)
            return CaseRecord(source: source, kind: mapping.kind, partnership: mapping.partnership, mapping: mapping.id,
                              mappingVersion: mapping.formVersion, fields: extracted.fields,
                              provenance: extracted.provenance.isEmpty ? nil : extracted.provenance,
                              findings: findings,
                              caseFacts: CaseFacts(mapping: mapping, fields: extracted.fields, source: source))
        case .policy(let policy, let extracted):
            return CaseRecord(source: source, kind: "policy", partnership: policy.partnership,
                              mapping: "\(policy.partnership)/policy", fields: extracted.fields,
                              findings: extracted.findings + validator.validate(policyFields: extracted.fields))
        case .unknown:
            return CaseRecord(source: source, findings: [Finding(
                code: .unknownDocument, severity: .error,
                message: "Not recognised as any of the mapped forms or policies. If it is a form, use the partnership's official template.")])
        }
    }

    static func rejected(source: RecordSource, error: IntakeError) -> CaseRecord {
        CaseRecord(source: source, findings: [Finding(
            code: .unreadableDocument, severity: .error,
            message: "The file could not be read (\(error.code)): \(error.message)")])
    }
}
