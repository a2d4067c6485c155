import Foundation
import Testing
import IntakeDocument
import IntakeReaders

/// Generated fixtures (scripts/make-pdf-fixtures.py) for what the shared forms lack.
@Suite("PDF reader on generated fixtures")
struct PdfFixtureTests {
    @Test("Choice, radio group and text field: kinds, values and their rows")
    func fields() throws {
        let document = try PdfReader().read(PdfTestFiles.fixture("fields"))
        #expect(document.metadata.title == "Field fixture" && document.metadata.author == "Intake tests")
        let choice = try #require(document.fields.first { $0.kind == .choice })
        #expect(choice.name == "contact" && choice.alternateName == "Preferred contact")
        #expect(choice.options == ["Phone", "Email", "Letter"] && choice.value == "Email")
        #expect(document.pdfTestValue("Preferred contact") == "Email")
        let radios = document.fields.filter { $0.kind == .radio }
        #expect(radios.count == 2 && radios.filter { $0.checked == true }.count == 1)
        let outcome = try #require(document.pdfTestRows.first { $0.label == "Outcome" })
        #expect(outcome.value == "☒ Agreed ☐ Declined")
        #expect(outcome.row.cells[1].ticks.map(\.label) == ["Agreed", "Declined"])
        #expect(outcome.row.cells[1].ticks.allSatisfy { $0.style == .pdfField })
        #expect(document.pdfTestValue("Notes") == "Called back on Friday")
        let notes = try #require(document.fields.first { $0.name == "notes" })
        #expect(notes.origin.row == document.pdfTestRows.first { $0.label == "Notes" }?.row.origin.row)
        // PDF y 614...632 on an 842 pt page: 210...228 from the top.
        #expect(notes.origin.rect == Rect(x0: 236, y0: 210, x1: 500, y1: 228))
    }

    @Test("Lines at one pitch: a line that ends short ends its paragraph, one that reaches the margin wraps")
    func proseParagraphs() throws {
        let document = try PdfReader().read(PdfTestFiles.fixture("prose"))
        let texts = document.body.compactMap { block -> String? in
            if case .paragraph(let paragraph) = block { return paragraph.text }
            return nil
        }
        #expect(texts == [
            "Describe the difference: the school asked for a strategy discussion after the second incident and was told the threshold was not met.",
            "Child\u{2019}s name: Ava Unsworth",
            "Date of referral: 12 March 2026",
            "Manager:",
            "Sam Jones",
            "This line is long enough to reach the right margin of the page, and so it wraps onto the next line, which therefore continues it.",
        ])
    }

    @Test("A page with a picture and no text is a scan")
    func imageOnly() throws {
        #expect { try PdfReader().read(PdfTestFiles.fixture("image-only")) } throws: { ($0 as? IntakeError)?.code == .pdfImageOnly }
    }

    @Test("A PDF with an empty page tree")
    func noPages() throws {
        #expect { try PdfReader().read(PdfTestFiles.fixture("no-pages")) } throws: { ($0 as? IntakeError)?.code == .pdfNoPages }
    }
}
