import Foundation
import IntakeDocument
import IntakeReaders
import IntakeTestSupport
import Testing
import ZIPFoundation

/// Documents that are small on disk but costly to read: unended fields, huge rows, millions of
/// empty paragraphs, floods of tick boxes. Each must finish (or fail with a code): the suite's
/// time limit turns a blow-up (a quadratic read, a hang) into a failure; speed is the benchmark's.
@Suite(.timeLimit(.minutes(2))) struct DocxStructureLimitTests {
    typealias B = DocxBuilder

    private static let textFieldBegin = """
        <w:r><w:fldChar w:fldCharType="begin"><w:ffData><w:name w:val="Text1"/><w:textInput/></w:ffData></w:fldChar></w:r>\
        <w:r><w:instrText> FORMTEXT </w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r>
        """
    private static let fieldEnd = "<w:r><w:fldChar w:fldCharType=\"end\"/></w:r>"

    /// A package with `body` as its main part, stored (not deflated): repetitive hostile XML
    /// would otherwise trip the compression-ratio limit before the structure limits are reached.
    private func stored(_ body: String) throws -> Data {
        try B.zip([
            ("[Content_Types].xml", Data(B.contentTypes.utf8)),
            ("_rels/.rels", Data(B.relationships([("rId1", "officeDocument", "word/document.xml", false)]).utf8)),
            ("word/document.xml", Data(B.document(body).utf8)),
        ], compression: .none)
    }

    // MARK: Fields

    /// The review's repro (20,000 FORMTEXT fields that never end, then runs; 50,000 here rather
    /// than 100,000 to keep a debug build well inside the bound). Before the cap every run was
    /// appended to every open field's capture: 10⁹ appends.
    @Test func unendedTextFieldsStayCheap() throws {
        let runs = String(repeating: B.run("word "), count: 50_000)
        let data = try stored(B.paragraph(String(repeating: Self.textFieldBegin, count: 20_000) + runs))
        let document = try DocxReader().read(data)
        #expect(document.allBodyParagraphs.first?.text.count == 250_000)
        #expect(document.fields.isEmpty)
    }

    /// Fields nested past the cap are read as plain text; the outer ones still become fields.
    @Test func nestingPastTheCapIsIgnored() throws {
        let depth = 20
        let runs = String(repeating: Self.textFieldBegin, count: depth) + B.run("Jane") + String(repeating: Self.fieldEnd, count: depth)
        let document = try B.read(B.paragraph(B.run("Name: ") + runs) + B.paragraph(B.run("after")))
        #expect(document.fields.count == 16)
        #expect(document.fields.allSatisfy { $0.value == "Jane" && $0.kind == .text })
        #expect(document.allBodyParagraphs.map(\.text) == ["Name: Jane", "after"])
    }

    /// A captured value stops at 64 KB; the paragraph keeps the whole text.
    @Test func capturedValueIsCapped() throws {
        let long = String(repeating: "ab\u{E9}", count: 40_000)  // 160,000 UTF-8 bytes
        let document = try B.read(B.paragraph(Self.textFieldBegin + B.run(long) + Self.fieldEnd))
        let value = try #require(document.fields.first?.value)
        #expect(value.utf8.count <= 64 << 10)
        #expect(value.utf8.count > 60_000)
        #expect(long.hasPrefix(value))
        #expect(document.allBodyParagraphs.first?.text == long)
    }

    /// Fields left open inside text boxes are closed with the box (their captures used to stay
    /// open to the end of the part).
    @Test func unendedFieldsInTextBoxesAreClosed() throws {
        let box = "<w:r><w:pict><v:shape><v:textbox><w:txbxContent>"
            + B.paragraph(String(repeating: Self.textFieldBegin, count: 16)) + "</w:txbxContent></v:textbox></v:shape></w:pict></w:r>"
        let body = B.paragraph(String(repeating: box, count: 2_000)) + B.paragraph(String(repeating: B.run("word "), count: 40_000))
        let data = try stored(body)
        let document = try DocxReader().read(data)
        #expect(document.allBodyParagraphs.last?.text.count == 200_000)
    }

    // MARK: Tables

    private func row(cells: Int, properties: String = "") -> String {
        "<w:tbl><w:tr>" + String(repeating: "<w:tc><w:tcPr>\(properties)</w:tcPr><w:p/></w:tc>", count: cells) + "</w:tr></w:tbl>"
    }

    @Test func rowWithTooManyCells() throws {
        let data = try stored(row(cells: 100_000))
        expectIntakeError(.docxTooLarge) { _ = try DocxReader().read(data) }
        var limits = ReadLimits()
        limits.maxTableCellsPerRow = 50
        expectIntakeError(.docxTooLarge) { _ = try B.read(row(cells: 51), limits: limits) }
        #expect(try B.read(row(cells: 50), limits: limits).allTables.first?.rows.first?.cells.count == 50)
    }

    /// A long row costs linear time (each cell used to copy the whole row) and a huge gridSpan
    /// is clamped (each cell used to walk it).
    @Test func longRowIsLinearAndSpansAreClamped() throws {
        var limits = ReadLimits()
        limits.maxTableCellsPerRow = 30_000
        let data = try stored(row(cells: 30_000, properties: "<w:gridSpan w:val=\"1000000000\"/>"))
        let document = try DocxReader(limits: limits).read(data)
        let cells = try #require(document.allTables.first?.rows.first?.cells)
        #expect(cells.count == 30_000)
        #expect(cells.allSatisfy { $0.columnSpan == 64 })
        #expect(cells.last?.gridColumn == 29_999 * 64)
    }

    // MARK: Blocks and form items

    /// The review's repro: 3,000,000 empty paragraphs (18 MB stored).
    @Test func millionsOfEmptyParagraphs() throws {
        let data = try stored(String(repeating: "<w:p/>", count: 3_000_000))
        expectIntakeError(.docxTooLarge) { _ = try DocxReader().read(data) }
    }

    /// The block limit counts paragraphs, tables and cells in every part together.
    @Test func blockLimitCountsAllParts() throws {
        var limits = ReadLimits()
        limits.maxBlocks = 10
        #expect(try B.read(String(repeating: "<w:p/>", count: 10), limits: limits).body.count == 10)
        expectIntakeError(.docxTooLarge) { _ = try B.read(String(repeating: "<w:p/>", count: 11), limits: limits) }
        // One table, one row of three cells, each with a paragraph: 7 blocks; plus 4 paragraphs.
        let table = "<w:tbl><w:tr>" + String(repeating: B.cell("<w:p/>"), count: 3) + "</w:tr></w:tbl>"
        expectIntakeError(.docxTooLarge) { _ = try B.read(table + String(repeating: "<w:p/>", count: 4), limits: limits) }
        let footer = [("rId7", "footer", "footer1.xml", false)]
        let footerXML = "<w:ftr \(B.namespaces)>" + String(repeating: "<w:p/>", count: 6) + "</w:ftr>"
        let data = try B.docx(body: String(repeating: "<w:p/>", count: 5), documentRelationships: footer,
                              extraParts: [("word/footer1.xml", Data(footerXML.utf8))])
        expectIntakeError(.docxTooLarge) { _ = try DocxReader(limits: limits).read(data) }
    }

    @Test func floodOfTickBoxes() throws {
        let data = try stored(B.paragraph(B.run(String(repeating: "\u{2610}", count: 1_000_000))))
        expectIntakeError(.docxTooLarge) { _ = try DocxReader().read(data) }
        var limits = ReadLimits()
        limits.maxFormItems = 3
        #expect(try B.read(B.paragraph(B.run("\u{2610} a \u{2612} b \u{2610} c")), limits: limits).allBodyParagraphs.first?.ticks.count == 3)
        expectIntakeError(.docxTooLarge) { _ = try B.read(B.paragraph(B.run("\u{2610} a \u{2612} b \u{2610} c \u{2610} d")), limits: limits) }
    }

    // MARK: Long text

    /// One paragraph of a million characters, in one run and in 100,000 runs: linear time.
    @Test func millionCharacterParagraph() throws {
        for runs in [B.run(String(repeating: "abcdefghi ", count: 100_000)), String(repeating: B.run("abcdefghi "), count: 100_000)] {
            let data = try stored(B.paragraph(runs))
            let document = try DocxReader().read(data)
            #expect(document.allBodyParagraphs.first?.text.count == 1_000_000)
        }
    }
}
