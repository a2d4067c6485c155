import Foundation
import IntakeReaders
@testable import IntakeExtraction
import Testing

@Test func scratchDump() throws {
    let dir = URL(fileURLWithPath: "/work/shared/forms/filled")
    for name in ["bolton-policy.pdf", "coventry-policy.docx", "south-gloucestershire-policy.docx"] {
        let doc = try DocumentReader().read(Data(contentsOf: dir.appending(path: name)), fileName: name)
        let lines = PolicyExtractor.lines(of: doc.body)
        try lines.joined(separator: "\n").write(toFile: "/tmp/polx/\(name).lines", atomically: true, encoding: .utf8)
        try "\(doc.metadata.title ?? "nil")".write(toFile: "/tmp/polx/\(name).title", atomically: true, encoding: .utf8)
    }
}

@Test func scratchDumpLayout() throws {
    let name = "bolton-policy.pdf"
    let doc = try DocumentReader().read(Data(contentsOf: URL(fileURLWithPath: "/work/shared/forms/filled/\(name)")), fileName: name)
    var out = ""
    for page in doc.pages {
        out += "=== page \(page.number)\n"
        for line in page.lines {
            out += line.spans.map { "[\(Int($0.rect.x0))-\(Int($0.rect.x1))] \($0.text)" }.joined(separator: " | ") + "\n"
        }
    }
    try out.write(toFile: "/tmp/polx/layout.txt", atomically: true, encoding: .utf8)
}
