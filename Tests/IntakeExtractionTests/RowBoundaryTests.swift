import Foundation
import IntakeDocument
@testable import IntakeExtraction
import IntakeMapping
import IntakeReaders
import IntakeRecord
import IntakeTestSupport
import Testing

/// Where one row ends and the next begins when the labels are worded as no mapping words
/// them: headings that look like a label, rows under a label that spans the table, a
/// question with its boxes. The wordings are test inputs, none of them in mappings/.
@Suite struct RowBoundaryTests {
    static let mappings = try! MappingSet.load(from: Corpus.mappings)
    static let bolton = "Resolving Professional Differences and Escalation (RPDE) Form"
    static let westSussex = "Escalation Template"
    static let croydon = "Escalation Notification to Croydon Safeguarding Children Board"
    static let southGlos = "Appendix Three Monitoring Form - a tool to record decisions and to monitor the Resolution of Professional Differences policy"

    static func cell(_ text: String, span: Int = 1) -> String {
        let grid = span > 1 ? "<w:tcPr><w:gridSpan w:val=\"\(span)\"/></w:tcPr>" : ""
        return "<w:tc>\(grid)<w:p><w:r><w:t xml:space=\"preserve\">\(DocxBuilder.escape(text))</w:t></w:r></w:p></w:tc>"
    }

    /// Rows of (label, value); a nil value makes the label one cell across the table.
    static func extract(title: String, _ rows: [(String, String?)]) throws -> ExtractedFields {
        let xml = rows.map { label, value in
            "<w:tr>" + (value.map { cell(label) + cell($0) } ?? cell(label, span: 2)) + "</w:tr>"
        }.joined()
        let document = try DocumentReader().read(try DocxBuilder.form(title: title, tableXML: xml), fileName: "t.docx")
        guard case .form(_, let extracted) = Extractor(mappings: mappings).extract(document) else { throw Unrecognised() }
        return extracted
    }

    struct Unrecognised: Error {}

    static let wordings = ["Section A: raising agency to fill in:", "Service (agency)*", "Agency B reply / outcome:",
                           "Outcome: resolved or not? ☐ Yes ☐ No", "Sign-off by Agency B line manager",
                           "Response sent on (dd/mm/yyyy)", "ESCALATING WORKER (YOUR DETAILS)", "Escalating worker's name",
                           "Your Comments On The Policy (what Worked / What Could Be Better)", "Who is the child? (name)",
                           "DISPUTE: REASON AND AGENCY VIEWS", "How many days did it take to resolve?", "How well did the policy work for you?", "WHO IS ESCALATING?",
                           "Your name (person escalating)", "What was tried informally first?", "Referrer's role/title",
                           "Which agency do you work for?",
                           "What happened next? (if resolved, what was agreed)",
                           "Signed on behalf of Agency B (manager)", "WHEN WAS THE CHILD BORN?", "Born (date)",
                           "AGENCY B'S REPLY AND OUTCOME"]

