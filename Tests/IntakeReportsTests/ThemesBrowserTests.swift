import Foundation
import IntakeRecord
import IntakeReports
import Testing

/// The themes page and the follow-up page rendered in real headless chromium, from the
/// stored sample records: charts drawn (one bar per counted category, each of non-zero size),
/// no text out of its box at a phone's width and a desktop's.
@Suite struct ThemesBrowserTests {
    @Test(arguments: [360, 1000])
    func themesChartsAreDrawnAndFitTheirBoxes(_ width: Int) async throws {
        let stored = try await StoredSamples.load()
        let report = ThemesReport(submissions: StoredSamples.submissions(stored), period: .init(), partnership: nil, context: Reports.context)
        let (screenshot, measured) = try BrowserRenderTests.render(report.renderHTML(), width: width)
        #expect(screenshot > 1000, "a screenshot was taken")
        #expect(measured.overflowing.isEmpty, "text overflows: \(measured.overflowing)")
        #expect(measured.barsPerChart == report.charts.map { $0.bars.filter { $0.count > 0 }.count }, "one bar per counted category")
        #expect(!measured.bars.isEmpty && measured.bars.allSatisfy { $0[0] > 0 && $0[1] > 0 }, "\(measured.bars)")
        for bar in report.charts.flatMap(\.bars) {
            #expect(measured.text.filter { !$0.isWhitespace }.contains(bar.category.filter { !$0.isWhitespace }), "\(bar.category) is labelled")
        }
    }

    @Test func markupInThemesAndAgenciesIsShownNotRun() throws {
        let (_, measured) = try BrowserRenderTests.render(try ThemesReportTests.hostileReport().renderHTML(), width: 360)
        #expect(measured.scripts == 1, "only the test's measuring script")
        #expect(measured.title != "pwned", "no script of the page's text ran")
        #expect(measured.text.filter { !$0.isWhitespace }.contains(ThemesReportTests.hostile.filter { !$0.isWhitespace }))
        #expect(measured.overflowing.isEmpty, "text overflows: \(measured.overflowing)")
    }

    @Test(arguments: [360, 1000])
    func followUpPageFitsItsBoxes(_ width: Int) async throws {
        let stored = try await StoredSamples.load()
        let open = stored.filter { $0.status != .resolved && $0.status != .rejected }.map { (id: $0.id, record: $0.record) }
        let list = FollowUpList(records: open, context: Reports.context)
        #expect(list.entries.count >= 2, "the samples hold responses still awaited")
        let (screenshot, measured) = try BrowserRenderTests.render(list.renderHTML(), width: width)
        #expect(screenshot > 1000, "a screenshot was taken")
        #expect(measured.overflowing.isEmpty, "text overflows: \(measured.overflowing)")
        for entry in list.entries { #expect(measured.text.contains("\(entry.due)"), "entry \(entry.recordID) is shown") }
    }
}
