import Foundation
import IntakeDocument
import IntakeReaders
import IntakeTestSupport
import Testing

/// The reader over the real blank and filled forms of the shared corpus.
@Suite struct DocxSharedFormsTests {
    typealias B = DocxBuilder

    static let blankForms = ["bolton-rpde-form.docx", "croydon-escalation-notification.docx",
                             "south-gloucestershire-monitoring-form.docx", "west-sussex-escalation-template.docx"]
    static let filledForms = ["bolton-rpde-form-01.docx", "bolton-rpde-form-02.docx", "bolton-rpde-form-05.docx",
                              "coventry-policy.docx", "croydon-escalation-notification-01-stage3.docx",
                              "south-glos-monitoring-form-01.docx", "south-gloucestershire-policy.docx",
                              "west-sussex-escalation-template-01.docx"]

    private func read(_ folder: String, _ name: String) throws -> Document {
        try DocxReader().read(Data(contentsOf: B.sharedForms(folder).appendingPathComponent(name)))
    }

    private func collapsed(_ text: String) -> String {
        text.split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }

    /// Every text value of the truth (dates aside: the form writes them day first).
    private func textValues(_ value: Any) -> [String] {
        switch value {
        case let text as String:
            return text.range(of: #"^\d{4}-\d{2}-\d{2}$"#, options: .regularExpression) == nil ? [text] : []
        case let list as [Any]: return list.flatMap(textValues)
        case let object as [String: Any]:
            return object.filter { !["kind", "present", "number", "working_days"].contains($0.key) }.values.flatMap(textValues)
        default: return []
        }
    }

    @Test func blankFormsReadWithUncheckedBoxesOnly() throws {
        for name in Self.blankForms {
            let document = try read("blank", name)
            #expect(!document.allTables.isEmpty, "\(name)")
            #expect(document.allBodyParagraphs.flatMap(\.ticks).allSatisfy { !$0.checked }, "\(name)")
            #expect(!document.plainText.contains("Click or tap"), "\(name)")
        }
    }

    @Test(arguments: filledForms)
    func everyTruthValueIsVisible(name: String) throws {
        let document = try read("filled", name)
        let truthURL = B.sharedForms("filled").appendingPathComponent(name + ".truth.json")
        let truth = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: truthURL)) as? [String: Any])
        let text = collapsed(document.plainText)
        for value in textValues(truth["fields"] ?? [:]) {
            #expect(text.contains(collapsed(value)), "\(name): a truth value is missing from the text")
        }
        #expect(!text.contains("Click or tap"), "\(name)")
        #expect(!text.contains("FORMCHECKBOX") && !text.contains("FORMTEXT"), "\(name)")
    }

    @Test(arguments: [
        ("west-sussex-escalation-template-01.docx", TickStyle.legacyFormField,
         ["Stage 3: Senior Manager to Senior Manager", "The need for action"]),
        ("bolton-rpde-form-01.docx", TickStyle.contentControl,
         ["Quality and/or timeliness of interventions", "Decisions made within strategy discussions", "Formal Resolution", "Yes"]),
        ("south-glos-monitoring-form-01.docx", TickStyle.contentControl, ["Stage 3"]),
    ])
    func tickedBoxesMatchTheTruth(name: String, style: TickStyle, checked: [String]) throws {
        let ticks = try read("filled", name).allBodyParagraphs.flatMap(\.ticks)
        #expect(ticks.filter(\.checked).map(\.label) == checked)
        #expect(ticks.allSatisfy { $0.style == style })
        #expect(ticks.count > checked.count)
    }

    @Test func contentControlsWithPlaceholders() throws {
        let document = try read("filled", "bolton-rpde-form-01.docx")
        let byTag = Dictionary(document.fields.compactMap { field in field.alternateName.map { ($0, field) } },
                               uniquingKeysWith: { first, _ in first })
        #expect(byTag["child_name"]?.value == "Ruby Quayle")
        #expect(byTag["date_sent"]?.kind == .date)
        #expect(byTag["date_sent"]?.value == "2026-09-14")
        #expect(byTag["b_manager"]?.isPlaceholder == true)
        #expect(byTag["b_manager"]?.value == nil)
        #expect(byTag["pr_date"]?.isPlaceholder == true)
        #expect(byTag["summary"]?.value?.contains("\n") == true)
    }

    @Test func trackedChangesAndSignatureImages() throws {
        let document = try read("filled", "bolton-rpde-form-02.docx")
        #expect(!document.plainText.contains("14/05/2026"))
        #expect(!document.plainText.contains("to follow"))
        #expect(document.plainText.contains("Fiona Whitworth"))
        #expect(document.pictures.map(\.origin.row) == [20, 28])
        #expect(document.pictures.allSatisfy { $0.origin.cell == 1 && $0.origin.table == 0 && $0.contentType == "image/png" })
    }

    @Test func mergedCellsOfTheTemplate() throws {
        let table = try #require(try read("filled", "west-sussex-escalation-template-01.docx").allTables.first)
        let person = table.rows[2].cells[0]
        #expect(person.text == "Person escalating")
        #expect(person.rowSpan == 5)
        #expect(table.rows[3].cells[0].continuesAbove)
        #expect(table.rows[0].cells.map(\.columnSpan) == [2, 1])
    }
}
