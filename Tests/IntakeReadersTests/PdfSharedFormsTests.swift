import Foundation
import IntakeDocument
import IntakeReaders
import IntakeTestSupport
import Testing

/// Files the PDF tests read: the shared forms (../shared from the package root) and the
/// fixtures made by scripts/make-pdf-fixtures.py.
enum PdfTestFiles {
    static let sharedForms = TestPaths.shared.appendingPathComponent("forms")

    static func shared(_ path: String) throws -> Data { try Data(contentsOf: sharedForms.appendingPathComponent(path)) }

    static func fixture(_ name: String) throws -> Data {
        let url = try #require(Bundle.module.url(forResource: name, withExtension: "pdf", subdirectory: "Fixtures/pdf"))
        return try Data(contentsOf: url)
    }

    static func read(_ path: String) throws -> Document { try PdfReader().read(shared(path)) }

    /// A fixture encrypted with qpdf (AES-256) under `userPassword`, which may be empty.
    static func encrypted(_ name: String, userPassword: String) throws -> Data {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("intake-pdf-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let plain = directory.appendingPathComponent("plain.pdf"), locked = directory.appendingPathComponent("locked.pdf")
        try fixture(name).write(to: plain)
        let qpdf = try IntakeRun.external("/usr/bin/env", ["qpdf", "--encrypt", userPassword, "owner", "256", "--", plain.path, locked.path])
        #expect(qpdf.status == 0, "\(qpdf.stderr)")
        return try Data(contentsOf: locked)
    }
}

extension Document {
    /// Table rows as (label, value) with whitespace collapsed in the label.
    var pdfTestRows: [(label: String, value: String, row: TableRow)] {
        allTables.flatMap { table in
            table.rows.map { row in (row.cells.first.map { collapse($0.text) } ?? "", row.cells.count > 1 ? row.cells[1].text : "", row) }
        }
    }

    func pdfTestValue(_ label: String) -> String? { pdfTestRows.first { $0.label == label }?.value }

