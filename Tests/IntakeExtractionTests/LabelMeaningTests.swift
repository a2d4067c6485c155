import Foundation
import IntakeDocument
@testable import IntakeExtraction
import IntakeMapping
import IntakeReaders
import IntakeRecord
import IntakeTestSupport
import Testing

/// Labels worded as no mapping words them, read by meaning and by place. The wordings here
/// are test inputs: none of them is in mappings/ (the first test checks that).
@Suite struct LabelMeaningTests {
    static let title = "Escalation Template"
    static let mappings = try! MappingSet.load(from: Corpus.mappings)

    /// A West Sussex template retyped by a submitter: its own wordings, its own row order.
    static let retyped: [(String, String)] = [
        ("Date of this escalation form", "03/02/2026"),
        ("Which stage has been reached", "☒ Stage 3: Senior Manager to Senior Manager"),
        ("Details of the professional raising the concern", ""),
        ("Full name", "Sam Raiser"),
        ("Job title / position", "Team Manager"),
        ("Employing organisation", "Example Police"),
        ("Contact e-mail", "sam.raiser@police.example"),
        ("Details of the professional being escalated to", ""),
        ("Full name", "Alex Responder"),
        ("Designation", "Head of Service"),
        ("Their organisation", "Example Council"),
        ("Young person's initials", "T.R."),
        ("Ref. no.", "WS/26/001"),
        ("A summary of what the disagreement is about", "The referral was declined."),
        ("Signed by the professional raising it", "/s/ Sam Raiser"),
    ]

    static func extract(_ rows: [(String, String)], mappings: MappingSet = Self.mappings) throws -> ExtractedFields {
        let document = try DocumentReader().read(try DocxBuilder.form(title: title, rows: rows), fileName: "t.docx")
        guard case .form(let mapping, let extracted) = Extractor(mappings: mappings).extract(document) else {
            throw Unrecognised()
        }
        #expect(mapping.id == "west-sussex/escalation-template")
        return extracted
    }

    struct Unrecognised: Error {}

    @Test func noTestWordingIsInTheMappings() throws {
        let printed = Set(Self.mappings.forms.flatMap { form in
            form.fields.flatMap { $0.labels + [$0.formField].compactMap { $0 } } + form.sections.flatMap(\.labels)
        }.map(LabelText.normalize))
        for (label, _) in Self.retyped {
            #expect(!printed.contains(LabelText.normalize(label)), "\(label) is a mapping wording")
        }
    }

    @Test func aRetypedFormIsReadByMeaning() throws {
        let extracted = try Self.extract(Self.retyped)
        let f = extracted.fields
        #expect(f["date.completed"] == .date("2026-02-03"))
        #expect(f["stage"] == .integer(3))
        #expect(f["raiser.name"] == .text("Sam Raiser"))
        #expect(f["raiser.role"] == .text("Team Manager"))
        #expect(f["raiser.agency"] == .text("Example Police"))
        #expect(f["raiser.email"] == .text("sam.raiser@police.example"))
        #expect(f["responder.name"] == .text("Alex Responder"))
        #expect(f["responder.role"] == .text("Head of Service"))
        #expect(f["responder.agency"] == .text("Example Council"))
        #expect(f["child.name"] == .text("T.R."))
        #expect(f["child.reference"] == .text("WS/26/001"))
        #expect(f["dispute.summary"] == .text("The referral was declined."))
        #expect(f["raiser.signature"] == .signature(SignatureValue(present: true, kind: .typed)))
        #expect(extracted.provenance["raiser.role"]?.match == "similar-label")
        #expect(extracted.provenance["raiser.role"].flatMap(\.confidence).map { $0 > 0 && $0 <= 1 } == true)
    }

    @Test func wordOrderDoesNotMatter() throws {
        let a = try Self.extract([("Person escalating", ""), ("Agency of the person", "Example Police")])
        let b = try Self.extract([("Escalating person – agency", "Example Police")])
        #expect(a.fields["raiser.agency"] == .text("Example Police"))
        #expect(b.fields["raiser.agency"] == .text("Example Police"))
    }

