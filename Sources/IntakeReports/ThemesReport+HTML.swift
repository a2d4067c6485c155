import IntakeRecord
import Plot

extension ThemesReport {
    /// "Escalation themes, Bolton: disputes from 2025-04-01 to 2026-03-31", or "…: all stored disputes".
    public var title: String {
        let period: String
        switch (self.period.from, self.period.to) {
        case let (from?, to?): period = "disputes from \(from) to \(to)"
        case let (from?, nil): period = "disputes from \(from)"
        case let (nil, to?): period = "disputes up to \(to)"
        case (nil, nil): period = "all stored disputes"
        }
        return "Escalation themes, \(partnershipName ?? "all partnerships"): \(period)"
    }

    /// One self-contained page (no script, no external file): a figure per chart, its bars
    /// inline SVG, a sentence under each saying what it shows.
    public func renderHTML() -> String {
        ReportStyle.page(title: title,
            .p(.class("summary"), .text(summary)),
            .forEach(charts) { chart in
                .element(named: "figure", nodes: [
                    .h2(.id("chart-\(chart.id)"), .text(chart.title)),
                    chart.bars.isEmpty ? .p(.text("Nothing to show.")) : BarChartSVG.svg(chart),
                    .element(named: "figcaption", nodes: [.text(chart.sentence)]),
                ])
            }) + "\n"
    }

    var summary: String {
        guard disputeCount > 0 else {
            return "There is nothing to report: no dispute was raised in this period (rejected files are not disputes). Written on \(asOf)."
        }
        return "\(disputeCount) dispute\(disputeCount == 1 ? "" : "s") (\(submissionCount) submission\(submissionCount == 1 ? "" : "s"), linked across stages by the store's case links; a submission linked to no case is a dispute of its own). A dispute falls in the period by the day of its first submission; rejected files are not disputes. Written on \(asOf); the same numbers are in themes.csv beside this page."
    }
}