    /// The row right after the first row labelled `label` (a value below its label).
    func pdfTestRowBelow(_ label: String) -> TableRow? {
        let rows = pdfTestRows
        guard let index = rows.firstIndex(where: { $0.label == label }), index + 1 < rows.count else { return nil }
        return rows[index + 1].row
    }
}

func collapse(_ text: String) -> String {
    text.split(whereSeparator: { $0 == " " || $0 == "\t" }).joined(separator: " ")
        .replacingOccurrences(of: " \n", with: "\n").replacingOccurrences(of: "\n ", with: "\n")
}

@Suite("PDF reader on the shared forms")
struct PdfSharedFormsTests {
    @Test("LibreOffice export: labels paired with values, wrapped values whole, Unicode ticks")
    func boltonExport() throws {
        let document = try PdfTestFiles.read("filled/bolton-rpde-form-03.pdf")
        #expect(document.format == .pdf)
        #expect(document.metadata.pageCount == 2)
        #expect(document.metadata.producer?.hasPrefix("LibreOffice") == true)
        #expect(document.metadata.title == "Resolving Professional Differences and Escalation (RPDE) Form")
        #expect(document.metadata.created != nil)
        #expect(document.pdfTestValue("Child's name") == "Freya Quayle")
        #expect(document.pdfTestValue("Phone") == "01632960065")
        #expect(document.pdfTestValue("Steps taken at Early/Informal resolution")
            == "Managers met on 28 March 2026; a multi-agency meeting was held on 2 April 2026 but no agreement was reached.")
        #expect(document.pdfTestValue("Details of the difference") == "Youth Justice Service declined the referral as not meeting the criteria for the service. Police Child Abuse Investigation Team has continuing concerns about unexplained bruising seen on two occasions this term.\nYouth Justice Service's view is that the concerns are historic and are addressed by the current plan.")
        let areas = try #require(document.pdfTestRows.first { $0.label == "Areas of difference (tick all that apply)" })
        #expect(areas.row.cells[1].ticks.filter(\.checked).map(\.label)
            == ["Quality and outcomes of assessments", "Information sharing and communication"])
        #expect(areas.row.cells[1].ticks.count == 9)
        #expect(areas.row.cells[1].ticks.allSatisfy { $0.style == .unicode && $0.origin.page == 1 })
        let stage = try #require(document.pdfTestRows.first { $0.label == "Stage" })
        #expect(stage.value == "☐ Formal Resolution ☒ Partnership Resolution")
        #expect(stage.row.cells[1].ticks.map(\.checked) == [false, true])
        #expect(stage.row.origin.page == 2 && stage.row.cells[1].origin.cell == 1)
        #expect(document.fields.isEmpty && document.signatures.isEmpty)
    }

    @Test("Fillable PDF: field values in their rows, check boxes as ticks, ink and unsigned fields")
    func boltonFillable() throws {
        let document = try PdfTestFiles.read("filled/bolton-rpde-form-04.pdf")
        #expect(document.pdfTestValue("Child's name") == "Ava Unsworth")
        #expect(document.pdfTestValue("Agency A manager name") == "Pat Quinn")
        #expect(document.pdfTestValue("Details of the difference")?.contains("supervision of a young child.\nEarly Help Service's view") == true)
        #expect(document.pdfTestValue("Date received") == "")
        let stage = try #require(document.pdfTestRows.first { $0.label == "Stage" })
        #expect(stage.row.cells[1].ticks.map(\.label) == ["Formal Resolution", "Partnership Resolution"])
        #expect(stage.row.cells[1].ticks.map(\.checked) == [true, false])
        #expect(stage.row.cells[1].ticks.allSatisfy { $0.style == .pdfField })
        let name = try #require(document.fields.first { $0.name == "Child's name" })
        #expect(name.kind == .text && name.value == "Ava Unsworth" && name.alternateName == "Child's name")
        #expect(name.origin.page == 1 && name.origin.cell == 1 && name.origin.rect != nil)
        let tickBoxes = document.fields.filter { $0.kind == .checkbox }
        #expect(tickBoxes.count == 13)
        #expect(tickBoxes.filter { $0.checked == true }.map(\.name).sorted()
            == ["Areas of difference (tick all that apply) - Service referral", "Stage - Formal Resolution"])
        let signatureRow = try #require(document.pdfTestRows.first { $0.label == "Agency A manager signature" })
        let ink = try #require(document.signatures.first { $0.kind == .ink })
        #expect(ink.origin.page == 2 && ink.origin.row == signatureRow.row.origin.row && ink.origin.cell == 1)
        let fieldSignatures = document.signatures.filter { $0.kind == .pdfSignatureField }
        #expect(fieldSignatures.count == 2 && fieldSignatures.allSatisfy { $0.signed == false })
        #expect(document.fields.filter { $0.kind == .signature }.allSatisfy { $0.signed == false })
        // Rects are top-left: the signature box sits near the top of page 2.
        #expect((ink.origin.rect?.y0 ?? 999) < 100)
    }

    @Test("Value below its label, Wingdings ticks, a picture in the signature row")
    func westSussexExport() throws {
        let document = try PdfTestFiles.read("filled/west-sussex-escalation-template-02.pdf")
        let summary = try #require(document.pdfTestRowBelow("Summary of the disagreement"))
        #expect(summary.cells.count == 1 && summary.cells[0].columnSpan == 2)
        #expect(summary.cells[0].text.hasSuffix("three times.\nHollybrook Primary School's view is that the information shared did not evidence significant harm."))
        let actions = try #require(document.pdfTestRowBelow("Actions taken so far"))
        #expect(actions.origin.page == 2 && actions.cells[0].text.hasPrefix("Telephone discussion"))
        let stages = try #require(document.pdfTestRowBelow("Stage reached"))
        #expect(stages.cells[0].ticks.filter(\.checked).map(\.label) == ["Stage 3: Senior Manager to Senior Manager"])
        #expect(stages.cells[0].ticks.count == 6 && stages.cells[0].ticks.allSatisfy { $0.style == .wingdings })
        #expect(document.pdfTestValue("Timeframe set for resolution") == "By 14 Nov 2025")
        let signatureRow = try #require(document.pdfTestRows.first { $0.label == "Signature" })
        let picture = try #require(document.pictures.first)
        #expect(picture.origin.page == 2 && picture.origin.table == 0)
        #expect(picture.origin.row == signatureRow.row.origin.row && picture.origin.cell == 1)
    }

    @Test("Digitally signed field reports signed; check box fields in the stage list")
    func westSussexSigned() throws {
        let document = try PdfTestFiles.read("filled/west-sussex-escalation-template-03.pdf")
        let signature = try #require(document.signatures.first { $0.kind == .pdfSignatureField })
        #expect(signature.signed == true && signature.origin.field == "Signature" && signature.origin.page == 2)
        let signatureRow = try #require(document.pdfTestRows.first { $0.label == "Signature" })
        #expect(signature.origin.row == signatureRow.row.origin.row)
        let stages = try #require(document.pdfTestRows.first { $0.label == "Stage reached" })
        #expect(stages.row.cells[1].ticks.filter(\.checked).map(\.label) == ["Stage 5: Escalation to SCP"])
        #expect(document.pdfTestValue("Child's initials") == "R.M.")
        #expect(document.pdfTestValue("Outcome")?.hasSuffix("single assessment within 20 working days.") == true)
    }

    @Test("Monitoring forms: pictures in both signature rows; fillable feedback and stage")
    func southGlos() throws {
        let export = try PdfTestFiles.read("filled/south-glos-monitoring-form-02.pdf")
        #expect(export.pdfTestValue("Number of days taken to resolve") == "11")
        let stage = try #require(export.pdfTestRows.first { $0.label == "Stage at which Resolution reached" })
        #expect(stage.value == "☒ Stage 3 ☐ Stage 4")
        for label in ["Initiating Manager Signature", "Receiving Manager Signature"] {
            let row = try #require(export.pdfTestRows.first { $0.label == label })
            #expect(export.pictures.contains { $0.origin.row == row.row.origin.row && $0.origin.cell == 1 }, "\(label)")
        }
        let fillable = try PdfTestFiles.read("filled/south-glos-monitoring-form-03.pdf")
        #expect(fillable.pdfTestValue("Please note how effective this policy was in resolving the issue and please make suggestions as to how the policy can be improved")
            == "Effective once both managers were involved; the form could ask for the date of each stage.")
        let fillableStage = try #require(fillable.pdfTestRows.first { $0.label == "Stage at which Resolution reached" })
        #expect(fillableStage.value == "☐ Stage 3 ☒ Stage 4")
        #expect(fillable.signatures.count == 2 && fillable.signatures.allSatisfy { $0.kind == .pdfSignatureField && $0.signed == false })
        #expect(fillable.pdfTestRows.filter { $0.label == "Name" }.map(\.value) == ["Joanne Garside", "Aoife Santos"])
    }

    @Test("Every text value of every filled PDF's truth is in the rebuilt body")
    func truthValuesVisible() throws {
        let folder = PdfTestFiles.sharedForms.appendingPathComponent("filled")
        let names = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".pdf") }
        #expect(names.count == 8)
        for name in names {
            let document = try PdfReader().read(Data(contentsOf: folder.appendingPathComponent(name)))
            let body = collapse(document.body.map(\.text).joined(separator: "\n")).replacingOccurrences(of: "\n", with: " ")
            let truth = try JSONSerialization.jsonObject(with: Data(contentsOf: folder.appendingPathComponent(name + ".truth.json"))) as? [String: Any]
            let fields = truth?["fields"] as? [String: Any] ?? [:]
            for (key, value) in fields where !key.hasPrefix("policy.") {
                let texts = (value as? String).map { [$0] } ?? (value as? [String]) ?? []
                for text in texts where text.range(of: #"^\d{4}-\d{2}-\d{2}$"#, options: .regularExpression) == nil {
                    #expect(body.contains(collapse(text).replacingOccurrences(of: "\n", with: " ")), "\(name): \(key)")
                }
            }
        }
    }

    @Test("Every blank form reads as a table of labels with empty values")
    func blankForms() throws {
        let folder = PdfTestFiles.sharedForms.appendingPathComponent("blank")
        let names = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".pdf") }
        #expect(names.count == 4)
        for name in names {
            let document = try PdfReader().read(Data(contentsOf: folder.appendingPathComponent(name)))
            let rows = document.pdfTestRows
            #expect(rows.count >= 8, "\(name)")
            #expect(rows.contains { $0.label == "Name" && $0.value.isEmpty }, "\(name)")
            #expect(document.fields.allSatisfy { $0.value == nil && $0.checked != true }, "\(name)")
        }
    }

    @Test("Prose policy: seven pages of paragraphs and positioned lines")
    func policy() throws {
        let document = try PdfTestFiles.read("filled/bolton-policy.pdf")
        #expect(document.metadata.pageCount == 7 && document.pages.count == 7)
        #expect(document.allBodyParagraphs.count > 40)
        #expect(document.plainText.contains("Resolving Differences and Escalation"))
        #expect(document.body.contains { $0.text.hasPrefix("Statutory safeguarding partners acknowledge") && $0.text.hasSuffix("to the statutory safeguarding partners.") })
        let firstLine = try #require(document.pages[0].lines.first)
        #expect(firstLine.rect.y0 < 100 && firstLine.rect.y0 >= 0 && document.pages[0].width == 612)
    }

    @Test("Page layout: a label and its value are two spans of one line")
    func layoutSpans() throws {
        let document = try PdfTestFiles.read("filled/bolton-rpde-form-03.pdf")
        let line = try #require(document.pages[0].lines.first { $0.spans.first?.text == "Date completed" })
        #expect(line.spans.map(\.text) == ["Date completed", "8 April 2026"])
        #expect(line.spans[1].rect.x0 > line.spans[0].rect.x1 + 20)
        #expect(document.pages[0].lines.contains { $0.text.hasPrefix("Use this form at Formal Resolution") && $0.spans.count == 1 })
    }
}
