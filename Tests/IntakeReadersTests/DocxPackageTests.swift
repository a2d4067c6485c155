import Foundation
import IntakeDocument
import IntakeReaders
import IntakeTestSupport
import Testing

/// Tracked changes, alternate content, pictures, signatures, other parts and Strict OOXML.
@Suite struct DocxPackageTests {
    typealias B = DocxBuilder
    private let png = Data([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A] + Array(repeating: 7, count: 100))

    @Test func trackedChangesKeepInsertionsOnly() throws {
        let body = B.paragraph("""
            <w:del w:id="1" w:author="A"><w:r><w:delText>14/05/2026</w:delText></w:r></w:del>\
            <w:ins w:id="2" w:author="A">\(B.run("20/05/2026"))</w:ins>\
            <w:moveFrom w:id="3" w:author="A">\(B.run(" gone"))</w:moveFrom><w:moveTo w:id="4" w:author="A">\(B.run(" moved"))</w:moveTo>\
            <w:r><w:delText>stray</w:delText></w:r>
            """)
        let document = try B.read(body)
        #expect(document.allBodyParagraphs.map(\.text) == ["20/05/2026 moved"])
    }

    @Test func alternateContentIsReadOnce() throws {
        func alternate(_ requires: String) -> String {
            B.paragraph("""
                <w:r><mc:AlternateContent><mc:Choice Requires="\(requires)"><w:drawing><wp:anchor><a:graphic><a:graphicData>\
                <wps:wsp><wps:txbx><w:txbxContent>\(B.paragraph(B.run("from choice")))</w:txbxContent></wps:txbx></wps:wsp>\
                </a:graphicData></a:graphic></wp:anchor></w:drawing></mc:Choice><mc:Fallback><w:pict><v:shape><v:textbox><w:txbxContent>\
                \(B.paragraph(B.run("from fallback")))</w:txbxContent></v:textbox></v:shape></w:pict></mc:Fallback></mc:AlternateContent></w:r>
                """)
        }
        let understood = try B.read(alternate("wps"))
        #expect(understood.plainText.components(separatedBy: "from choice").count == 2)
        #expect(!understood.plainText.contains("from fallback"))
        let unknown = try B.read(alternate("x9"))
        #expect(unknown.plainText.components(separatedBy: "from fallback").count == 2)
        #expect(!unknown.plainText.contains("from choice"))
    }

    @Test func picturesKeepTheirCellOrigin() throws {
        let drawing = """
            <w:r><w:drawing><wp:inline><wp:docPr id="1" name="Picture 1" descr="Manager signature"/><a:graphic><a:graphicData>\
            <pic:pic><pic:blipFill><a:blip r:embed="rIdImg"/></pic:blipFill></pic:pic></a:graphicData></a:graphic></wp:inline></w:drawing></w:r>
            """
        let vml = "<w:r><w:pict><v:shape alt=\"Stamp\"><v:imagedata r:id=\"rIdImg\"/></v:shape></w:pict></w:r>"
        let linked = "<w:r><w:drawing><wp:inline><a:graphic><a:graphicData><pic:pic><pic:blipFill><a:blip r:link=\"rIdWeb\"/></pic:blipFill></pic:pic></a:graphicData></a:graphic></wp:inline></w:drawing></w:r>"
        let body = """
            <w:tbl><w:tr>\(B.cell(B.paragraph(B.run("Signature"))))\(B.cell(B.paragraph("")))</w:tr>\
            <w:tr>\(B.cell(B.paragraph(B.run("Manager"))))\(B.cell(B.paragraph(drawing)))</w:tr></w:tbl>\(B.paragraph(vml + linked))
            """
        let data = try B.docx(body: body, documentRelationships: [
            ("rIdImg", "image", "media/image1.png", false),
            ("rIdWeb", "image", "https://example.invalid/x.png", true),
        ], extraParts: [("word/media/image1.png", png)])
        let document = try DocxReader().read(data)
        #expect(document.pictures.count == 3)
        let signature = document.pictures[0]
        #expect(signature.name == "word/media/image1.png")
        #expect(signature.altText == "Manager signature")
        #expect(signature.contentType == "image/png")
        #expect(signature.byteCount == png.count)
        #expect(signature.origin == Origin(part: "word/document.xml", table: 0, row: 1, cell: 1))
        #expect(document.pictures[1].name == "word/media/image1.png")
        #expect(document.pictures[1].altText == "Stamp")
        #expect(document.pictures[1].origin == Origin(part: "word/document.xml", paragraph: 0))
        #expect(document.pictures[2].name == nil)
        #expect(document.pictures[2].byteCount == nil)
    }

