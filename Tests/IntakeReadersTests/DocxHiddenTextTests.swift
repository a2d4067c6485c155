import Foundation
import IntakeDocument
import IntakeReaders
import IntakeTestSupport
import Testing

/// Text formatted as hidden (`w:vanish`) is not what the person reading the form sees.
@Suite struct DocxHiddenTextTests {
    typealias B = DocxBuilder

    @Test func hiddenRunsAreLeftOut() throws {
        let body = B.paragraph("""
            <w:r><w:t xml:space="preserve">Maisie </w:t></w:r>\
            <w:r><w:rPr><w:vanish/></w:rPr><w:t>HIDDEN</w:t></w:r>\
            <w:r><w:rPr><w:vanish w:val="0"/></w:rPr><w:t>Hart</w:t></w:r><w:r><w:t>ley</w:t></w:r>
            """)
        let paragraph = try #require(try B.read(body).allBodyParagraphs.first)
        #expect(paragraph.text == "Maisie Hartley")
    }

    @Test func aHiddenParagraphMarkHidesNoRuns() throws {
        let body = B.paragraph("""
            <w:pPr><w:rPr><w:vanish/></w:rPr></w:pPr><w:r><w:t>Shown</w:t></w:r>
            """)
        #expect(try B.read(body).allBodyParagraphs.first?.text == "Shown")
    }
}
