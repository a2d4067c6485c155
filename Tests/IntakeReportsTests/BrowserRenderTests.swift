import Foundation
import IntakeRecord
import IntakeReports
import IntakeTestSupport
import Testing

/// Pages rendered by a real browser (Debian's chromium, headless; scripts/setup.sh installs it):
/// a screenshot, and a DOM dump in which a measuring script the test appends (the pages have
/// none of their own) records every box whose text overflows it (an SVG chart's text included),
/// the size of every SVG bar and the bars of each chart.
@Suite struct BrowserRenderTests {
    struct Measured: Decodable {
        var overflowing: [String]
        var bars: [[Double]]
        /// For each SVG chart, how many bars it draws.
        var barsPerChart: [Int]
        var textLength: Int
        /// All the page's text (SVG text included), the scripts it holds (ours only) and its title.
        var text: String
        var scripts: Int
        var title: String
        /// The width the page was laid out at.
        var layoutWidth: Double
    }

    static let measuring = """
    <script>
    const out = {overflowing: [], bars: [], barsPerChart: [], textLength: document.body.innerText.length,
                 text: document.body.textContent, scripts: document.scripts.length, title: document.title,
                 layoutWidth: document.documentElement.getBoundingClientRect().width};
    for (const el of document.body.querySelectorAll('*')) {
      if (el.tagName === 'SCRIPT' || el.closest('svg')) continue;
      if (el.scrollWidth > el.clientWidth + 1 && getComputedStyle(el).display !== 'inline') out.overflowing.push(el.tagName + ':' + el.textContent.slice(0, 40));
    }
    for (const svg of document.querySelectorAll('svg')) {
      const box = svg.getBoundingClientRect();
      out.barsPerChart.push(svg.querySelectorAll('.bar').length);
      for (const t of svg.querySelectorAll('text')) {
        const r = t.getBoundingClientRect();
        if (r.left < box.left - 1 || r.right > box.right + 1 || r.top < box.top - 1 || r.bottom > box.bottom + 1) out.overflowing.push('svg text:' + t.textContent.slice(0, 40));
      }
    }
    for (const bar of document.querySelectorAll('svg .bar')) { const r = bar.getBoundingClientRect(); out.bars.push([r.width, r.height]); }
    const pre = document.createElement('pre'); pre.id = 'measured'; pre.textContent = JSON.stringify(out); document.body.appendChild(pre);
    </script>
    """

    /// Renders `html` at `width` pixels: the screenshot's size in bytes and what the script measured.
    static func render(_ html: String, width: Int) throws -> (screenshot: Int, measured: Measured) {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("intake-browser-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let page = folder.appendingPathComponent("page.html")
        // Headless chromium's window is at least 500 pixels wide: a narrower page is laid out by
        // giving its root element the width (the pages use no media queries or viewport units).
        let root = "<style>html{width:\(width)px}</style>"
        try html.replacingOccurrences(of: "</head>", with: root + "</head>").replacingOccurrences(of: "</body>", with: measuring + "</body>")
            .write(to: page, atomically: true, encoding: .utf8)
        let base = ["60", "chromium", "--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars",
                    "--user-data-dir=\(folder.path)/profile", "--window-size=\(width),900"]
        let shot = folder.appendingPathComponent("shot.png")
        _ = try run(base + ["--screenshot=\(shot.path)", page.absoluteString])
        let dom = try run(base + ["--dump-dom", page.absoluteString])
        guard let json = dom.firstMatch(of: /<pre id="measured">(.*?)<\/pre>/)?.1 else { throw BrowserError.noMeasurement(dom.count) }
        let decoded = String(json).replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(of: "&lt;", with: "<")
            .replacingOccurrences(of: "&gt;", with: ">").replacingOccurrences(of: "&amp;", with: "&")
        let size = (try? FileManager.default.attributesOfItem(atPath: shot.path)[.size] as? Int) ?? 0
        let measured = try JSONDecoder().decode(Measured.self, from: Data(decoded.utf8))
        guard abs(measured.layoutWidth - Double(width)) < 1 else { throw BrowserError.laidOutAt(measured.layoutWidth) }
        return (size, measured)
    }

    static func run(_ arguments: [String]) throws -> String {
        try IntakeRun.external("/usr/bin/timeout", arguments).stdout
    }

    enum BrowserError: Error { case noMeasurement(Int), laidOutAt(Double) }

    @Test(arguments: [360, 1000])
    func submitterReportFitsItsBoxes(_ width: Int) throws {
        var record = ReportFormatTests.everyCode
        record.source.attachmentName = "a-very-long-file-name-without-any-spaces-" + String(repeating: "x", count: 120) + ".docx"
        let html = SubmitterReport(record: record, context: Reports.context).renderHTML()
        let (screenshot, measured) = try Self.render(html, width: width)
        #expect(screenshot > 1000, "a screenshot was taken")
        #expect(measured.textLength > 500, "the page shows its text")
        #expect(measured.overflowing.isEmpty, "text overflows: \(measured.overflowing)")
    }
}
