import Foundation
import Testing
@testable import IntakeReaders
import IntakeDocument

@Test func pdfScratchDump() throws {
    let path = ProcessInfo.processInfo.environment["PDF_DUMP"] ?? ""
    guard !path.isEmpty else { return }
    let doc = try PdfReader().read(Data(contentsOf: URL(fileURLWithPath: path)))
    var out = ""
    for block in doc.body {
        switch block {
        case .paragraph(let p): out += "P: \(p.text)\n"
        case .table(let t):
            for row in t.rows { out += "  R\(row.origin.row ?? -1): " + row.cells.map { "[\($0.text.replacingOccurrences(of: "\n", with: "⏎"))]" }.joined(separator: " | ") + "\n" }
        }
    }
    for page in doc.pages { for line in page.lines { out += "L: \(line.rect) \(line.spans.map(\.text))\n" } }
    try out.write(toFile: "/tmp/pdfprobe/dump.txt", atomically: true, encoding: .utf8)
}
