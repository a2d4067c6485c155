import Foundation
import IntakeDocument
import IntakeReaders
import Testing

@Suite struct DocxProbeTests {
    @Test func dump() throws {
        for folder in ["blank", "filled"] {
            let dir = DocxBuilder.sharedForms(folder)
            for name in try FileManager.default.contentsOfDirectory(atPath: dir.path) where name.hasSuffix(".docx") {
                let data = try Data(contentsOf: dir.appendingPathComponent(name))
                let start = Date()
                let doc = try DocxReader().read(data)
                let ms = Date().timeIntervalSince(start) * 1000
                var out = "time \(ms) ms\n"
                for p in doc.allBodyParagraphs { out += "[\(p.origin.table.map(String.init) ?? "-")/\(p.origin.row.map(String.init) ?? "-")/\(p.origin.cell.map(String.init) ?? "-")] \(p.style ?? "") | \(p.text)\n"; for t in p.ticks { out += "    TICK \(t.checked) \(t.style) '\(t.label)' \(t.origin.field ?? "")\n" } }
                for f in doc.fields { out += "FIELD \(f.name) alt=\(f.alternateName ?? "") \(f.kind) v=\(f.value ?? "nil") c=\(f.checked.map { "\($0)" } ?? "nil") ph=\(f.isPlaceholder)\n" }
                for p in doc.pictures { out += "PIC \(p) \n" }
                for s in doc.signatures { out += "SIG \(s)\n" }
                out += "HEADERS \(doc.headers.map(\.text)) FOOTERS \(doc.footers.map(\.text))\nMETA \(doc.metadata)\n"
                for t in doc.allTables { out += "TABLE \(t.origin.table!) rows \(t.rows.count): " + t.rows.map { $0.cells.map { "\($0.gridColumn)+\($0.columnSpan)x\($0.rowSpan)\($0.continuesAbove ? "^" : "")" }.joined(separator: ",") }.joined(separator: " | ") + "\n" }
                try out.write(toFile: "/tmp/docxprobe/\(folder)-\(name).txt", atomically: true, encoding: .utf8)
            }
        }
    }
}
