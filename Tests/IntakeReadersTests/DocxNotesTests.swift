import Foundation
import IntakeDocument
import IntakeReaders
import IntakeTestSupport
import Testing

/// Footnotes and endnotes: found through the main part's relationships, Word's separator notes
/// left out, kept in ``Document/notes`` apart from the body.
@Suite struct DocxNotesTests {
    typealias B = DocxBuilder

    /// A notes part as Word writes it: the separator (-1) and continuation separator (0) first.
    private func notesPart(_ root: String, _ element: String, _ notes: [(id: Int, body: String)]) -> Data {
        let separators = """
            <w:\(element) w:type="separator" w:id="-1"><w:p><w:pPr><w:spacing w:after="0" w:line="240" w:lineRule="auto"/></w:pPr>\
            <w:r><w:separator/></w:r></w:p></w:\(element)>\
            <w:\(element) w:type="continuationSeparator" w:id="0"><w:p><w:r><w:continuationSeparator/></w:r></w:p></w:\(element)>
            """
        let items = notes.map { "<w:\(element) w:id=\"\($0.id)\">\($0.body)</w:\(element)>" }.joined()
        return Data("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?><w:\(root) \(B.namespaces)>\(separators)\(items)</w:\(root)>".utf8)
    }

    /// A note's first paragraph: the reference mark run, then the text.
    private func noteParagraph(_ text: String, reference: String) -> String {
        """
        <w:p><w:pPr><w:pStyle w:val="\(reference == "footnoteRef" ? "FootnoteText" : "EndnoteText")"/></w:pPr>\
        <w:r><w:rPr><w:rStyle w:val="FootnoteReference"/></w:rPr><w:\(reference)/></w:r>\(B.run(text))</w:p>
        """
    }

    private func document(relationships: [(id: String, type: String, target: String, external: Bool)],
                          parts: [(String, Data)]) throws -> Document {
        let body = B.paragraph(B.run("Threshold met") + "<w:r><w:footnoteReference w:id=\"1\"/></w:r>"
            + B.run(" see notes") + "<w:r><w:endnoteReference w:id=\"1\"/></w:r>")
        return try DocxReader().read(B.docx(body: body, documentRelationships: relationships, extraParts: parts))
    }

    @Test func footnotesAndEndnotesAreNotesNotBody() throws {
        // Odd part names: the parts are found through relationships, never by name.
        let footnotes = notesPart("footnotes", "footnote", [
            (1, noteParagraph(" Framework for Action, 2024.", reference: "footnoteRef")),
            (2, noteParagraph(" Second note", reference: "footnoteRef") + B.paragraph(B.run("its second paragraph"))),
        ])
        let endnotes = notesPart("endnotes", "endnote", [(1, noteParagraph(" Reviewed by the partnership.", reference: "endnoteRef"))])
        let document = try document(relationships: [
            ("rIdE", "endnotes", "notes/end.xml", false), ("rIdF", "footnotes", "notes/foot.xml", false),
        ], parts: [("word/notes/foot.xml", footnotes), ("word/notes/end.xml", endnotes)])

        #expect(document.body.map(\.text) == ["Threshold met see notes"])
        #expect(document.notes.map(\.kind) == [.footnote, .footnote, .endnote])
        #expect(document.notes.map(\.id) == [1, 2, 1])
        #expect(document.notes.map(\.text) == [" Framework for Action, 2024.", " Second note\nits second paragraph", " Reviewed by the partnership."])
        let second = document.noteParagraphs[2]
        #expect(second.text == "its second paragraph")
        #expect(second.origin == Origin(part: "word/notes/foot.xml", note: 2))
        #expect(document.notes[2].origin == Origin(part: "word/notes/end.xml", note: 1))
        #expect(!document.plainText.contains("Framework"))

        let rendered = document.renderedText()
        let section = try #require(rendered.range(of: "== notes ==\n"))
        #expect(rendered[section.upperBound...].hasPrefix("""
            [footnote 1]
             Framework for Action, 2024.
            [footnote 2]
             Second note
            its second paragraph
            [endnote 1]
             Reviewed by the partnership.
            """))
    }

    @Test func tableAndTickInANoteKeepTheNoteOrigin() throws {
        let table = "<w:tbl><w:tr>\(B.cell(B.paragraph(B.run("Stage"))))\(B.cell(B.paragraph(B.run("\u{2612} Stage 3"))))</w:tr></w:tbl>"
        let footnotes = notesPart("footnotes", "footnote", [(3, noteParagraph(" Stages:", reference: "footnoteRef") + table)])
        let document = try document(relationships: [("rIdF", "footnotes", "footnotes.xml", false)],
                                    parts: [("word/footnotes.xml", footnotes)])
        let note = try #require(document.notes.first)
        #expect(note.id == 3 && note.blocks.count == 2)
        guard case .table(let inner) = note.blocks[1] else { Issue.record("no table in the note"); return }
        #expect(inner.rows[0].cells[1].origin == Origin(part: "word/footnotes.xml", table: 0, row: 0, cell: 1, note: 3))
        #expect(inner.rows[0].cells[1].ticks.map(\.label) == ["Stage 3"])
        #expect(document.allTables.isEmpty)
    }

    @Test func notesWithoutRelationshipsAreNotRead() throws {
        let footnotes = notesPart("footnotes", "footnote", [(1, noteParagraph(" Orphan", reference: "footnoteRef"))])
        let document = try document(relationships: [], parts: [("word/footnotes.xml", footnotes)])
        #expect(document.notes.isEmpty)
    }

    @Test func noteParagraphsCountAgainstTheBlockLimit() throws {
        var limits = ReadLimits()
        limits.maxBlocks = 4
        let footnotes = notesPart("footnotes", "footnote", [(1, String(repeating: "<w:p/>", count: 4))])
        let data = try B.docx(body: "<w:p/>", documentRelationships: [("rIdF", "footnotes", "footnotes.xml", false)],
                              extraParts: [("word/footnotes.xml", footnotes)])
        expectIntakeError(.docxTooLarge) { _ = try DocxReader(limits: limits).read(data) }
    }
}
