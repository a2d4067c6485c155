import IntakeMapping
import IntakeRecord
import IntakeValidation

/// What a report knows besides the record: the mappings it names forms and cites policies
/// from, the working-day calendar, and the day it is written.
public struct ReportContext: Sendable {
    public let mappings: MappingSet
    public let calendar: WorkingDayCalendar?
    public let asOf: Day

    public init(mappings: MappingSet, calendar: WorkingDayCalendar?, asOf: Day) {
        self.mappings = mappings
        self.calendar = calendar
        self.asOf = asOf
    }

    public func form(of record: CaseRecord) -> FormMapping? {
        guard let id = record.mapping else { return nil }
        return mappings.forms.first { $0.id == id }
    }

    public func policy(of record: CaseRecord) -> PolicyMapping? {
        record.partnership.flatMap(mappings.policy(for:))
    }

    /// When a submission's response is due under its form's `response_due` rule: the day it
    /// was sent and the day that many working days later. Nil when the form has no such rule,
    /// the sent date is missing or the calendar does not cover it.
    public func responseDue(of record: CaseRecord) -> (form: FormMapping, rule: ResponseDue, sent: Day, due: Day)? {
        guard let form = form(of: record), let rule = form.checks.responseDue, let calendar,
              case .date(let sentText)? = record.fields[rule.from], let sent = Day(iso: sentText),
              let due = try? calendar.adding(workingDays: rule.workingDays, to: sent)
        else { return nil }
        return (form, rule, sent, due)
    }

    /// The bank holidays between two days (after `start`, up to `end`), for the sentence
    /// that says which were left out of a working-day count.
    func holidays(after start: Day, through end: Day) -> [Day] {
        guard let calendar else { return [] }
        return calendar.holidays.filter { $0 > start && $0 <= end }.sorted()
    }
}