    @Test func noTestWordingIsInTheMappings() {
        let printed = Set(Self.mappings.forms.flatMap { form in
            form.fields.flatMap { $0.labels + [$0.formField].compactMap { $0 } } + form.sections.flatMap(\.labels)
        }.map(LabelText.normalize))
        for label in Self.wordings { #expect(!printed.contains(LabelText.normalize(label)), "\(label) is a mapping wording") }
    }

    @Test func aHeadingAcrossTheTableThatLooksLikeALabelLeavesTheFieldToItsRow() throws {
        let extracted = try Self.extract(title: Self.bolton, [
            ("Section A: raising agency to fill in:", ""),
            ("Date completed", "01/06/2026"),
            ("Full name (practitioner) *", "Amelia Zielinski"),
            ("Service (agency)*", "Example Community NHS Trust"),
        ])
        #expect(extracted.fields["raiser.agency"] == .text("Example Community NHS Trust"))
    }

    @Test func aQuestionWithItsBoxesIsNotTheAnswerToTheLabelAboveIt() throws {
        let extracted = try Self.extract(title: Self.bolton, [
            ("Date completed", "01/06/2026"),
            ("Agency B reply / outcome:", nil),
            ("Outcome: resolved or not? ☐ Yes ☐ No", nil),
        ])
        #expect(extracted.fields["dispute.outcome"] == nil)
    }

    @Test func aLabelValueRowEndsTheValueUnderALabelAcrossTheTable() throws {
        let extracted = try Self.extract(title: Self.bolton, [
            ("Date completed", "01/06/2026"),
            ("Sign-off by Agency B line manager", nil),
            ("", nil),
            ("Response sent on (dd/mm/yyyy)", "04/02/2026"),
        ])
        #expect(extracted.fields["date.responded"] == .date("2026-02-04"))
    }

    @Test func aHeadingOverItsPartysLabelLinesLeavesTheNameToItsOwnLine() throws {
        let extracted = try Self.extract(title: Self.westSussex, [
            ("Date of escalation", "24/09/2026"),
            ("ESCALATING WORKER (YOUR DETAILS)", nil),
            ("Escalating worker's name: Eilidh Varga", nil),
        ])
        #expect(extracted.fields["raiser.name"] == .text("Eilidh Varga"))
        let asked = try Self.extract(title: Self.westSussex, [
            ("Date of escalation", "24/09/2026"),
            ("WHO IS ESCALATING?", nil),
            ("Your name (person escalating):", nil),
            ("Wren Crowther", nil),
        ])
        #expect(asked.fields["raiser.name"] == .text("Wren Crowther"))
    }

    @Test func whatWasTriedIsTheStepsTaken() throws {
        let extracted = try Self.extract(title: Self.bolton, [
            ("Date completed", "01/06/2026"),
            ("What was tried informally first?", nil),
            ("Telephone discussion on 01/10/2026.", nil),
        ])
        #expect(extracted.fields["dispute.actions_taken"] == .text("Telephone discussion on 01/10/2026."))
    }

    @Test func aLabelIsReadWithoutItsAsideWhenWholeItMatchesNothing() throws {
        let extracted = try Self.extract(title: Self.southGlos, [
            ("Name of child: Sam Jones", nil),
            ("Your Comments On The Policy (what Worked / What Could Be Better): Clear and quick.", nil),
            ("Total days to resolve: 4", nil),
        ])
        #expect(extracted.fields["feedback"] == .text("Clear and quick."))
        #expect(extracted.provenance["feedback"]?.match == "similar-label")
    }

    @Test func aQuestionsLabelRunsOnThroughItsAsideToTheColon() throws {
        let extracted = try Self.extract(title: Self.southGlos, [("Who is the child? (name): Leo Bramwell", nil)])
        #expect(extracted.fields["child.name"] == .text("Leo Bramwell"))
    }

    @Test func aLineEndingInAColonIsALabelWholeAndHowManyAsksForANumber() throws {
        let extracted = try Self.extract(title: Self.southGlos, [
            ("Name of child: Sam Jones", nil),
            ("DISPUTE: REASON AND AGENCY VIEWS:", nil),
            ("The referral was declined.", nil),
            ("How many days did it take to resolve? 3", nil),
            ("How well did the policy work for you?", nil),
            ("Clear and quick.", nil),
        ])
        #expect(extracted.fields["dispute.summary"] == .text("The referral was declined."))
        #expect(extracted.fields["dispute.days_taken"] == .integer(3))
        #expect(extracted.fields["feedback"] == .text("Clear and quick."))
    }

    @Test func aQuestionWithItsAnswerIsNotTheValueOfTheEmptyLabelAboveIt() throws {
        let extracted = try Self.extract(title: Self.croydon, [
            ("Your name (please print) *: Keeley Dlamini", nil),
            ("Referrer's role/title:", nil),
            ("Which agency do you work for? Riverside Academy", nil),
        ])
        #expect(extracted.fields["raiser.role"] == nil)
        #expect(extracted.fields["raiser.agency"] == .text("Riverside Academy"))
    }

    @Test func whatHappenedNextIsTheOutcome() throws {
        let extracted = try Self.extract(title: Self.croydon, [
            ("Your name (please print) *: Keeley Dlamini", nil),
            ("What happened next? (if resolved, what was agreed):", nil),
            ("Referral accepted.", nil),
        ])
        #expect(extracted.fields["dispute.outcome"] == .text("Referral accepted."))
        #expect(extracted.fields["dispute.actions_taken"] == nil)
    }

    @Test func aLabelValueLineUnderASignatureLabelIsItsOwnRowNotTheSignature() throws {
        let extracted = try Self.extract(title: Self.bolton, [
            ("Date completed", "01/06/2026"),
            ("Signed on behalf of Agency B (manager):", nil),
            ("Response sent on (dd/mm/yyyy): 10th April 2026", nil),
        ])
        #expect(extracted.fields["date.responded"] == .date("2026-04-10"))
        #expect(extracted.fields["responder.signature"] == .signature(SignatureValue(present: false, kind: .none)))
    }

    @Test func bornMeansTheDateOfBirth() throws {
        let asked = try Self.extract(title: Self.bolton, [("Date completed: 01/06/2026", nil), ("WHEN WAS THE CHILD BORN? 25 August 2008", nil)])
        #expect(asked.fields["child.dob"] == .date("2008-08-25"))
        let row = try Self.extract(title: Self.bolton, [("Date completed", "01/06/2026"), ("Born (date):", "17 June 2013")])
        #expect(row.fields["child.dob"] == .date("2013-06-17"))
    }

    @Test func aSentenceAfterAChoicesLabelIsTheAnswerAboveIt() throws {
        let answer = "Not resolved: St Anselm's Primary School upheld the original decision; escalated to the next stage."
        let extracted = try Self.extract(title: Self.bolton, [
            ("Date completed: 01/06/2026", nil),
            ("5. AGENCY B'S REPLY AND OUTCOME:", nil),
            (answer, nil),
        ])
        #expect(extracted.fields["dispute.outcome"] == .text(answer))
        #expect(extracted.fields["dispute.resolved"] == nil)
    }
}
