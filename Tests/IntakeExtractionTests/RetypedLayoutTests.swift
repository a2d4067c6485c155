import Foundation
import IntakeMapping
import IntakeReaders
import IntakeRecord
import IntakeTestSupport
import Testing
@testable import IntakeExtraction

/// Rows that older and retyped forms lay out in ways the blank forms do not: a choice's boxes
/// on the line under its label, a question answered by the one option left, a label | value
/// row right under a signature label across the table, a signature's picture over the page
/// break, two rows run into one cell. The wordings are test inputs, none of them in mappings/.
@Suite struct RetypedLayoutTests {
    static let mappings = RowBoundaryTests.mappings
    static let bolton = RowBoundaryTests.bolton

    static func extract(_ data: Data, name: String) throws -> ExtractedFields {
        let document = try DocumentReader().read(data, fileName: name)
        guard case .form(_, let extracted) = Extractor(mappings: mappings).extract(document) else { throw RowBoundaryTests.Unrecognised() }
        return extracted
    }

    static func lines(_ lines: [String]) throws -> ExtractedFields {
        try extract(try DocxBuilder.form(title: bolton, lines: lines), name: "t.docx")
    }

    /// A free-text form (one paragraph a line) and what it must give; nil: left empty.
    struct LinesCase: Sendable, CustomTestStringConvertible {
        var testDescription: String
        var lines: [String]
        var expected: [String: FieldValue?]
    }

    static let lineCases: [LinesCase] = [
        // "Partnership Resolution" is also Part C's heading: a line of boxes is never a heading.
        LinesCase(testDescription: "boxes under a choice's label answer it, even when their words name a part",
                  lines: ["Stage of resolution: ", "☒ Formal Resolution\t☐ Partnership Resolution", "Date Form Received: 08/07/2026"],
                  expected: ["stage": .integer(3), "date.received": .date("2026-07-08")]),
        LinesCase(testDescription: "a question answered by the one option left is a label and its answer",
                  lines: ["Which stage? Partnership Resolution", "Date Form Received: 08/07/2026"],
                  expected: ["stage": .integer(4)]),
        LinesCase(testDescription: "questions put in everyday words are their rows",
                  lines: ["What should happen for the child?", "The referral is accepted and the family are offered a service.",
                          "When did Agency B receive this? Oct 8 2026"],
                  expected: ["dispute.desired_outcome": .text("The referral is accepted and the family are offered a service."),
                             "date.received": .date("2026-10-08")]),
        LinesCase(testDescription: "a short value after its colon ends there; the heading under it is not more of it",
                  lines: ["Case ID (LCS or EHM): EHM-91211", "AGENCY A – REFERRER", "Referring worker's name (Agency A): Imogen Quinlan"],
                  expected: ["child.reference": .text("EHM-91211"), "raiser.name": .text("Imogen Quinlan")]),
        LinesCase(testDescription: "an empty label line above a part's heading is left empty",
                  lines: ["DATE OF REPLY: ", "PART C – REFERRAL TO THE STATUTORY PARTNERS", "Reason for the Partnership Resolution request: "],
                  expected: ["date.responded": nil]),
    ]

    @Test(arguments: lineCases)
    func freeTextLines(_ example: LinesCase) throws {
        let extracted = try Self.lines(["Date of completion: 07/07/2026"] + example.lines)
        for (key, value) in example.expected {
            #expect(extracted.fields[key] == value, "\(key)")
        }
    }

    /// A long label line that matches nothing still ends at its colon: the place between the
    /// rows that matched says which row it is.
    @Test func aLongLabelLineThatMatchesNothingTakesItsRowByPlace() throws {
        let extracted = try RowBoundaryTests.extract(title: RowBoundaryTests.westSussex, [
            ("Name of the child: Leo Smith", nil),
            ("Summary of the disagreement:", nil),
            ("The school and the service disagree about the threshold.", nil),
            ("4. WORK DONE SO FAR TO RESOLVE IT:", nil),
            ("Practitioners spoke on 20/06/2026 without agreement.", nil),
            ("DEADLINE SET FOR RESOLUTION: 5 working days", nil),
        ])
        #expect(extracted.fields["dispute.actions_taken"] == .text("Practitioners spoke on 20/06/2026 without agreement."))
        #expect(extracted.fields["dispute.timeframe"] == .text("5 working days"))
    }

    @Test func aLabelValueRowRightUnderASignatureLabelAcrossTheTableIsItsOwnRow() throws {
        let extracted = try RowBoundaryTests.extract(title: Self.bolton, [
            ("Date completed", "01/06/2026"),
            ("Sign-off by Agency B line manager", nil),
            ("Response sent on (dd/mm/yyyy)", "14/04/2026"),
        ])
        #expect(extracted.fields["date.responded"] == .date("2026-04-14"))
        #expect(extracted.fields["responder.signature"] != .signature(SignatureValue(present: true, kind: .typed)))
    }

