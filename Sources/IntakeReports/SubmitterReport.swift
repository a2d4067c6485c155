import IntakeMapping
import IntakeRecord

/// The report for whoever sent a form: which form and partnership it was read as, each
/// problem with the label as printed and whose part of the form it is, why it matters under
/// the partnership's policy, what to do, and what was accepted. Built from the record and the
/// mappings, so a new partnership's form reads as well as the first four.
///
/// It never repeats a field value: the report may be e-mailed back. Rendered as text, HTML,
/// JSON or a reply e-mail by the `render…` extensions.
public struct SubmitterReport: Sendable, Equatable, Encodable {
    public struct Problem: Sendable, Equatable, Encodable {
        public var code: FindingCode
        public var severity: IntakeRecord.Severity
        /// The field's label as printed on the form, when the finding concerns a field.
        public var label: String?
        /// The party or Part of the form the field belongs to ("Agency B practitioner").
        public var party: String?
        public var problem: String
        public var whyItMatters: String
        public var whatToDo: String
    }

    /// "Report for …": the attachment's or file's own name (the sender's own).
    public var documentName: String
    /// Set when the document came attached to an e-mail.
    public var emailSubject: String?
    public var status: RecordStatus
    /// "Resolving Professional Differences and Escalation (RPDE) Form", nil when unrecognised.
    public var formTitle: String?
    public var partnershipName: String?
    public var summary: String
    public var problems: [Problem]
    /// Labels of the rows that were read and accepted (labels only, never values).
    public var accepted: [String]
    /// What to do next, addressed to the sender.
    public var nextStep: String

    public init(record: CaseRecord, context: ReportContext) {
        let form = context.form(of: record)
        let policy = context.policy(of: record)
        documentName = record.source.attachmentName ?? Self.lastComponent(record.source.path)
        emailSubject = record.source.attachmentOf == nil ? nil : record.source.subject
        status = record.status
        formTitle = form?.title
        partnershipName = policy?.name
        let explainer = FindingExplainer(record: record, form: form, policy: policy, context: context)
        problems = record.findings.sorted { $0.severity < $1.severity }.map(explainer.problem)
        accepted = Self.acceptedLabels(record: record, form: form)
        let named = form.map { "\($0.shortTitle)\(policy.map { " of \($0.name)" } ?? "")" } ?? "the document"
        switch record.status {
        case .accepted:
            summary = "Accepted: \(named) was read and is complete\(problems.isEmpty ? "." : "; please check the points below.")"
            nextStep = problems.isEmpty ? "Nothing more is needed from you. Thank you." :
                "Nothing more is needed for the form to be logged, but please check the points below and send a corrected form if any is wrong."
        case .needsAttention:
            summary = "Needs attention: \(named) was read, but it cannot be accepted as it stands."
            nextStep = "Please correct the form as set out below and send the whole form again, in reply to this message."
        case .rejected:
            summary = "Not accepted: the file could not be used as a form."
            nextStep = "Please send the form again as a Word (.docx) or PDF file, attached to a reply to this message."
        }
    }

    /// Rows the mapping knows that hold a value and have no finding against them.
    private static func acceptedLabels(record: CaseRecord, form: FormMapping?) -> [String] {
        guard let form, record.status != .rejected else { return [] }
        let flagged = Set(record.findings.compactMap(\.field))
        return form.fields.filter { record.fields[$0.key] != nil && !flagged.contains($0.key) }
            .map { field in field.section.map { "\(field.label) (\($0))" } ?? field.label }
    }

    static func lastComponent(_ path: String) -> String {
        path.split(separator: "/").last.map(String.init) ?? path
    }
}
