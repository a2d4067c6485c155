import Foundation
import IntakeDocument
import IntakeReaders
import IntakeTestSupport
import Testing

/// Turned pages: `/Rotate` set here with qpdf, and text drawn through a turned matrix
/// (Fixtures/pdf/rotated.pdf from scripts/make-pdf-fixtures.py). Each must read as the upright
/// page does: every word, in its order, with rectangles on the upright page.
@Suite("PDF reader on turned pages")
struct PdfRotationTests {
    /// `data` with every page's `/Rotate` turned on by `degrees`, through qpdf.
    static func turned(_ data: Data, by degrees: Int) throws -> Data {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("intake-rotate-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let input = directory.appendingPathComponent("in.pdf"), output = directory.appendingPathComponent("out.pdf")
        try data.write(to: input)
        let qpdf = try IntakeRun.external("/usr/bin/env", ["qpdf", "--rotate=+\(degrees)", input.path, output.path])
        #expect(qpdf.status == 0, "\(qpdf.stderr)")
        return try Data(contentsOf: output)
    }

    static func near(_ a: Rect?, _ b: Rect?, within tolerance: Double = 0.5) -> Bool {
        guard let a, let b else { return a == nil && b == nil }
        return abs(a.x0 - b.x0) <= tolerance && abs(a.y0 - b.y0) <= tolerance
            && abs(a.x1 - b.x1) <= tolerance && abs(a.y1 - b.y1) <= tolerance
    }

    /// The same lines, spans and words on both pages, with the same rectangles.
    static func expectSameLayout(_ page: PageLayout, _ expected: PageLayout, sourceLocation: SourceLocation = #_sourceLocation) {
        #expect(page.lines.map(\.text) == expected.lines.map(\.text), sourceLocation: sourceLocation)
        #expect(abs(page.width - expected.width) < 0.01 && abs(page.height - expected.height) < 0.01, sourceLocation: sourceLocation)
        let spans = zip(page.lines, expected.lines).flatMap { zip($0.spans, $1.spans) }
        #expect(spans.allSatisfy { near($0.rect, $1.rect) }, sourceLocation: sourceLocation)
    }

    @Test("/Rotate on a fillable form: same words, rows, fields, ticks and ink places", arguments: [90, 180, 270])
    func rotateKey(degrees: Int) throws {
        let original = try PdfTestFiles.shared("filled/bolton-rpde-form-04.pdf")
        let upright = try PdfReader().read(original)
        let document = try PdfReader().read(Self.turned(original, by: degrees))
        #expect(document.pages[0].lines.first?.text == "Bolton Safeguarding Children Partnership")
        #expect(document.pdfTestValue("Child's name") == "Ava Unsworth")
        for (page, expected) in zip(document.pages, upright.pages) { Self.expectSameLayout(page, expected) }
        #expect(document.renderedText() == upright.renderedText())
        #expect(document.fields.count == upright.fields.count)
        #expect(zip(document.fields, upright.fields).allSatisfy { $0.origin.row == $1.origin.row && Self.near($0.origin.rect, $1.origin.rect) })
        let ink = try #require(document.signatures.first { $0.kind == .ink })
        let uprightInk = try #require(upright.signatures.first { $0.kind == .ink })
        #expect(Self.near(ink.origin.rect, uprightInk.origin.rect) && ink.origin.row == uprightInk.origin.row)
    }

    @Test("/Rotate on a form with a pasted signature picture: the picture stays in its row", arguments: [90, 180, 270])
    func rotatedPicture(degrees: Int) throws {
        let original = try PdfTestFiles.shared("filled/west-sussex-escalation-template-02.pdf")
        let upright = try PdfReader().read(original)
        let document = try PdfReader().read(Self.turned(original, by: degrees))
        // Everything before the pictures section, whose rectangles are compared below.
        func text(_ document: Document) -> String { document.renderedText().components(separatedBy: "== pictures ==")[0] }
        #expect(text(document) == text(upright))
        #expect(document.pages[1].lines.map(\.text) == upright.pages[1].lines.map(\.text))
        let picture = try #require(document.pictures.first), uprightPicture = try #require(upright.pictures.first)
        // Poppler rounds a picture's extent to whole points, differently once turned.
        #expect(Self.near(picture.origin.rect, uprightPicture.origin.rect, within: 1.5))
        #expect(picture.origin.row == uprightPicture.origin.row && picture.origin.cell == 1)
    }

    @Test("Text drawn through a turned matrix reads as the upright landscape page")
    func turnedMatrix() throws {
        let document = try PdfReader().read(PdfTestFiles.fixture("rotated"))
        let upright = document.pages[0]
        #expect(upright.width == 842 && upright.height == 595)
        #expect(upright.lines.map(\.text) == [
            "Rotated fixture", "Child's name\tAva Unsworth", "Date of referral\t12 March 2026", "Manager name",
            "Manager signature", "Stamp", "Please return this form within five working days.",
        ])
        // Page 2 is turned anticlockwise (its text reads upwards), page 3 clockwise.
        for number in [2, 3] {
            Self.expectSameLayout(document.pages[number - 1], upright)
            let name = try #require(document.fields.first { $0.kind == .text && $0.origin.page == number })
            // The widget's PDF rectangle, turned back: landscape [296 414 600 432], from the top.
            #expect(Self.near(name.origin.rect, Rect(x0: 296, y0: 163, x1: 600, y1: 181)))
            let nameRow = try #require(document.pdfTestRows.first { $0.label == "Manager name" && $0.row.origin.page == number })
            #expect(name.origin.row == nameRow.row.origin.row && name.origin.cell == 1 && nameRow.value == "Pat Quinn")
            let signature = try #require(document.signatures.first { $0.origin.page == number })
            let signatureRow = try #require(document.pdfTestRows.first { $0.label == "Manager signature" && $0.row.origin.page == number })
            #expect(Self.near(signature.origin.rect, Rect(x0: 296, y0: 199, x1: 600, y1: 229)))
            #expect(signature.origin.row == signatureRow.row.origin.row)
            let picture = try #require(document.pictures.first { $0.origin.page == number })
            #expect(Self.near(picture.origin.rect, Rect(x0: 300, y0: 245, x1: 360, y1: 275), within: 1))
        }
        #expect(document.pdfTestRows.filter { $0.label == "Child's name" }.map(\.value) == ["Ava Unsworth", "Ava Unsworth", "Ava Unsworth", "Ava Unsworth"])
    }

    @Test("A note up the margin of an upright page keeps its words and its tall rectangle")
    func marginNote() throws {
        let page = try PdfReader().read(PdfTestFiles.fixture("rotated")).pages[3]
        #expect(page.lines.map(\.text) == ["Upright page", "Child's name\tAva Unsworth", "Office use only"])
        let note = try #require(page.lines.last)
        // Drawn upwards from PDF (30, 300) in 8 pt type: about 24...32 from the left (the baseline
        // at 30), its bottom edge where it starts, 542 from the top.
        #expect(note.rect.height > 4 * note.rect.width && note.rect.x0 > 22 && note.rect.x1 < 33)
        #expect(abs(note.rect.y1 - 542) < 0.5)
    }

    @Test("Widgets flagged NoRotate still tell the page's turn", arguments: [90, 180, 270])
    func noRotateWidgets(degrees: Int) throws {
        // fields.pdf with every widget's /F 4 (print) made 20 (print, NoRotate), same length.
        let fixture = try PdfTestFiles.fixture("fields")
        var flagged = fixture
        while let range = flagged.range(of: Data("/F 4 ".utf8)) { flagged.replaceSubrange(range, with: Data("/F 20".utf8)) }
        #expect(flagged.count == fixture.count && flagged != fixture)
        let upright = try PdfReader().read(flagged)
        let document = try PdfReader().read(Self.turned(flagged, by: degrees))
        #expect(document.fields.count == 4)
        #expect(zip(document.fields, upright.fields).allSatisfy { Self.near($0.origin.rect, $1.origin.rect) })
        #expect(document.renderedText() == upright.renderedText())
    }

    @Test("/Rotate on top of a turned matrix", arguments: [90, 270])
    func rotateKeyOnTurnedMatrix(degrees: Int) throws {
        let fixture = try PdfTestFiles.fixture("rotated")
        let upright = try PdfReader().read(fixture)
        let document = try PdfReader().read(Self.turned(fixture, by: degrees))
        for (page, expected) in zip(document.pages, upright.pages) { Self.expectSameLayout(page, expected) }
        #expect(document.renderedText() == upright.renderedText())
    }
}