    @Test func signatureLineInkAndDigitalSignatures() throws {
        let signatureLine = """
            <w:r><w:pict><v:shape><v:imagedata r:id="rIdImg"/><o:signatureline v:ext="edit" id="{1}" provid="{0}" issignatureline="t"/></v:shape></w:pict></w:r>
            """
        let ink = """
            <w:r><mc:AlternateContent><mc:Choice Requires="wpi"><w14:contentPart r:id="rIdInk"/></mc:Choice>\
            <mc:Fallback><w:drawing><wp:inline><a:graphic><a:graphicData><pic:pic><pic:blipFill><a:blip r:embed="rIdImg"/></pic:blipFill>\
            </pic:pic></a:graphicData></a:graphic></wp:inline></w:drawing></mc:Fallback></mc:AlternateContent></w:r>
            """
        let body = "<w:tbl><w:tr>\(B.cell(B.paragraph(signatureLine)))\(B.cell(B.paragraph(ink)))</w:tr></w:tbl>"
        let data = try B.docx(body: body, documentRelationships: [
            ("rIdImg", "image", "media/image1.png", false),
            ("rIdInk", "customXml", "ink/ink1.xml", false),
        ], extraParts: [
            ("word/media/image1.png", png),
            ("word/ink/ink1.xml", Data("<inkml:ink xmlns:inkml=\"http://www.w3.org/2003/InkML\"/>".utf8)),
            ("word/ink/ink2.xml", Data("<inkml:ink xmlns:inkml=\"http://www.w3.org/2003/InkML\"/>".utf8)),
            ("_xmlsignatures/origin.sigs", Data()),
            ("_xmlsignatures/sig1.xml", Data("<Signature/>".utf8)),
        ])
        let document = try DocxReader().read(data)
        let kinds = document.signatures.map(\.kind)
        #expect(kinds == [.signatureLine, .ink, .digitalSignaturePart, .ink])
        #expect(document.signatures[0].origin == Origin(part: "word/document.xml", table: 0, row: 0, cell: 0))
        #expect(document.signatures[1].origin == Origin(part: "word/document.xml", table: 0, row: 0, cell: 1))
        #expect(document.signatures[2].origin.part == "_xmlsignatures/sig1.xml")
        #expect(document.signatures[2].signed == true)
        #expect(document.signatures[3].origin.part == "word/ink/ink2.xml")
        // The ink's fallback picture is not read: one picture only, the signature line's.
        #expect(document.pictures.count == 1)
    }

    @Test func headersFootersAndCoreProperties() throws {
        let header = "<w:hdr \(B.namespaces)>\(B.paragraph(B.run("Bolton Safeguarding Children Partnership")))</w:hdr>"
        let footer = "<w:ftr \(B.namespaces)>\(B.paragraph(B.run("Form v2.1")))</w:ftr>"
        let core = """
            <cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" \
            xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" \
            xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"><dc:title>RPDE Form</dc:title><dc:subject>Escalation</dc:subject>\
            <dc:creator>A. Writer</dc:creator><cp:lastModifiedBy>B. Editor</cp:lastModifiedBy>\
            <dcterms:created xsi:type="dcterms:W3CDTF">2026-01-05T09:00:00Z</dcterms:created>\
            <dcterms:modified xsi:type="dcterms:W3CDTF">2026-01-06T10:30:00Z</dcterms:modified></cp:coreProperties>
            """
        let data = try B.docx(body: B.paragraph(B.run("Body")), documentRelationships: [
            ("rIdH", "header", "header1.xml", false), ("rIdF", "footer", "footer1.xml", false),
        ], extraParts: [
            ("word/header1.xml", Data(header.utf8)), ("word/footer1.xml", Data(footer.utf8)),
            ("docProps/core.xml", Data(core.utf8)),
        ])
        let document = try DocxReader().read(data)
        #expect(document.format == .docx)
        #expect(document.body.map(\.text) == ["Body"])
        #expect(document.headers.map(\.text) == ["Bolton Safeguarding Children Partnership"])
        #expect(document.footers.map(\.text) == ["Form v2.1"])
        #expect(document.headerFooterParagraphs.first?.origin.part == "word/header1.xml")
        #expect(document.metadata.title == "RPDE Form")
        #expect(document.metadata.subject == "Escalation")
        #expect(document.metadata.author == "A. Writer")
        #expect(document.metadata.lastModifiedBy == "B. Editor")
        #expect(document.metadata.created == Date(timeIntervalSince1970: 1_767_603_600))
        #expect(document.metadata.modified == Date(timeIntervalSince1970: 1_767_695_400))
    }

    @Test func mainPartIsFoundThroughRelationships() throws {
        let data = try B.docx(body: B.paragraph(B.run("Elsewhere")), mainPath: "content/main.xml")
        #expect(try DocxReader().read(data).body.map(\.text) == ["Elsewhere"])
    }

    @Test func strictNamespacesAreRead() throws {
        let w = "http://purl.oclc.org/ooxml/wordprocessingml/main"
        let document = """
            <w:document xmlns:w="\(w)" xmlns:w14="http://schemas.microsoft.com/office/word/2010/wordml"><w:body>\
            <w:p><w:pPr><w:pStyle w:val="Title"/></w:pPr><w:r><w:t>Strict form</w:t></w:r></w:p>\
            <w:tbl><w:tr><w:tc><w:tcPr><w:gridSpan w:val="2"/></w:tcPr><w:p><w:sdt><w:sdtPr><w:tag w:val="ok"/>\
            <w14:checkbox><w14:checked w14:val="1"/></w14:checkbox></w:sdtPr><w:sdtContent><w:r><w:t>☒</w:t></w:r></w:sdtContent></w:sdt>\
            <w:r><w:t xml:space="preserve"> Agreed</w:t></w:r></w:p></w:tc></w:tr></w:tbl></w:body></w:document>
            """
        let rels = """
            <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" \
            Type="http://purl.oclc.org/ooxml/officeDocument/relationships/officeDocument" Target="word/document.xml"/></Relationships>
            """
        let data = try B.zip([("_rels/.rels", Data(rels.utf8)), ("word/document.xml", Data(document.utf8))])
        let read = try DocxReader().read(data)
        let paragraphs = read.allBodyParagraphs
        #expect(paragraphs.map(\.text) == ["Strict form", "☒ Agreed"])
        #expect(paragraphs.first?.style == "Title")
        #expect(paragraphs.last?.ticks.map(\.label) == ["Agreed"])
        #expect(read.allTables.first?.rows.first?.cells.first?.columnSpan == 2)
        #expect(read.fields.map(\.name) == ["ok"])
    }
}