    /// A heading names its party; it is not the party's Name row.
    @Test func aRewordedHeadingSetsTheParty() throws {
        let extracted = try Self.extract([
            ("Professional escalated to", ""), ("Name", "Alex Responder"),
            ("Escalating professional", ""), ("Name", "Sam Raiser"),
        ])
        #expect(extracted.fields["responder.name"] == .text("Alex Responder"))
        #expect(extracted.fields["raiser.name"] == .text("Sam Raiser"))
    }

    /// A row whose label means nothing to the lexicon takes the field between its neighbours,
    /// and is named for a person to confirm.
    @Test func aRowFoundOnlyByItsPlaceIsKeptAndFlagged() throws {
        let extracted = try Self.extract([
            ("Person escalating", ""), ("Name", "Sam Raiser"), ("Role", "Team Manager"),
            ("Where you work", "Example Police"), ("Email", "sam.raiser@police.example"),
        ])
        #expect(extracted.fields["raiser.agency"] == .text("Example Police"))
        #expect(extracted.provenance["raiser.agency"]?.match == "position")
        #expect(extracted.findings.contains { $0.code == .lowConfidenceField && $0.field == "raiser.agency" })
        #expect(!extracted.findings.contains { $0.code == .lowConfidenceField && $0.field == "raiser.role" })
    }

    /// Place never puts a value where its type cannot go.
    @Test func placeRespectsTheValueType() throws {
        let extracted = try Self.extract([
            ("Person escalating", ""), ("Role", "Team Manager"), ("Agency", "Example Police"),
            ("Contactable on", "not a phone number"), ("Phone", "01632 960000"),
        ])
        #expect(extracted.fields["raiser.email"] == nil)
        #expect(extracted.fields["raiser.phone"] == .text("01632 960000"))
    }

    /// Boxes of a choice row and the form's title are never taken for labels.
    @Test func optionsAndTitlesAreNotLabels() throws {
        let extracted = try Self.extract([
            ("Areas of disagreement (tick all that apply)", "☒ Outcomes of assessments\n☐ Service provision"),
            ("Outcome / agreed actions", "Meeting booked."),
        ])
        #expect(extracted.fields["dispute.outcome"] == .text("Meeting booked."))
        #expect(extracted.fields["dispute.themes"] == .list(["Outcomes of assessments"]))
    }

    @Test func freeTextLabelsAsShortAsFieldNames() throws {
        let extracted = try Self.extract([("Escalating person's name:", "Sam Raiser"), ("Case ref:", "WS/26/001")])
        #expect(extracted.fields["raiser.name"] == .text("Sam Raiser"))
        #expect(extracted.fields["child.reference"] == .text("WS/26/001"))
    }

    /// A PDF line that runs several "Label: value" pairs together is read pair by pair.
    @Test func labelsRunTogetherOnOneLineAreSplit() throws {
        let line = "Escalating person's name: Sam Raiser Job title of the escalating person: Team Manager Case ref: WS/26/001"
        let row = "<w:tr><w:tc><w:p><w:r><w:t xml:space=\"preserve\">\(DocxBuilder.escape(line))</w:t></w:r></w:p></w:tc></w:tr>"
        let document = try DocumentReader().read(try DocxBuilder.form(title: Self.title, tableXML: row), fileName: "t.docx")
        guard case .form(_, let extracted) = Extractor(mappings: Self.mappings).extract(document) else { throw Unrecognised() }
        #expect(extracted.fields["raiser.name"] == .text("Sam Raiser"), "\(Extractor(mappings: Self.mappings).suggestions(for: document))")
        #expect(extracted.fields["raiser.role"] == .text("Team Manager"))
        #expect(extracted.fields["child.reference"] == .text("WS/26/001"))
    }

