import Foundation
import Testing
@testable import IntakeReaders
import IntakeDocument

@Test func pdfScratchDump() throws {
    let path = ProcessInfo.processInfo.environment["PDF_DUMP"] ?? ""
    guard !path.isEmpty else { return }
    let start = Date()
    let doc = try PdfReader().read(Data(contentsOf: URL(fileURLWithPath: path)))
    var out = "time \(Date().timeIntervalSince(start))\n"
    for block in doc.body {
        switch block {
        case .paragraph(let p): out += "P: \(p.text)\n"
        case .table(let t):
            out += "TABLE \(t.origin.table ?? -1)\n"
            for row in t.rows {
                out += "  R\(row.origin.row ?? -1): " + row.cells.map { "[\($0.text.replacingOccurrences(of: "\n", with: "⏎"))]" }.joined(separator: " | ") + "\n"
                for cell in row.cells { for b in cell.blocks { if case .paragraph(let p) = b, !p.ticks.isEmpty { out += "     ticks: " + p.ticks.map { "\($0.checked ? "X" : "_") \($0.label)" }.joined(separator: "; ") + "\n" } } }
            }
        }
    }
    for f in doc.fields { out += "F: \(f.kind) \(f.name) v=\(f.value ?? "-") c=\(String(describing: f.checked)) s=\(String(describing: f.signed)) t=\(String(describing: f.origin.table)) r=\(String(describing: f.origin.row)) c=\(String(describing: f.origin.cell))\n" }
    for p in doc.pictures { out += "PIC: \(p.origin)\n" }
    for s in doc.signatures { out += "SIG: \(s.kind) \(String(describing: s.signed)) \(s.origin)\n" }
    out += "META: \(doc.metadata)\n"
    try out.write(toFile: "/tmp/pdfprobe/dump.txt", atomically: true, encoding: .utf8)
}
