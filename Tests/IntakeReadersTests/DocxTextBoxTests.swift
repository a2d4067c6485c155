import Foundation
import IntakeDocument
import IntakeReaders
import IntakeTestSupport
import Testing

/// Text boxes written the way Word 2010 and later writes them: a DrawingML shape (`wps:txbx`) in
/// `mc:Choice` with a VML copy (`v:textbox`) in `mc:Fallback`, anchored or inline, alone or grouped.
@Suite struct DocxTextBoxTests {
    typealias B = DocxBuilder

    private func text(_ value: String) -> String { B.paragraph(B.run(value)) }

    /// A DrawingML shape holding a text box, as Word writes it inside `wp:anchor` or `wpg:wgp`.
    private func shape(_ content: String) -> String {
        """
        <wps:wsp><wps:cNvSpPr txBox="1"/><wps:spPr><a:xfrm><a:off x="0" y="0"/><a:ext cx="2286000" cy="457200"/></a:xfrm>\
        <a:prstGeom prst="rect"><a:avLst/></a:prstGeom><a:solidFill><a:schemeClr val="lt1"/></a:solidFill></wps:spPr>\
        <wps:txbx><w:txbxContent>\(content)</w:txbxContent></wps:txbx>\
        <wps:bodyPr rot="0" vert="horz" wrap="square" anchor="t"><a:noAutofit/></wps:bodyPr></wps:wsp>
        """
    }

    /// `w:drawing` with a floating (`wp:anchor`) or inline (`wp:inline`) frame around `graphic`.
    private func drawing(_ graphic: String, uri: String, inline: Bool = false, id: Int = 1) -> String {
        let frame = inline ? "wp:inline distT=\"0\" distB=\"0\" distL=\"0\" distR=\"0\""
            : "wp:anchor distT=\"45720\" distB=\"45720\" distL=\"114300\" distR=\"114300\" simplePos=\"0\" relativeHeight=\"251659264\" behindDoc=\"0\" locked=\"0\" layoutInCell=\"1\" allowOverlap=\"1\""
        let placement = inline ? "" : """
            <wp:simplePos x="0" y="0"/><wp:positionH relativeFrom="column"><wp:posOffset>3200400</wp:posOffset></wp:positionH>\
            <wp:positionV relativeFrom="paragraph"><wp:posOffset>0</wp:posOffset></wp:positionV>
            """
        let wrap = inline ? "" : "<wp:wrapSquare wrapText=\"bothSides\"/>"
        let sizing = inline ? "" : "<wp14:sizeRelH relativeFrom=\"margin\"><wp14:pctWidth>0</wp14:pctWidth></wp14:sizeRelH>"
        return """
            <w:drawing><\(frame)>\(placement)<wp:extent cx="2286000" cy="457200"/><wp:effectExtent l="0" t="0" r="0" b="0"/>\
            \(wrap)<wp:docPr id="\(id)" name="Text Box \(id)"/><wp:cNvGraphicFramePr/>\
            <a:graphic><a:graphicData uri="\(uri)">\(graphic)</a:graphicData></a:graphic>\(sizing)</\(frame.prefix { $0 != " " })></w:drawing>
            """
    }

    private static let shapeURI = "http://schemas.microsoft.com/office/word/2010/wordprocessingShape"
    private static let groupURI = "http://schemas.microsoft.com/office/word/2010/wordprocessingGroup"

    /// VML text box as Word writes it for older readers (the `mc:Fallback`, or alone in old files).
    private func vmlTextBox(_ content: String, id: Int = 1) -> String {
        """
        <w:pict><v:shapetype id="_x0000_t202" coordsize="21600,21600" o:spt="202" path="m,l,21600r21600,l21600,xe">\
        <v:stroke joinstyle="miter"/><v:path gradientshapeok="t" o:connecttype="rect"/></v:shapetype>\
        <v:shape id="Text Box \(id)" o:spid="_x0000_s10\(id)" type="#_x0000_t202" style="position:absolute;margin-left:252pt;width:180pt;height:36pt">\
        <v:textbox><w:txbxContent>\(content)</w:txbxContent></v:textbox><w10:wrap type="square"/></v:shape></w:pict>
        """
    }

    private func alternate(choice: String, requires: String, fallback: String) -> String {
        "<w:r><mc:AlternateContent><mc:Choice Requires=\"\(requires)\">\(choice)</mc:Choice><mc:Fallback>\(fallback)</mc:Fallback></mc:AlternateContent></w:r>"
    }

    private func texts(_ blocks: [Block]) -> [String] { blocks.map(\.text) }

    @Test func anchoredChoiceTextBoxFollowsItsParagraph() throws {
        let box = drawing(shape(text("Referral received") + text("by phone")), uri: Self.shapeURI)
        let body = text("Before") + B.paragraph(B.run("Anchor") + "<w:r>\(box)</w:r>" + B.run(" text")) + text("After")
        let document = try B.read(body)
        #expect(texts(document.body) == ["Before", "Anchor text", "Referral received", "by phone", "After"])
    }

    @Test func inlineChoiceTextBoxFollowsItsParagraph() throws {
        let box = drawing(shape(text("Inline box")), uri: Self.shapeURI, inline: true)
        let document = try B.read(B.paragraph(B.run("Holder") + "<w:r>\(box)</w:r>") + text("Next"))
        #expect(texts(document.body) == ["Holder", "Inline box", "Next"])
    }

