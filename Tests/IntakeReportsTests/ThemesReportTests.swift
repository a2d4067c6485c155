import Foundation
import IntakeRecord
import IntakeReports
import IntakeStore
import Testing

/// The themes report's numbers against what the stored sample records hold, counted here
/// from the records themselves; its page well formed and escaped; an empty period.
@Suite struct ThemesReportTests {
    static func list(_ record: CaseRecord, _ key: String) -> [String] {
        if case .list(let items)? = record.fields[key] { return items }
        return []
    }

    static func integer(_ record: CaseRecord, _ key: String) -> Int? {
        if case .integer(let n)? = record.fields[key] { return n }
        return nil
    }

    @Test func countsAreTheStoredDisputesByPartnershipThemeAndStage() async throws {
        let stored = try await StoredSamples.load()
        let report = ThemesReport(submissions: StoredSamples.submissions(stored), period: .init(), partnership: nil, context: Reports.context)
        let disputes = StoredSamples.disputes(stored)
        #expect(report.disputeCount == disputes.count)
        #expect(report.submissionCount == disputes.joined().count)
        #expect(report.submissionCount < stored.count, "the samples' rejected files and covering letter are not disputes")
        #expect(report.disputeCount < report.submissionCount, "submissions linked across stages are one dispute")

        var partnerships: [String: Int] = [:], themes: [String: Int] = [:], stages: [String: Int] = [:]
        for dispute in disputes {
            let partnership = try #require(dispute[0].record.partnership)
            partnerships[Reports.context.mappings.policy(for: partnership)?.shortName ?? partnership, default: 0] += 1
            for theme in Set(dispute.flatMap { Self.list($0.record, "dispute.themes") }) { themes[theme, default: 0] += 1 }
            if let stage = dispute.flatMap({ [Self.integer($0.record, "stage"), Self.integer($0.record, "resolution_stage")] }).compactMap({ $0 }).max() {
                stages["Stage \(stage)", default: 0] += 1
            }
        }
        #expect(report.counts("partnership") == partnerships)
        #expect(partnerships.keys.sorted() == ["Bolton", "Croydon", "South Gloucestershire", "West Sussex"], "short names from the mappings")
        #expect(report.counts("theme") == themes)
        #expect(report.counts("stage_reached") == stages)
        #expect(report.chart("theme")?.bars.allSatisfy { $0.of == disputes.count } == true)
        #expect(report.charts.map(\.id) == ["partnership", "theme", "stage_reached", "stage_at_resolution", "days_taken",
                                            "raising_agency", "responding_agency", "overdue_by_month"])
        #expect(report.charts.allSatisfy { !$0.sentence.isEmpty && !$0.bars.isEmpty })
    }

    /// The overdue chart counts what the validator found when the records were read on the same
    /// day: `response-overdue` (a response later than the policy's working days) and
    /// `timescale-exceeded` (days taken over the policy's limit).
    @Test func overdueSubmissionsAreThoseTheValidatorFoundOverdue() async throws {
        let stored = try await StoredSamples.load()
        let report = ThemesReport(submissions: StoredSamples.submissions(stored), period: .init(), partnership: nil, context: Reports.context)
        let found = StoredSamples.disputes(stored).joined().filter { stored in
            stored.record.findings.contains { $0.code == .responseOverdue || $0.code == .timescaleExceeded }
        }
        let bars = try #require(report.chart("overdue_by_month")?.bars)
        #expect(bars.reduce(0) { $0 + $1.count } == found.count)
        #expect(found.count > 1 && bars.allSatisfy { $0.count <= $0.of })
    }

    @Test func onePartnershipAndPeriodCountsItsDisputesStartedInThePeriod() async throws {
        let stored = try await StoredSamples.load().filter { $0.record.partnership == "bolton" }
        let from = Day(iso: "2026-06-01")!, to = Day(iso: "2026-10-31")!
        let report = ThemesReport(submissions: StoredSamples.submissions(stored), period: .init(from: from, to: to),
                                  partnership: "bolton", context: Reports.context)
        // Every Bolton form gives its sent date: a dispute starts on its first submission's.
        let inPeriod = StoredSamples.disputes(stored).filter { dispute in
            let first = dispute.compactMap { r -> Day? in if case .date(let d)? = r.record.fields["date.sent"] { Day(iso: d) } else { nil } }.min()
            return first.map { $0 >= from && $0 <= to } ?? false
        }
        #expect(report.disputeCount == inPeriod.count && inPeriod.count >= 2, "\(report.disputeCount)")
        #expect(report.title == "Escalation themes, Bolton: disputes from 2026-06-01 to 2026-10-31")
        #expect(report.chart("stage_reached")?.bars.allSatisfy { $0.category.hasPrefix("Stage 3: Formal Resolution") || $0.category.hasPrefix("Stage 4: Partnership Resolution") } == true,
                "stage names from Bolton's ladder in the mappings")
        let calendar = try #require(Reports.context.calendar)
        var histogram: [String: Int] = [:]
        for dispute in inPeriod {
            let sent = dispute.compactMap { r -> Day? in if case .date(let d)? = r.record.fields["date.sent"] { Day(iso: d) } else { nil } }.min()!
            guard let responded = dispute.compactMap({ r -> Day? in if case .date(let d)? = r.record.fields["date.responded"] { Day(iso: d) } else { nil } }).max(),
                  responded >= sent else { continue }
            let days = try calendar.workingDays(from: sent, to: responded)
            let bin = ThemesReport.dayBins.first { $0.1 <= days && days <= $0.2 }!.0
            histogram[bin, default: 0] += 1
        }
        #expect(report.counts("days_taken").filter { $0.value > 0 } == histogram)
    }

    @Test func anEmptyPeriodSaysThereIsNothing() async throws {
        let stored = try await StoredSamples.load()
        let report = ThemesReport(submissions: StoredSamples.submissions(stored),
                                  period: .init(from: Day(iso: "1990-01-01"), to: Day(iso: "1990-12-31")), partnership: nil, context: Reports.context)
        #expect(report.disputeCount == 0 && report.charts.isEmpty)
        let parsed = ParsedHTML(report.renderHTML())
        #expect(parsed.errors.isEmpty, "\(parsed.errors)")
        #expect(parsed.text.contains("There is nothing to report"))
        #expect(report.renderCSV() == "chart,category,count,of\r\n")
    }

    @Test func thePageIsWellFormedWithOneBarPerCountedCategory() async throws {
        let stored = try await StoredSamples.load()
        let report = ThemesReport(submissions: StoredSamples.submissions(stored), period: .init(), partnership: nil, context: Reports.context)
        let html = report.renderHTML()
        let parsed = ParsedHTML(html)
        #expect(PageErrors.beyondUnknownTags(parsed).isEmpty, "\(parsed.errors)")
        #expect(PageErrors.svgXMLErrors(html).isEmpty)
        #expect(parsed.elementNames.filter { $0 == "svg" }.count == report.charts.count)
        #expect(parsed.elementNames.filter { $0 == "rect" }.count == report.charts.flatMap(\.bars).filter { $0.count > 0 }.count)
        #expect(!parsed.elementNames.contains("script") && !parsed.elementNames.contains("link") && !parsed.elementNames.contains("img"),
                "no script and no other file")
        for chart in report.charts { #expect(parsed.text.contains(chart.sentence), "\(chart.id)'s sentence") }
        let csv = report.renderCSV().split(separator: "\r\n")
        #expect(csv.count == 1 + report.charts.flatMap(\.bars).count)
        #expect(csv.contains("partnership,Bolton,\(report.counts("partnership")["Bolton"]!),\(report.disputeCount)"))
    }

    static let hostile = "<script>document.title='pwned'</script> \"quoted\" 'single' <img src=x onerror=\"document.title='pwned'\">"

    /// A real Bolton record whose themes and agencies hold markup and quotes, and so does the
    /// partnership's short name in its (edited) policy mapping.
    static func hostileReport() throws -> ThemesReport {
        var record = try #require(Reports.records("bolton-rpde-form-01.docx").first)
        record.fields["dispute.themes"] = .list([hostile, "Information sharing and communication"])
        record.fields["raiser.agency"] = .text(hostile)
        record.fields["responder.agency"] = .text("Agency \"B\" & <b>sons</b>")
        let folder = try Reports.editedMappings { name, text in
            name == "bolton.yaml" ? text.replacingOccurrences(of: "short_name: Bolton", with: "short_name: '\(hostile.replacingOccurrences(of: "'", with: "''"))'") : text
        }
        defer { try? FileManager.default.removeItem(at: folder) }
        let configuration = try IntakePipelineLoad.configuration(folder)
        let context = ReportContext(mappings: configuration.mappings, calendar: configuration.calendar, asOf: Reports.asOf)
        return ThemesReport(submissions: [.init(id: 1, caseID: nil, record: record, storedAt: nil)],
                            period: .init(), partnership: "bolton", context: context)
    }

    @Test func markupAndQuotesInThemesAndAgenciesAreShownAsText() throws {
        let report = try Self.hostileReport()
        let html = report.renderHTML()
        let parsed = ParsedHTML(html)
        #expect(PageErrors.beyondUnknownTags(parsed).isEmpty, "\(parsed.errors)")
        #expect(PageErrors.svgXMLErrors(html).isEmpty)
        #expect(!html.lowercased().contains("<script") && !html.contains("<img") && !html.contains("<b>"))
        #expect(!parsed.elementNames.contains("script") && !parsed.elementNames.contains("img") && !parsed.elementNames.contains("b"))
        let shown = parsed.text.filter { !$0.isWhitespace }
        #expect(shown.contains(Self.hostile.filter { !$0.isWhitespace }), "the text is shown, as text")
        #expect(shown.contains("Agency\"B\"&<b>sons</b>"))
        #expect(report.counts("partnership").keys.sorted() == [Self.hostile], "the partnership's name from its mapping")
        #expect(parsed.text.contains("Escalation themes, \(Self.hostile)"), "the title, as text")
        #expect(report.renderCSV().contains("\"" + Self.hostile.replacingOccurrences(of: "\"", with: "\"\"") + "\""))
    }
}
