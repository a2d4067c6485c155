import Foundation
import IntakeDocument
import IntakeReaders
import IntakeTestSupport
import Testing

@Suite struct DocxFieldTests {
    typealias B = DocxBuilder

    @Test func placeholderContentIsLeftOut() throws {
        let body = B.paragraph("""
            \(B.run("Name: "))<w:sdt><w:sdtPr><w:alias w:val="Agency B manager name"/><w:tag w:val="b_manager"/><w:showingPlcHdr/><w:text/></w:sdtPr>\
            <w:sdtContent><w:r><w:rPr><w:rStyle w:val="PlaceholderText"/></w:rPr><w:t>Click or tap here to enter text.</w:t></w:r></w:sdtContent></w:sdt>
            """)
        let document = try B.read(body)
        #expect(document.allBodyParagraphs.map(\.text) == ["Name: "])
        #expect(!document.plainText.contains("Click or tap"))
        let field = try #require(document.fields.first)
        #expect(field.name == "Agency B manager name")
        #expect(field.alternateName == "b_manager")
        #expect(field.kind == .text)
        #expect(field.isPlaceholder)
        #expect(field.value == nil)
    }

    @Test func blockLevelPlaceholderKeepsNoText() throws {
        let body = """
            <w:sdt><w:sdtPr><w:tag w:val="summary"/><w:showingPlcHdr/></w:sdtPr><w:sdtContent>\
            \(B.paragraph(B.run("Click or tap here to enter text.")))</w:sdtContent></w:sdt>
            """
        let document = try B.read(body)
        #expect(document.plainText.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty)
        #expect(document.fields.map(\.name) == ["summary"])
        #expect(document.fields.first?.isPlaceholder == true)
    }

    @Test func textControlValueSpansParagraphs() throws {
        let body = """
            <w:sdt><w:sdtPr><w:alias w:val="Details"/><w:tag w:val="summary"/></w:sdtPr><w:sdtContent>\
            \(B.paragraph(B.run("First line.")))\(B.paragraph(B.run("Second line.")))</w:sdtContent></w:sdt>
            """
        let document = try B.read(body)
        #expect(document.allBodyParagraphs.map(\.text) == ["First line.", "Second line."])
        let field = try #require(document.fields.first)
        #expect(field.value == "First line.\nSecond line.")
        #expect(field.isPlaceholder == false)
        #expect(field.origin.field == "Details")
    }

    @Test func dateControlGivesIsoValueAndKeepsDisplayedText() throws {
        let body = B.paragraph("""
            <w:sdt><w:sdtPr><w:alias w:val="Date sent"/><w:tag w:val="date_sent"/><w:date w:fullDate="2026-03-05T00:00:00Z">\
            <w:dateFormat w:val="dd/MM/yyyy"/></w:date></w:sdtPr><w:sdtContent>\(B.run("05/03/2026"))</w:sdtContent></w:sdt>
            """)
        let document = try B.read(body)
        #expect(document.allBodyParagraphs.map(\.text) == ["05/03/2026"])
        #expect(document.fields == [FormField(name: "Date sent", alternateName: "date_sent", kind: .date, value: "2026-03-05",
                                              origin: Origin(part: "word/document.xml", field: "Date sent", paragraph: 0))])
    }

    @Test func dropDownControlListsOptions() throws {
        let body = B.paragraph("""
            <w:sdt><w:sdtPr><w:alias w:val="Stage"/><w:dropDownList><w:listItem w:displayText="Stage 3" w:value="3"/>\
            <w:listItem w:displayText="Stage 4" w:value="4"/></w:dropDownList></w:sdtPr><w:sdtContent>\(B.run("Stage 4"))</w:sdtContent></w:sdt>
            """)
        let field = try #require(try B.read(body).fields.first)
        #expect(field.kind == .choice)
        #expect(field.options == ["Stage 3", "Stage 4"])
        #expect(field.value == "Stage 4")
    }

    @Test func legacyTextFieldValueIsTheShownResult() throws {
        let body = B.paragraph("""
            \(B.run("Name: "))<w:r><w:fldChar w:fldCharType="begin"><w:ffData><w:name w:val="Text1"/><w:enabled/><w:textInput/>\
            </w:ffData></w:fldChar></w:r><w:r><w:instrText xml:space="preserve"> FORMTEXT </w:instrText></w:r>\
            <w:r><w:fldChar w:fldCharType="separate"/></w:r>\(B.run("Jane"))\(B.run(" Doe"))<w:r><w:fldChar w:fldCharType="end"/></w:r>
            """)
        let document = try B.read(body)
        #expect(document.allBodyParagraphs.map(\.text) == ["Name: Jane Doe"])
        #expect(!document.plainText.contains("FORMTEXT"))
        #expect(document.fields == [FormField(name: "Text1", kind: .text, value: "Jane Doe",
                                              origin: Origin(part: "word/document.xml", field: "Text1", paragraph: 0))])
    }

    @Test func otherFieldsKeepResultsAndDropInstructions() throws {
        let body = B.paragraph("""
            \(B.run("Page "))<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText> PAGE \\* MERGEFORMAT </w:instrText></w:r>\
            <w:r><w:fldChar w:fldCharType="separate"/></w:r>\(B.run("3"))<w:r><w:fldChar w:fldCharType="end"/></w:r>\
            <w:fldSimple w:instr=" NUMPAGES ">\(B.run(" of 4"))</w:fldSimple>
            """)
        let document = try B.read(body)
        #expect(document.allBodyParagraphs.map(\.text) == ["Page 3 of 4"])
        #expect(document.fields.isEmpty)
    }

    @Test func paragraphStyleTabsAndBreaks() throws {
        let body = B.paragraph("<w:r><w:t>A</w:t><w:tab/><w:t>B</w:t><w:br/><w:t>C</w:t><w:cr/><w:t>D</w:t></w:r>", style: "Heading1")
        let paragraph = try #require(try B.read(body).allBodyParagraphs.first)
        #expect(paragraph.text == "A\tB\nC\nD")
        #expect(paragraph.style == "Heading1")
    }
}
