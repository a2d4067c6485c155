import IntakeMapping
import IntakeRecord

/// Why each finding matters and what the sender should do, citing the partnership's policy
/// from its mapping. The sentences are addressed to the sender; the facts (titles, stages,
/// working days, bank holidays) come from the mappings and the calendar.
struct FindingExplainer {
    let record: CaseRecord
    let form: FormMapping?
    let policy: PolicyMapping?
    let context: ReportContext

    func problem(_ finding: Finding) -> SubmitterReport.Problem {
        let field = finding.field.flatMap { form?.field($0) }
        let label = field?.label
        let (why, todo) = explain(finding, label: label ?? "this row")
        return SubmitterReport.Problem(code: finding.code, severity: finding.severity, label: label,
                                       party: field?.section, problem: ownWords(finding) ?? finding.message,
                                       whyItMatters: why, whatToDo: todo)
    }

    /// The problem in the sender's terms where the record's message is written for the
    /// business unit ("Chase the response", "ask the sender") or carries a reader's code.
    private func ownWords(_ finding: Finding) -> String? {
        switch finding.code {
        case .responseOverdue: "The response was not given within the policy's timescale."
        case .unreadableDocument: PlainReaderError.sentence(for: finding.message)
        case .unknownDocument where record.source.format == "eml" && record.source.attachmentOf == nil:
            "The e-mail had no form attached."
        case .unknownDocument: "The file is not one of the partnership's escalation forms."
        default: nil
        }
    }

    /// "Bolton Safeguarding Children Partnership's Resolving Differences and Escalation Process"
    private var policyName: String {
        guard let policy else { return "the partnership's policy" }
        return policy.title.map { "\(policy.name)'s \($0)" } ?? "\(policy.name)'s policy"
    }

    private var formName: String { form?.shortTitle ?? "the form" }

    private func explain(_ finding: Finding, label: String) -> (String, String) {
        switch finding.code {
        case .missingField:
            return ("\(policyName) needs '\(label)' on \(formName) so that the dispute can be followed up with the right people.",
                    "Fill in '\(label)' and send the form again.")
        case .missingSignature:
            return ("Under \(policyName) \(formName) counts only once it is signed: the signature shows who is accountable for the escalation.",
                    "Sign '\(label)' (a typed name, a picture of your signature or a digital signature) and send the form again.")
        case .missingStage:
            return ("\(policyName) uses \(formName) at \(stagesUsed); without the stage the business unit cannot tell where the dispute is.",
                    "Tick or write the stage the dispute has reached and send the form again.")
        case .stageNotAllowed:
            return ("\(policyName) uses \(formName) at \(stagesUsed) only.",
                    "Check the stage; if the dispute is at another stage, use the form that stage calls for.")
        case .ambiguousChoice:
            return ("More than one box is ticked where \(formName) allows one answer, so the answer cannot be recorded.",
                    "Leave one box ticked at '\(label)' and send the form again.")
        case .invalidDate:
            return ("Working-day timescales under \(policyName) are counted from the dates on the form.",
                    "Write '\(label)' as a full date, for example 20/11/2026, and send the form again.")
        case .invalidEmail, .invalidPhone:
            return ("The business unit and the other agency contact you through these details.",
                    "Correct '\(label)' and send the form again.")
        case .dateOrder:
            return ("The dates of \(formName) must follow one another, or the timescale cannot be counted.",
                    "Check '\(label)' and the dates before it, and send the form again.")
        case .responseOverdue:
            return (overdueReason, "If the response has been given, add it with its date and send the form again; otherwise please reply to the escalation now.")
        case .timescaleExceeded:
            return ("\(policyName) sets how long a dispute may run before it is escalated.",
                    "Please say on the form why the dispute took longer, or escalate it to the next stage.")
        case .childDetailsPresent:
            return ("\(formName) is sent by e-mail and must hold no child or family details, to keep them safe.",
                    "Remove the child's name and date of birth from '\(label)' and send the form again.")
        case .inconsistentOutcome:
            return ("The form says the dispute was resolved and also asks for the next stage, so the business unit cannot tell which is true.",
                    "Check '\(label)' and the rows after it, and send the form again.")
        case .unknownDocument:
            return ("The business unit logs the partnership's escalation forms only.",
                    "Please send the partnership's escalation form, filled in, as a Word or PDF file.")
        case .unreadableDocument:
            return ("The file could not be opened, so nothing on it has been recorded.", PlainReaderError.fix(for: finding.message))
        case .policyReviewOverdue:
            return ("A policy past its review date may no longer be the one in force.", "Please check that this is the current policy.")
        case .calendarOutOfRange:
            return ("The working days could not be counted because a date lies outside the years known.",
                    "Check the dates on the form.")
        case .lowConfidenceField:
            return ("'\(label)' was read from a row worded differently from the official form, so it may have been read wrongly.",
                    "Please check that '\(label)' on your form holds what you meant; nothing is needed if it does.")
        }
    }

    /// "stages 3 and 4 (Formal Resolution, Partnership Resolution)"
    private var stagesUsed: String {
        let numbers = form?.stage.allowed ?? []
        guard !numbers.isEmpty else { return "the stages its ladder sets" }
        let list = numbers.map(String.init)
        let joined = list.count == 1 ? list[0] : list.dropLast().joined(separator: ", ") + " and " + list.last!
        let names = numbers.compactMap { policy?.stage($0)?.name }
        return "stage\(numbers.count == 1 ? "" : "s") \(joined)" + (names.isEmpty ? "" : " (\(names.joined(separator: ", ")))")
    }

    /// "Bolton: Agency B responds within 10 working days; 11 working days passed, counting the
    /// 29 August 2022 bank holiday as no working day."
    private var overdueReason: String {
        guard let due = form?.checks.responseDue else { return "\(policyName) sets a timescale for the response." }
        let who = policy?.shortName ?? "The partnership"
        var sentence = "\(who): the response is due within \(due.workingDays) working days of '\(form?.field(due.from)?.label ?? due.from)' (\(policyName))"
        if case .date(let start)? = record.fields[due.from], let from = Day(iso: start) {
            let end: Day = { if case .date(let s)? = record.fields[due.to], let d = Day(iso: s) { return d }; return context.asOf }()
            if let days = try? context.calendar?.workingDays(from: from, to: end) {
                sentence += "; \(days) working days passed"
                let holidays = context.holidays(after: from, through: end)
                if !holidays.isEmpty {
                    sentence += ", not counting the \(holidays.map(DayWords.spoken).joined(separator: " and ")) bank holiday\(holidays.count == 1 ? "" : "s")"
                }
            }
        }
        return sentence + "."
    }
}

/// Days as people write them: "29 August 2022".
enum DayWords {
    static let months = ["January", "February", "March", "April", "May", "June", "July", "August",
                         "September", "October", "November", "December"]
    static func spoken(_ day: Day) -> String { "\(day.day) \(months[day.month - 1]) \(day.year)" }
}
