import Foundation
import Testing
import IntakeDocument
@testable import IntakeReaders

/// Builds small PDFs that ask for a lot of layout work: many pages sharing one content
/// stream of many short text lines, or one line of many tick marks.
enum PdfManyLines {
    /// `pages` pages, each showing the same `lines` lines of "ab" (1.5 pt Helvetica, 2 pt apart).
    static func data(lines: Int, pages: Int) -> Data {
        let content = (0..<lines).map { "BT /F1 1.5 Tf 10 \(Double(2 * $0 + 5)) Td (ab) Tj ET\n" }.joined()
        return data(content: content, width: 612, height: 2 * lines + 10, pages: pages)
    }

    /// A paragraph of `lines` wrapped lines, each an "a" and then `perLine` ZapfDingbats check
    /// marks (✓, code "3") with spaces between. Poppler's own time grows with the square of a
    /// line's length, so the ticks are spread over lines; the reader joins them into one paragraph.
    static func ticks(lines: Int, perLine: Int) -> Data {
        let row = String(repeating: " 3", count: perLine)
        let content = (0..<lines).map { "BT /F1 2 Tf 10 \(Double(10 + 2.4 * Double(lines - $0))) Td (a) Tj /F2 2 Tf (\(row)) Tj ET\n" }.joined()
        return data(content: content, width: 3 * perLine + 40, height: 3 * lines + 20, pages: 1)
    }

    private static func data(content: String, width: Int, height: Int, pages: Int) -> Data {
        let kids = (0..<pages).map { "\(7 + $0) 0 R" }.joined(separator: " ")
        var objects = [
            "<< /Type /Catalog /Pages 2 0 R >>",
            "<< /Type /Pages /Kids [\(kids)] /Count \(pages) >>",
            "<< /Type /Font /Subtype /Type1 /BaseFont /ZapfDingbats >>",
            "<< /Length \(content.utf8.count) >>\nstream\n\(content)\nendstream",
            "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
            "<< /Font << /F1 5 0 R /F2 3 0 R >> >>",
        ]
        let page = "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 \(width) \(height)] /Contents 4 0 R /Resources 6 0 R >>"
        objects += Array(repeating: page, count: pages)
        var output = "%PDF-1.7\n"
        var offsets: [Int] = []
        for (index, object) in objects.enumerated() {
            offsets.append(output.utf8.count)
            output += "\(index + 1) 0 obj\n\(object)\nendobj\n"
        }
        let xref = output.utf8.count
        output += "xref\n0 \(objects.count + 1)\n0000000000 65535 f \n"
        output += offsets.map { String(repeating: "0", count: 10 - String($0).count) + "\($0) 00000 n \n" }.joined()
        output += "trailer\n<< /Size \(objects.count + 1) /Root 1 0 R >>\nstartxref\n\(xref)\n%%EOF\n"
        return Data(output.utf8)
    }
}

@Suite("PDF reader on pages with a lot of text", .serialized, .timeLimit(.minutes(2)))
struct PdfScalingTests {
    @Test("20 pages sharing one stream of 5,000 lines are read whole")
    func manyPagesSharingOneStream() throws {
        let data = PdfManyLines.data(lines: 5_000, pages: 20)
        let read = try PdfReader().read(data)
        #expect(read.pages.count == 20)
        #expect(read.pages.allSatisfy { $0.lines.count == 5_000 })
        #expect(read.pages[19].lines.last?.text == "ab")
    }

    @Test("A document over the text limit is refused with pdf.too-much-text")
    func textLimit() throws {
        let data = PdfManyLines.data(lines: 5_000, pages: 20)
        var reader = PdfReader()
        reader.maxTextCharacters = 40_000
        let error = try #require(throws: IntakeError.self) { try reader.read(data) }
        #expect(error.code == .pdfTooMuchText)
        #expect(error.message.contains("40000"))
        reader.maxTextCharacters = 400_000
        #expect(try reader.read(data).pages.count == 20)
    }

    @Test("One page of 20,000 short lines is read whole")
    func oneLongPage() throws {
        let data = PdfManyLines.data(lines: 20_000, pages: 1)
        let document = try PdfReader().read(data)
        #expect(document.pages.first?.lines.count == 20_000)
    }

    @Test("A paragraph of 20,000 tick marks on 20 lines keeps every tick")
    func paragraphOfTicks() throws {
        let data = PdfManyLines.ticks(lines: 20, perLine: 1_000)
        let read = try PdfReader().read(data)
        #expect(read.pages.first?.lines.count == 20)
        #expect(read.pages.first?.lines.allSatisfy { $0.spans.count == 1 } == true)
        let paragraphs = read.body.compactMap { block -> Paragraph? in
            if case .paragraph(let paragraph) = block { return paragraph }
            return nil
        }
        #expect(paragraphs.count == 1)
        let ticks = paragraphs.flatMap(\.ticks)
        #expect(ticks.count == 20_000)
        #expect(ticks.allSatisfy { $0.checked && $0.style == .unicode })
        // The last tick of each line runs up to the "a" that starts the next.
        #expect(ticks.filter { $0.label == "a" }.count == 19)
        #expect(ticks.filter(\.label.isEmpty).count == 20_000 - 19)
    }
}
