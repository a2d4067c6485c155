import Foundation
import IntakeDocument
import IntakeReaders
import IntakeTestSupport
import Testing

@Suite struct DocxTableTests {
    typealias B = DocxBuilder

    private func row(_ cells: String, properties: String = "") -> String { "<w:tr>\(properties)\(cells)</w:tr>" }
    private func text(_ value: String) -> String { B.paragraph(B.run(value)) }

    @Test func gridSpanAndVerticalMerge() throws {
        let body = """
            <w:tbl><w:tblGrid><w:gridCol/><w:gridCol/><w:gridCol/></w:tblGrid>\
            \(row(B.cell(text("Date"), properties: "<w:gridSpan w:val=\"2\"/>") + B.cell(text("17/07/2025"))))\
            \(row(B.cell(text("Person"), properties: "<w:vMerge w:val=\"restart\"/>") + B.cell(text("Name")) + B.cell(text("Jo"))))\
            \(row(B.cell(B.paragraph(""), properties: "<w:vMerge/>") + B.cell(text("Role")) + B.cell(text("Lead"))))\
            \(row(B.cell(text("extra"), properties: "<w:vMerge/>") + B.cell(text("Agency")) + B.cell(text("School"))))\
            \(row(B.cell(text("Gap")), properties: "<w:trPr><w:gridBefore w:val=\"1\"/></w:trPr>"))\
            </w:tbl>
            """
        let document = try B.read(body)
        let table = try #require(document.allTables.first)
        #expect(table.rows.count == 5)
        #expect(table.rows[0].cells.map(\.gridColumn) == [0, 2])
        #expect(table.rows[0].cells.map(\.columnSpan) == [2, 1])
        let first = table.rows[1].cells[0]
        #expect(first.rowSpan == 3)
        #expect(first.text == "Person\nextra")
        for covered in [table.rows[2].cells[0], table.rows[3].cells[0]] {
            #expect(covered.continuesAbove)
            #expect(covered.blocks.isEmpty)
            #expect(covered.gridColumn == 0)
        }
        #expect(table.rows[2].cells.map(\.text) == ["", "Role", "Lead"])
        #expect(table.rows[4].cells.map(\.gridColumn) == [1])
        let lead = try #require(document.allBodyParagraphs.first { $0.text == "Lead" })
        #expect(lead.origin == Origin(part: "word/document.xml", table: 0, row: 2, cell: 2))
    }

    @Test func nestedTablesAndTheirOrigins() throws {
        let inner = "<w:tbl>\(row(B.cell(text("inner A")) + B.cell(text("inner B"))))</w:tbl>"
        let body = "<w:tbl>\(row(B.cell(text("outer")) + B.cell(text("before") + inner)))</w:tbl>\(text("after"))"
        let document = try B.read(body)
        #expect(document.allTables.count == 2)
        let outer = try #require(document.allTables.first)
        #expect(outer.rows[0].cells[1].text == "before\ninner A\tinner B")
        let innerB = try #require(document.allBodyParagraphs.first { $0.text == "inner B" })
        #expect(innerB.origin == Origin(part: "word/document.xml", table: 1, row: 0, cell: 1))
        let before = try #require(document.allBodyParagraphs.first { $0.text == "before" })
        #expect(before.origin == Origin(part: "word/document.xml", table: 0, row: 0, cell: 1))
        #expect(document.allBodyParagraphs.last?.origin == Origin(part: "word/document.xml", paragraph: 0))
    }

    @Test func deletedRowIsDropped() throws {
        let body = """
            <w:tbl>\(row(B.cell(text("kept"))))\
            \(row(B.cell(text("deleted row")), properties: "<w:trPr><w:del w:id=\"1\" w:author=\"A\"/></w:trPr>"))\
            \(row(B.cell(text("also kept"))))</w:tbl>
            """
        let table = try #require(try B.read(body).allTables.first)
        #expect(table.rows.map { $0.cells.map(\.text) } == [["kept"], ["also kept"]])
        #expect(table.rows.map(\.origin.row) == [0, 1])
    }

    @Test func textBoxContentIsKept() throws {
        let box = """
            <w:r><w:pict><v:shape><v:textbox><w:txbxContent>\(text("In the box"))</w:txbxContent></v:textbox></v:shape></w:pict></w:r>
            """
        let document = try B.read("<w:tbl>\(row(B.cell(B.paragraph(B.run("Outside") + box))))</w:tbl>")
        let cell = try #require(document.allTables.first?.rows.first?.cells.first)
        #expect(cell.blocks.map(\.text) == ["Outside", "In the box"])
    }
}
