import IntakeRecord

extension ThemesReport {
    /// The histogram's bins, in working days: (label, lowest, highest).
    public static let dayBins: [(String, Int, Int)] = [
        ("0–5 working days", 0, 5), ("6–10 working days", 6, 10), ("11–15 working days", 11, 15),
        ("16–20 working days", 16, 20), ("21–30 working days", 21, 30), ("More than 30 working days", 31, Int.max),
    ]

    /// Working days from the first submission's sent date to the latest response date: the
    /// two dates the policies' response timescales count between. A form that gives no such
    /// dates but records its own days taken (South Gloucestershire's monitoring form) gives that.
    static func daysTaken(_ disputes: [Dispute], _ context: ReportContext) -> Chart {
        var days: [Int] = []
        var fromDates = 0, fromForms = 0
        for dispute in disputes {
            let sent = dispute.submissions.compactMap { $0.dayValue("date.sent") }.min()
            let responded = dispute.submissions.compactMap { $0.dayValue("date.responded") }.max()
            if let sent, let responded, responded >= sent,
               let counted = try? context.calendar?.workingDays(from: sent, to: responded) {
                days.append(counted)
                fromDates += 1
            } else if let recorded = dispute.highest("dispute.days_taken"), recorded >= 0 {
                days.append(recorded)
                fromForms += 1
            }
        }
        let bars = dayBins.map { label, low, high in
            Bar(category: label, count: days.filter { (low...high).contains($0) }.count, of: days.count)
        }
        return Chart(id: "days_taken", title: "Working days taken",
                     sentence: "How long disputes took, in working days (weekends and England and Wales bank holidays left out) from the day the first submission was sent to the other agency to the day of the latest response, the dates the policies' timescales count between (\(fromDates) disputes), else the days taken a form records itself (\(fromForms)); \(disputes.count - days.count) disputes give neither and are not shown.",
                     scale: .count, bars: days.isEmpty ? [] : bars)
    }

    /// Submissions whose response came later than the form's working days allow (or is still
    /// missing past its due day), or whose recorded days taken are over the policy's limit, by
    /// the month the submission was sent (else made). A response not yet due is not counted.
    static func overdueByMonth(_ submissions: [Submission], _ context: ReportContext) -> Chart {
        var timed: [Month: (overdue: Int, of: Int)] = [:]
        for submission in submissions {
            let record = submission.record
            var verdict: (month: Month, overdue: Bool)?
            if let timing = context.responseDue(of: record) {
                let responded = record.dayValue(timing.rule.to)
                if responded != nil || context.asOf > timing.due {
                    verdict = (Month(timing.sent), (responded ?? context.asOf) > timing.due)
                }
            } else if let rule = context.form(of: record)?.checks.maxDays, let taken = record.integerValue(rule.field),
                      let day = Dispute.day(of: submission) {
                verdict = (Month(day), taken > rule.max)
            }
            guard let verdict else { continue }
            let sofar = timed[verdict.month] ?? (0, 0)
            timed[verdict.month] = (sofar.overdue + (verdict.overdue ? 1 : 0), sofar.of + 1)
        }
        let bars = timed.keys.sorted().map { Bar(category: $0.name, count: timed[$0]!.overdue, of: timed[$0]!.of) }
        let total = timed.values.reduce(0) { $0 + $1.of }, overdue = timed.values.reduce(0) { $0 + $1.overdue }
        return Chart(id: "overdue_by_month", title: "Overdue by month",
                     sentence: "The share of submissions each month that were overdue: the response came, or is still missing, later than the partnership's policy allows, or the days taken a form records are over its limit; by the month the submission was sent, counting submissions, not disputes (\(overdue) of \(total) overdue as of \(context.asOf); responses not yet due are left out).",
                     scale: .rate, bars: bars)
    }

    struct Month: Hashable, Comparable {
        var year: Int, month: Int

        init(_ day: Day) { (year, month) = (day.year, day.month) }

        static func < (a: Month, b: Month) -> Bool { (a.year, a.month) < (b.year, b.month) }

        static let names = ["January", "February", "March", "April", "May", "June", "July", "August",
                            "September", "October", "November", "December"]
        var name: String { "\(Self.names[month - 1]) \(year)" }
    }
}
