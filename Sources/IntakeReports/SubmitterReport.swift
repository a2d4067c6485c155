import IntakeRecord

/// The validation report for whoever sent a form: what is missing or wrong, in plain words,
/// and how to fix it. Built from the record alone, so it reads the same for DOCX, PDF or e-mail.
///
/// It names fields by their printed labels (inside the findings' messages) and never repeats
/// a value from the form: the report may be e-mailed back.
public struct SubmitterReport: Sendable {
    public let record: CaseRecord

    public init(record: CaseRecord) {
        self.record = record
    }

    public func render() -> String {
        var lines: [String] = []
        let name = record.source.attachmentName ?? lastComponent(record.source.path)
        lines.append("Report for \(name)")
        lines.append(String(repeating: "=", count: min(72, 11 + name.count)))
        lines.append(summaryLine)
        let errors = record.findings.filter { $0.severity == .error }
        let warnings = record.findings.filter { $0.severity == .warning }
        if !errors.isEmpty {
            lines.append("")
            lines.append("Must be fixed before the form can be accepted:")
            lines += errors.enumerated().map { "  \($0.offset + 1). \($0.element.message)" }
        }
        if !warnings.isEmpty {
            lines.append("")
            lines.append("Please check:")
            lines += warnings.enumerated().map { "  \($0.offset + 1). \($0.element.message)" }
        }
        if record.findings.isEmpty {
            lines.append("")
            lines.append("Nothing is missing. Thank you.")
        }
        return lines.joined(separator: "\n") + "\n"
    }

    private var summaryLine: String {
        switch record.status {
        case .accepted:
            return "Accepted: \(formName) is complete\(record.findings.isEmpty ? "." : ", with points worth checking below.")"
        case .needsAttention:
            return "Needs attention: \(formName) was read, but it cannot be accepted as it stands."
        case .rejected:
            return "Not accepted: the file could not be used as a form."
        }
    }

    private var formName: String {
        let kinds = ["rpde-form": "the RPDE form", "monitoring-form": "the monitoring form",
                     "escalation-notification": "the escalation notification",
                     "escalation-template": "the escalation template", "policy": "the policy document"]
        let kind = record.kind.flatMap { kinds[$0] } ?? "the document"
        guard let partnership = record.partnership else { return kind }
        let readable = partnership.split(separator: "-").map { $0.prefix(1).uppercased() + $0.dropFirst() }.joined(separator: " ")
        return "\(kind) (\(readable))"
    }

    private func lastComponent(_ path: String) -> String {
        path.split(separator: "/").last.map(String.init) ?? path
    }
}
