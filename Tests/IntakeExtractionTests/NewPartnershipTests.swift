import Foundation
import IntakeDocument
import IntakeExtraction
import IntakeMapping
import IntakeReaders
import IntakeRecord
import IntakeTestSupport
import IntakeValidation
import Testing

/// A sixth partnership's form needs a YAML file, not Swift: these tests add one to a copy of
/// mappings/ and read a form made for it.
@Suite struct NewPartnershipTests {
    static let formYAML = """
        kind: challenge-form
        partnership: riverside
        form_version: v1
        recognise:
          titles: [Riverside Professional Challenge Form]
          partnership_names: [Riverside Safeguarding Children Partnership]
        stage:
          key: stage
          allowed: [2, 3]
        fields:
          - {key: child.reference, label: Case number, type: text, required: error}
          - {key: raiser.name, label: Your name, type: text, required: error}
          - {key: raiser.email, label: Your e-mail, type: email}
          - {key: date.sent, label: Date sent, type: date, required: warning}
          - key: stage
            label: Level
            type: one-of
            options:
              - {label: Level two, value: 2}
              - {label: Level three, value: 3}
          - {key: raiser.signature, label: Signed, type: signature, required: error}
        """
    static let policyYAML = """
        partnership: riverside
        name: Riverside Safeguarding Children Partnership
        recognise:
          titles: [Riverside Escalation Policy]
        stages:
          - {number: 1, name: Practitioners}
          - {number: 2, name: Managers, working_days: 5}
          - {number: 3, name: Heads of Service, working_days: 5}
        """

    static func mappingsWithRiverside() throws -> URL {
        let copy = FileManager.default.temporaryDirectory.appendingPathComponent("intake-riverside-\(UUID().uuidString)")
        try FileManager.default.copyItem(at: Corpus.mappings, to: copy)
        try formYAML.write(to: copy.appendingPathComponent("forms/riverside-challenge-form.yaml"), atomically: true, encoding: .utf8)
        try policyYAML.write(to: copy.appendingPathComponent("policies/riverside.yaml"), atomically: true, encoding: .utf8)
        return copy
    }

    @Test func aNewFormIsRecognisedAndReadFromItsYAMLAlone() throws {
        let directory = try Self.mappingsWithRiverside()
        defer { try? FileManager.default.removeItem(at: directory) }
        let check = MappingSet.check(directory: directory)
        #expect(check.problems.isEmpty, "\(check.problems)")
        let docx = try DocxBuilder.form(title: "Riverside Professional Challenge Form", rows: [
            ("Case number", "RV-1001"), ("Your name:", "Sam Example"), ("Your e-mail", "sam@agency.example"),
            ("Date sent", "3rd February 2026"), ("Level", "☐ Level two ☒ Level three"), ("Signed", ""),
        ])
        let document = try DocumentReader().read(docx, fileName: "challenge.docx")
        guard case .form(let mapping, let extracted) = Extractor(mappings: check.set).extract(document) else {
            Issue.record("the Riverside form was not recognised")
            return
        }
        #expect(mapping.id == "riverside/challenge-form")
        #expect(extracted.fields["child.reference"] == .text("RV-1001"))
        #expect(extracted.fields["raiser.name"] == .text("Sam Example"))
        #expect(extracted.fields["date.sent"] == .date("2026-02-03"))
        #expect(extracted.fields["stage"] == .integer(3))
        #expect(extracted.fields["raiser.signature"] == .signature(.none))

        let calendar = try WorkingDayCalendar.load(from: directory.appendingPathComponent("calendar/england-and-wales.yaml"))
        let findings = Validator(calendar: calendar, asOf: Corpus.asOf)
            .validate(form: mapping, fields: extracted.fields, extractionFindings: extracted.findings)
        #expect(findings.map(\.code) == [.missingSignature])
    }

    @Test func aDocumentOfNoMappedFormIsUnknown() throws {
        let docx = try DocxBuilder.form(title: "Minutes of the Riverside team meeting", rows: [("Present", "Everyone")])
        let document = try DocumentReader().read(docx, fileName: "minutes.docx")
        let extraction = Extractor(mappings: try MappingSet.load(from: Corpus.mappings)).extract(document)
        guard case .unknown = extraction else {
            Issue.record("minutes were taken for a form")
            return
        }
    }
}
