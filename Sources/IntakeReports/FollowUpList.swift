import IntakeMapping
import IntakeRecord

/// The business unit's morning list: submissions still waiting for a response, the due date
/// counted in working days (England and Wales bank holidays left out) from the form's own
/// `response_due` rule, most overdue first.
public struct FollowUpList: Sendable {
    public struct Entry: Sendable, Equatable {
        public var recordID: Int64
        public var partnership: String
        public var form: String
        public var stage: Int?
        public var sent: Day
        public var due: Day
        /// Working days past the due date; 0 or less while it is not yet due.
        public var daysOverdue: Int
        public var raisingAgency: String?
        public var respondingAgency: String?
    }

    public let asOf: Day
    public let entries: [Entry]

    /// `records`: each stored record with its id, open ones only (resolved records left out).
    public init(records: [(id: Int64, record: CaseRecord)], context: ReportContext) {
        asOf = context.asOf
        entries = records.compactMap { Self.entry($0.id, $0.record, context) }
            .sorted { ($0.daysOverdue, $1.due, $1.recordID) > ($1.daysOverdue, $0.due, $0.recordID) }
    }

    private static func entry(_ id: Int64, _ record: CaseRecord, _ context: ReportContext) -> Entry? {
        guard let timing = context.responseDue(of: record), let calendar = context.calendar,
              record.fields[timing.rule.to] == nil
        else { return nil }
        let (form, sent, due) = (timing.form, timing.sent, timing.due)
        let overdue = context.asOf > due ? ((try? calendar.workingDays(from: due, to: context.asOf)) ?? 0)
                                         : -((try? calendar.workingDays(from: context.asOf, to: due)) ?? 0)
        let policy = context.policy(of: record)
        let stage: Int? = { if case .integer(let n)? = record.fields[form.stage.key] { return n }; return nil }()
        return Entry(recordID: id, partnership: policy?.shortName ?? form.partnership, form: form.title, stage: stage,
                     sent: sent, due: due, daysOverdue: overdue,
                     raisingAgency: record.fields["raiser.agency"].map(\.displayText),
                     respondingAgency: record.fields["responder.agency"].map(\.displayText))
    }

    public static let columns = ["record", "urgency", "due", "working_days_overdue", "stage", "partnership", "form",
                                 "sent", "raising_agency", "responding_agency"]

    /// One row per entry, in ``columns`` order.
    public var rows: [[String]] {
        entries.map { e in
            [String(e.recordID), e.daysOverdue > 0 ? "overdue" : (e.daysOverdue == 0 ? "due today" : "due"),
             e.due.description, String(max(0, e.daysOverdue)), e.stage.map(String.init) ?? "",
             e.partnership, e.form, e.sent.description, e.raisingAgency ?? "", e.respondingAgency ?? ""]
        }
    }
}
