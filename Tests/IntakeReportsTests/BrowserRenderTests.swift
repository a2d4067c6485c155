import Foundation
import IntakeRecord
import IntakeReports
import IntakeTestSupport
import Testing

/// Pages rendered by a real browser (Debian's chromium, headless; scripts/setup.sh installs it):
/// a screenshot, and a DOM dump in which a measuring script the test appends (the pages have
/// none of their own) records every box whose text overflows it and the size of every SVG bar.
@Suite struct BrowserRenderTests {
    struct Measured: Decodable {
        var overflowing: [String]
        var bars: [[Double]]
        var textLength: Int
    }

    static let measuring = """
    <script>
    const out = {overflowing: [], bars: [], textLength: document.body.innerText.length};
    for (const el of document.body.querySelectorAll('*')) {
      if (el.tagName === 'SCRIPT' || el.closest('svg')) continue;
      if (el.scrollWidth > el.clientWidth + 1 && getComputedStyle(el).display !== 'inline') out.overflowing.push(el.tagName + ':' + el.textContent.slice(0, 40));
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
        try html.replacingOccurrences(of: "</body>", with: measuring + "</body>").write(to: page, atomically: true, encoding: .utf8)
        let base = ["60", "chromium", "--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars",
                    "--user-data-dir=\(folder.path)/profile", "--window-size=\(width),900"]
        let shot = folder.appendingPathComponent("shot.png")
        _ = try run(base + ["--screenshot=\(shot.path)", page.absoluteString])
        let dom = try run(base + ["--dump-dom", page.absoluteString])
        guard let json = dom.firstMatch(of: /<pre id="measured">(.*?)<\/pre>/)?.1 else { throw BrowserError.noMeasurement(dom.count) }
        let decoded = String(json).replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(of: "&lt;", with: "<")
            .replacingOccurrences(of: "&gt;", with: ">").replacingOccurrences(of: "&amp;", with: "&")
        let size = (try? FileManager.default.attributesOfItem(atPath: shot.path)[.size] as? Int) ?? 0
        return (size, try JSONDecoder().decode(Measured.self, from: Data(decoded.utf8)))
    }

    static func run(_ arguments: [String]) throws -> String {
        try IntakeRun.external("/usr/bin/timeout", arguments).stdout
    }

    enum BrowserError: Error { case noMeasurement(Int) }

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
