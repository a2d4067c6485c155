import IntakeRecord

extension SubmitterReport {
    /// Plain text, for the terminal and the text part of a reply.
    public func renderText() -> String {
        var lines = ["Report for \(documentName)"]
        lines.append(String(repeating: "=", count: min(72, lines[0].count)))
        if let emailSubject { lines.append("Sent by e-mail: \"\(emailSubject)\"") }
        if let formTitle { lines.append("Form: \(formTitle)") }
        if let partnershipName { lines.append("Partnership: \(partnershipName)") }
        lines.append(summary)
        for (heading, group) in problemGroups {
            lines += ["", heading]
            for (index, problem) in group.enumerated() {
                var where_ = problem.label.map { "'\($0)'" } ?? ""
                if let party = problem.party { where_ += where_.isEmpty ? party : " (\(party))" }
                lines.append("  \(index + 1). \(where_.isEmpty ? "" : where_ + ": ")\(problem.problem)")
                lines.append("     Why it matters: \(problem.whyItMatters)")
                lines.append("     What to do: \(problem.whatToDo)")
            }
        }
        if !accepted.isEmpty {
            lines += ["", "Read and accepted: " + accepted.joined(separator: "; ") + "."]
        }
        lines += ["", nextStep]
        return lines.joined(separator: "\n") + "\n"
    }

    /// Errors first ("Must be fixed…"), then warnings ("Please check…"); empty groups left out.
    var problemGroups: [(String, [Problem])] {
        [("Must be fixed before the form can be accepted:", problems.filter { $0.severity == .error }),
         ("Please check:", problems.filter { $0.severity == .warning })].filter { !$0.1.isEmpty }
    }
}