    @Test func vmlOnlyTextBoxIsKept() throws {
        let document = try B.read(B.paragraph(B.run("Old file") + "<w:r>\(vmlTextBox(text("Legacy box") + text("second line")))</w:r>") + text("After"))
        #expect(texts(document.body) == ["Old file", "Legacy box", "second line", "After"])
    }

    @Test func choiceAndFallbackTextBoxAppearsOnce() throws {
        let content = text("Seen once")
        let both = alternate(choice: drawing(shape(content), uri: Self.shapeURI), requires: "wps",
                             fallback: vmlTextBox(content))
        let document = try B.read(B.paragraph(B.run("Anchor") + both) + text("After"))
        #expect(texts(document.body) == ["Anchor", "Seen once", "After"])
        // Choice not understood (a namespace this reader does not know): the fallback, once.
        let unknown = alternate(choice: drawing(shape(text("Choice copy")), uri: Self.shapeURI), requires: "x9",
                                fallback: vmlTextBox(text("Fallback copy")))
        #expect(texts(try B.read(B.paragraph(unknown)).body) == ["", "Fallback copy"])
    }

    @Test func textBoxInTableCellBelongsToTheCell() throws {
        let box = alternate(choice: drawing(shape(text("In the box")), uri: Self.shapeURI), requires: "wps",
                            fallback: vmlTextBox(text("In the box")))
        let row = "<w:tr>\(B.cell(text("Label")))\(B.cell(B.paragraph(B.run("Value") + box) + text("Value 2")))</w:tr>"
        let document = try B.read("<w:tbl>\(row)</w:tbl>" + text("After"))
        let cell = try #require(document.allTables.first?.rows.first?.cells.last)
        #expect(texts(cell.blocks) == ["Value", "In the box", "Value 2"])
        let boxed = try #require(document.allBodyParagraphs.first { $0.text == "In the box" })
        #expect(boxed.origin == Origin(part: "word/document.xml", table: 0, row: 0, cell: 1))
        #expect(texts(document.body).last == "After")
    }

    @Test func groupedTextBoxesKeepTheirOrder() throws {
        let group = """
            <wpg:wgp><wpg:cNvGrpSpPr/><wpg:grpSpPr><a:xfrm><a:off x="0" y="0"/><a:ext cx="4572000" cy="914400"/>\
            <a:chOff x="0" y="0"/><a:chExt cx="4572000" cy="914400"/></a:xfrm></wpg:grpSpPr>\
            \(shape(text("First box")))\(shape(text("Second box") + text("more")))</wpg:wgp>
            """
        let vmlGroup = """
            <w:pict><v:group id="Group 5" style="position:absolute;width:360pt;height:72pt" coordsize="4572,914">\
            <v:shape id="Text Box 3" type="#_x0000_t202"><v:textbox><w:txbxContent>\(text("First box"))</w:txbxContent></v:textbox></v:shape>\
            <v:shape id="Text Box 4" type="#_x0000_t202"><v:textbox><w:txbxContent>\(text("Second box") + text("more"))</w:txbxContent></v:textbox></v:shape>\
            </v:group></w:pict>
            """
        let body = B.paragraph(B.run("Group holder") + alternate(choice: drawing(group, uri: Self.groupURI), requires: "wpg", fallback: vmlGroup))
        let document = try B.read(body + text("After"))
        #expect(texts(document.body) == ["Group holder", "First box", "Second box", "more", "After"])
        let vmlOnly = try B.read(B.paragraph("<w:r>\(vmlGroup)</w:r>"))
        #expect(texts(vmlOnly.body) == ["", "First box", "Second box", "more"])
    }

    @Test func tableInsideTextBoxStaysATable() throws {
        let inner = "<w:tbl><w:tr>\(B.cell(text("Name")))\(B.cell(text("Jo")))</w:tr></w:tbl>"
        let box = drawing(shape(text("Contact") + inner + B.paragraph("")), uri: Self.shapeURI)
        let document = try B.read(B.paragraph("<w:r>\(box)</w:r>") + text("After"))
        #expect(texts(document.body) == ["", "Contact", "Name\tJo", "", "After"])
        #expect(document.allTables.first?.origin.table == 0)
    }

    @Test func textBoxInHeaderStaysInHeader() throws {
        let box = alternate(choice: drawing(shape(text("Partnership logo text")), uri: Self.shapeURI), requires: "wps",
                            fallback: vmlTextBox(text("Partnership logo text")))
        let header = "<w:hdr \(B.namespaces)>\(B.paragraph(box))\(text("Header line"))</w:hdr>"
        let data = try B.docx(body: text("Body"), documentRelationships: [("rIdH", "header", "header1.xml", false)],
                              extraParts: [("word/header1.xml", Data(header.utf8))])
        let document = try DocxReader().read(data)
        #expect(texts(document.headers) == ["", "Partnership logo text", "Header line"])
        #expect(document.headerFooterParagraphs.map(\.origin.part) == Array(repeating: "word/header1.xml", count: 3))
        #expect(texts(document.body) == ["Body"])
    }
}
