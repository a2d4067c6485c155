import Foundation
import IntakeDocument
import IntakeReaders
import IntakeTestSupport
import Testing

@Suite struct DocxTickTests {
    typealias B = DocxBuilder

    private func onlyParagraph(_ body: String) throws -> Paragraph {
        let document = try B.read(body)
        return try #require(document.allBodyParagraphs.first)
    }

    @Test(arguments: [("1", true), ("0", false), ("true", true), ("false", false)])
    func contentControlCheckboxGivesOneTick(value: String, checked: Bool) throws {
        let glyph = checked ? "☒" : "☐"
        let body = B.paragraph("""
            <w:sdt><w:sdtPr><w:alias w:val="Agree"/><w:tag w:val="agree"/><w14:checkbox><w14:checked w14:val="\(value)"/>\
            <w14:checkedState w14:val="2612" w14:font="MS Gothic"/></w14:checkbox></w:sdtPr>\
            <w:sdtContent><w:r><w:t>\(glyph)</w:t></w:r></w:sdtContent></w:sdt>\(B.run(" Yes"))
            """)
        let document = try B.read(body)
        let paragraph = try #require(document.allBodyParagraphs.first)
        #expect(paragraph.text == "\(checked ? "☒" : "☐") Yes")
        #expect(paragraph.ticks.count == 1)
        #expect(paragraph.ticks.first?.checked == checked)
        #expect(paragraph.ticks.first?.label == "Yes")
        #expect(paragraph.ticks.first?.style == .contentControl)
        let field = try #require(document.fields.first)
        #expect(field.name == "Agree")
        #expect(field.alternateName == "agree")
        #expect(field.kind == .checkbox)
        #expect(field.checked == checked)
    }

    @Test func unnamedCheckboxControlsGiveTicksButNoField() throws {
        let box = { (on: String) in
            "<w:sdt><w:sdtPr><w14:checkbox><w14:checked w14:val=\"\(on)\"/></w14:checkbox></w:sdtPr><w:sdtContent><w:r><w:t>☐</w:t></w:r></w:sdtContent></w:sdt>"
        }
        let document = try B.read(B.paragraph(box("1") + B.run(" Formal") + "<w:r><w:tab/></w:r>" + box("0") + B.run(" Partnership")))
        let paragraph = try #require(document.allBodyParagraphs.first)
        #expect(paragraph.text == "☒ Formal\t☐ Partnership")
        #expect(paragraph.ticks.map(\.label) == ["Formal", "Partnership"])
        #expect(paragraph.ticks.map(\.checked) == [true, false])
        #expect(document.fields.isEmpty)
    }

    @Test(arguments: [("☐", false), ("☑", true), ("☒", true), ("✓", true), ("✔", true)])
    func unicodeGlyphsAreTicks(glyph: String, checked: Bool) throws {
        let paragraph = try onlyParagraph(B.paragraph(B.run("\(glyph) Option A")))
        #expect(paragraph.text == "\(checked ? "☒" : "☐") Option A")
        #expect(paragraph.ticks == [Tick(checked: checked, label: "Option A", style: .unicode, origin: paragraph.origin)])
    }

    @Test func labelsRunToTheNextBox() throws {
        let paragraph = try onlyParagraph(B.paragraph(B.run("Resolved? ☐Yes  ✔ No, not yet")))
        #expect(paragraph.text == "Resolved? ☐ Yes  ☒ No, not yet")
        #expect(paragraph.ticks.map(\.label) == ["Yes", "No, not yet"])
        #expect(paragraph.ticks.map(\.checked) == [false, true])
    }

    @Test(arguments: [("F0FE", true), ("F0FD", true), ("F0A8", false), ("F06F", false), ("F0FC", true), ("FE", true)])
    func wingdingsSymbolsAreTicks(code: String, checked: Bool) throws {
        let paragraph = try onlyParagraph(B.paragraph("<w:r><w:sym w:font=\"Wingdings\" w:char=\"\(code)\"/></w:r>\(B.run(" Stage 3"))"))
        #expect(paragraph.text == "\(checked ? "☒" : "☐") Stage 3")
        #expect(paragraph.ticks == [Tick(checked: checked, label: "Stage 3", style: .wingdings, origin: paragraph.origin)])
    }

    @Test func symbolsInOtherFontsAreNotTicks() throws {
        let paragraph = try onlyParagraph(B.paragraph("<w:r><w:sym w:font=\"Symbol\" w:char=\"F0FE\"/></w:r>\(B.run("x"))"))
        #expect(paragraph.ticks.isEmpty)
        #expect(paragraph.text == "x")
    }

    @Test(arguments: [("þ", true), ("ý", true), ("ü", true), ("¨", false), ("o", false)])
    func wingdingsTextRunsAreTicks(character: String, checked: Bool) throws {
        let wingdings = "<w:r><w:rPr><w:rFonts w:ascii=\"Wingdings\" w:hAnsi=\"Wingdings\"/></w:rPr><w:t>\(character)</w:t></w:r>"
        let paragraph = try onlyParagraph(B.paragraph(wingdings + B.run(" Option")))
        #expect(paragraph.text == "\(checked ? "☒" : "☐") Option")
        #expect(paragraph.ticks.map(\.style) == [.wingdings])
        #expect(paragraph.ticks.map(\.checked) == [checked])
        #expect(paragraph.ticks.map(\.label) == ["Option"])
    }

    @Test func lettersOutsideWingdingsStayLetters() throws {
        let paragraph = try onlyParagraph(B.paragraph(B.run("þ o ý")))
        #expect(paragraph.ticks.isEmpty)
        #expect(paragraph.text == "þ o ý")
    }

    /// `w:checked` beats `w:default`; a bare `<w:checked/>` is on.
    @Test(arguments: [
        ("<w:default w:val=\"1\"/>", true),
        ("<w:default w:val=\"0\"/>", false),
        ("<w:default w:val=\"1\"/><w:checked w:val=\"0\"/>", false),
        ("<w:default w:val=\"0\"/><w:checked/>", true),
        ("<w:default w:val=\"0\"/><w:checked w:val=\"1\"/>", true),
    ])
    func legacyCheckboxes(state: String, checked: Bool) throws {
        let body = B.paragraph("""
            <w:r><w:fldChar w:fldCharType="begin"><w:ffData><w:name w:val="Check1"/><w:checkBox><w:sizeAuto/>\(state)</w:checkBox>\
            </w:ffData></w:fldChar></w:r><w:r><w:instrText xml:space="preserve"> FORMCHECKBOX </w:instrText></w:r>\
            <w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r>\(B.run(" Stage 2: Manager"))
            """)
        let document = try B.read(body)
        let paragraph = try #require(document.allBodyParagraphs.first)
        #expect(paragraph.text == "\(checked ? "☒" : "☐") Stage 2: Manager")
        #expect(paragraph.ticks.count == 1)
        #expect(paragraph.ticks.first?.checked == checked)
        #expect(paragraph.ticks.first?.style == .legacyFormField)
        #expect(paragraph.ticks.first?.label == "Stage 2: Manager")
        #expect(paragraph.ticks.first?.origin.field == "Check1")
        #expect(document.fields == [FormField(name: "Check1", kind: .checkbox, checked: checked,
                                              origin: Origin(part: "word/document.xml", field: "Check1", paragraph: 0))])
    }
}