    /// The answer on the line under "Label:" is the value even when it starts "Word: …".
    @Test func anAnswerUnderItsLabelIsKeptWhole() throws {
        let rows = ["What was the outcome?", "Not resolved: escalated to the next stage."].map {
            "<w:tr><w:tc><w:p><w:r><w:t xml:space=\"preserve\">\(DocxBuilder.escape($0))</w:t></w:r></w:p></w:tc></w:tr>"
        }
        let document = try DocumentReader().read(try DocxBuilder.form(title: Self.title, tableXML: rows.joined()), fileName: "t.docx")
        guard case .form(_, let extracted) = Extractor(mappings: Self.mappings).extract(document) else { throw Unrecognised() }
        #expect(extracted.fields["dispute.outcome"] == .text("Not resolved: escalated to the next stage."), "\(extracted.fields)")
    }

    /// `intake mappings suggest` gives a line that, pasted under the field's `older:`, makes the row exact.
    @Test func aSuggestedWordingOncePastedMatchesExactly() throws {
        let rows: [(String, String)] = [("Person escalating", ""), ("Name", "Sam Raiser"), ("Job title / position", "Team Manager")]
        let document = try DocumentReader().read(try DocxBuilder.form(title: Self.title, rows: rows), fileName: "t.docx")
        let report = Extractor(mappings: Self.mappings).suggestions(for: document)
        let suggestion = try #require(report.suggestions.first { $0.key == "raiser.role" })
        #expect(suggestion.wording == "Job title / position")

        let copy = FileManager.default.temporaryDirectory.appendingPathComponent("intake-suggest-\(UUID().uuidString)")
        try FileManager.default.copyItem(at: Corpus.mappings, to: copy)
        defer { try? FileManager.default.removeItem(at: copy) }
        let file = copy.appendingPathComponent(suggestion.file)
        var yaml = try String(contentsOf: file, encoding: .utf8)
        let block = try #require(yaml.range(of: "- key: \(suggestion.key)\n"))
        let older = try #require(yaml.range(of: "  older:\n", range: block.upperBound..<yaml.endIndex))
        yaml.insert(contentsOf: "  - \"\(suggestion.wording)\"\n", at: older.upperBound)
        try yaml.write(to: file, atomically: true, encoding: .utf8)

        let taught = try MappingSet.load(from: copy)
        let extracted = try Self.extract(rows, mappings: taught)
        #expect(extracted.fields["raiser.role"] == .text("Team Manager"))
        #expect(extracted.provenance["raiser.role"]?.match == "exact-label")
        #expect(Extractor(mappings: taught).suggestions(for: document).suggestions.allSatisfy { $0.key != "raiser.role" })
    }
}

@Suite struct LabelWordsTests {
    let words = LabelWords(lexicon: LabelMeaningTests.mappings.lexicon)

    @Test func synonymsPhrasesPluralsAndStopWordsFold() {
        #expect(words.words("Name of initiating manager") == words.words("Initiating Mgr – full name"))
        #expect(words.words("Job title") == words.words("Designation"))
        #expect(words.words("D.O.B.") == words.words("Date of birth"))
        #expect(words.words("Organisations") == words.words("Agency"))
        #expect(words.words("Child's name") == words.words("Name of the young person"))
    }

    @Test func escalatedToIsTheOtherParty() {
        #expect(words.words("Professional escalated to") != words.words("Person escalating"))
        #expect(words.words("Person escalating").contains("initiating"))
        #expect(words.words("Professional escalated to").contains("receiving"))
    }

    @Test func aWordInTwoSynonymGroupsIsAMistakeWithItsLine() {
        let yaml = "synonyms:\n- [role, post]\n- [agency, post]\n"
        #expect(throws: MappingError.self) { try Lexicon(yaml: yaml, file: "lexicon.yaml") }
        let error = try? #require(throws: MappingError.self) { try Lexicon(yaml: yaml, file: "lexicon.yaml") }
        #expect(error?.line == 3)
    }
}