    /// The part's designation as the form prints it, then its title in other words: a heading,
    /// even with a colon at its end and an agency word in it, never the agency row.
    @Test func aPartsDesignationWithItsTitleRewordedIsItsHeading() throws {
        let extracted = try RowBoundaryTests.extract(title: Self.bolton, [
            ("PART A: FOR THE AGENCY RAISING THE DIFFERENCE (AGENCY A):", nil),
            ("Date completed", "26/01/2026"),
            ("Agency A practitioner", nil),
            ("Worker's full name", "Hamza Fairclough"),
            ("Employing organisation", "CAMHS (Example Partnership Trust)"),
        ])
        #expect(extracted.fields["raiser.agency"] == .text("CAMHS (Example Partnership Trust)"))
    }

    /// The escalated-to party's block moved first: its rows, worded as the other party's rows
    /// are ("Name of worker"), are its own, since they name no party.
    @Test func rowsUnderAPartysHeadingAreThatPartysWhenTheyNameNoParty() throws {
        let extracted = try RowBoundaryTests.extract(title: RowBoundaryTests.westSussex, [
            ("Date", "17/03/2026"),
            ("Professional escalated to", ""),
            ("Name of worker", "Nia Rahman"),
            ("Post", "Social Worker"),
            ("1. Referrer:", ""),
            ("Name (print)", "Mohammed Fairclough"),
            ("JOB TITLE (DESIGNATION)", "School Nurse"),
        ])
        #expect(extracted.fields["responder.name"] == .text("Nia Rahman"))
        #expect(extracted.fields["responder.role"] == .text("Social Worker"))
        #expect(extracted.fields["raiser.name"] == .text("Mohammed Fairclough"))
        #expect(extracted.fields["raiser.role"] == .text("School Nurse"))
    }

    /// Rows reordered and an extra row at the end: a label too unlike its field's to match, but
    /// like no other, takes that field; place alone would give it to the extra row.
    @Test func aRowNearlyMatchingItsFieldTakesItBeforePlaceGivesItToAnExtraRow() throws {
        let extracted = try RowBoundaryTests.extract(title: RowBoundaryTests.croydon, [
            ("Your name (please print)", "Hamza Jowett"),
            ("WHAT STEPS HAVE BEEN TAKEN TO SORT IT OUT?", "Team managers met on 09/08/2026."),
            ("Outcome so far (incl. any agreement reached)", "Referral accepted and allocated to a social worker."),
            ("Nature of concern (evidence of need, procedure, disagreement)", "The service declined the referral."),
            ("Version", "v3.1 – retyped 2019"),
        ])
        #expect(extracted.fields["dispute.outcome"] == .text("Referral accepted and allocated to a social worker."))
        #expect(extracted.provenance["dispute.outcome"]?.match == "similar-label")
    }

    /// "Reply sent" shares its one word with the response's text row and its date row alike:
    /// the bare date beside it decides.
    @Test func aBareDateBesideAnAmbiguousLabelMakesItTheDateRow() throws {
        let extracted = try RowBoundaryTests.extract(title: Self.bolton, [
            ("Date completed", "01/06/2026"),
            ("Reply sent", "14/04/2026"),
        ])
        #expect(extracted.fields["date.responded"] == .date("2026-04-14"))
        #expect(extracted.fields["dispute.outcome"] == nil)
    }

    @Test func twoRowsRunIntoOneCellAreTwoRowsEvenWhenALabelWrapped() throws {
        func cell(_ lines: [String]) -> String {
            "<w:tc>" + lines.map { "<w:p><w:r><w:t xml:space=\"preserve\">\(DocxBuilder.escape($0))</w:t></w:r></w:p>" }.joined() + "</w:tc>"
        }
        let rows = [
            RowBoundaryTests.cell("Details of the person notifying", span: 2),
            cell(["Your full name"]) + cell(["Amelia Rahman"]),
            cell(["Position", "the Board", "YOUR ORGANISATION"]) + cell(["Early Help Team Manager", "Early Help Service"]),
        ]
        let data = try DocxBuilder.form(title: RowBoundaryTests.croydon, tableXML: rows.map { "<w:tr>\($0)</w:tr>" }.joined())
        let extracted = try Self.extract(data, name: "t.docx")
        #expect(extracted.fields["raiser.role"] == .text("Early Help Team Manager"))
        #expect(extracted.fields["raiser.agency"] == .text("Early Help Service"))
    }

    @Test func aSignaturesPictureOverThePageBreakSignsTheLabelAtTheFootOfThePageBefore() throws {
        let url = Corpus.packageRoot.appendingPathComponent("Tests/IntakeReadersTests/Fixtures/pdf/overleaf.pdf")
        let extracted = try Self.extract(try Data(contentsOf: url), name: "overleaf.pdf")
        #expect(extracted.fields["responder.signature"] == .signature(SignatureValue(present: true, kind: .image)))
        #expect(extracted.fields["date.responded"] == .date("2026-10-01"))
    }
}
