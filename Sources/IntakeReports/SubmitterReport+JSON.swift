import Foundation
import IntakeRecord

extension SubmitterReport {
    enum CodingKeys: String, CodingKey {
        case documentName = "document", emailSubject = "email_subject", status
        case formTitle = "form", partnershipName = "partnership", summary, problems, accepted
        case nextStep = "next_step"
    }

    /// One JSON object a line, for programs that send reports on.
    public func renderJSON() -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        let data = (try? encoder.encode(self)) ?? Data("{}".utf8)
        return String(decoding: data, as: UTF8.self) + "\n"
    }
}

extension SubmitterReport.Problem {
    enum CodingKeys: String, CodingKey {
        case code, severity, label, party, problem
        case whyItMatters = "why_it_matters", whatToDo = "what_to_do"
    }
}
