import Foundation
import IntakeMapping
import IntakeRecord
import IntakeValidation
import Testing

/// Findings from fields alone, with the real mappings and the real working-day calendar.
@Suite struct ValidatorTests {
    let mappings = try! MappingSet.load(from: Corpus.mappings)
    let calendar = try! WorkingDayCalendar.load(from: Corpus.mappings.appendingPathComponent("calendar/england-and-wales.yaml"))

    var bolton: FormMapping { mappings.forms.first { $0.id == "bolton/rpde-form" }! }
    var monitoring: FormMapping { mappings.forms.first { $0.id == "south-gloucestershire/monitoring-form" }! }

    /// A Bolton form complete but for the dates given.
    func boltonFields(_ dates: [String: String]) -> RecordFields {
        var fields = RecordFields([
            ("child.name", .text("A Child")), ("raiser.name", .text("P")), ("raiser.agency", .text("A")),
            ("responder.agency", .text("B")), ("dispute.summary", .text("S")), ("stage", .integer(3)),
            ("raiser.signature", .signature(SignatureValue(present: true, kind: .typed))),
            ("responder.signature", .signature(SignatureValue(present: true, kind: .typed))),
        ])
        for (key, value) in dates { fields[key] = .date(value) }
        return fields
    }

    func codes(_ mapping: FormMapping, _ fields: RecordFields, asOf: String = "2026-11-20") -> [String] {
        Validator(calendar: calendar, asOf: Day(iso: asOf)!)
            .validate(form: mapping, fields: fields, extractionFindings: []).map(\.code.rawValue)
    }

    @Test func responseWithinTenWorkingDaysIsOnTime() {
        // Sent Thursday 20 August 2026; Monday 31 August is a bank holiday: 4 September is day 10.
        #expect(codes(bolton, boltonFields(["date.sent": "2026-08-20", "date.responded": "2026-09-03"])) == [])
    }

    @Test func responseAcrossABankHolidayIsOverdue() {
        // 20 May 2026 to 5 June 2026 is 11 working days because 25 May is a bank holiday.
        #expect(codes(bolton, boltonFields(["date.sent": "2026-05-20", "date.responded": "2026-06-05"])) == ["response-overdue"])
    }

    @Test func noResponseIsOverdueOnlyOnceTenWorkingDaysHavePassed() {
        let fields = boltonFields(["date.sent": "2026-11-06"])
        #expect(codes(bolton, fields, asOf: "2026-11-20") == [])
        #expect(codes(bolton, fields, asOf: "2026-11-23") == ["response-overdue"])
    }

    @Test func datesOutsideTheCalendarAreSaidNotGuessed() {
        #expect(codes(bolton, boltonFields(["date.sent": "2031-01-06", "date.responded": "2031-02-06"])).contains("calendar-out-of-range"))
    }

    @Test func datesOutOfOrder() {
        let fields = boltonFields(["date.sent": "2026-05-20", "date.received": "2026-05-18", "date.responded": "2026-05-21"])
        #expect(codes(bolton, fields) == ["date-order"])
    }

    @Test func partBContentRequiresTheAgencyBSignature() {
        var fields = boltonFields(["date.sent": "2026-11-19"])
        fields["responder.signature"] = .signature(.none)
        #expect(codes(bolton, fields) == [])
        fields["dispute.outcome"] = .text("Agreed")
        #expect(codes(bolton, fields) == ["missing-signature"])
    }

    @Test func resolvedWithAPartnershipRequestIsInconsistent() {
        var fields = boltonFields(["date.sent": "2026-11-19"])
        fields["dispute.resolved"] = .boolean(true)
        fields["partnership_request.reason"] = .text("Still worried")
        fields["responder.signature"] = .signature(SignatureValue(present: true, kind: .image))
        #expect(codes(bolton, fields) == ["inconsistent-outcome"])
    }

    @Test func stagesOutsideTheFormsLadderAndMissingStages() {
        var fields = boltonFields(["date.sent": "2026-11-19"])
        fields["stage"] = .integer(2)
        #expect(codes(bolton, fields) == ["stage-not-allowed"])
        fields["stage"] = nil
        #expect(codes(bolton, fields) == ["missing-stage"])
    }

    @Test func missingRequiredRowsAndSignatures() {
        let fields = RecordFields([("resolution_stage", .integer(3)), ("dispute.days_taken", .integer(9))])
        let found = codes(monitoring, fields)
        #expect(found.filter { $0 == "missing-field" }.count == 5)
        #expect(found.filter { $0 == "missing-signature" }.count == 2)
        #expect(found.contains("timescale-exceeded"))
    }

    @Test func overduePolicyReview() {
        let validator = Validator(calendar: calendar, asOf: Day(iso: "2026-11-20")!)
        #expect(validator.validate(policyFields: RecordFields([("policy.review_due", .date("2025-04-01"))])).map(\.code) == [.policyReviewOverdue])
        #expect(validator.validate(policyFields: RecordFields([("policy.review_due", .date("2027-04-01"))])).isEmpty)
    }

    @Test("child details in free text", arguments: [
        ("Concerns about Ava Iqbal, in particular late collection.", true),
        ("The young person (DOB 14/03/2010) was placed out of borough.", true),
        ("Hollybrook Primary School closed the contact with advice only.", false),
        ("Concerns about Children's Social Care and the Youth Justice Service.", false),
    ])
    func childDetails(_ text: String, _ expected: Bool) {
        let croydon = mappings.forms.first { $0.id == "croydon/escalation-notification" }!
        let fields = RecordFields([("raiser.name", .text("P")), ("raiser.agency", .text("A")), ("raiser.contact", .text("c")),
                                   ("dispute.summary", .text(text)), ("stage", .integer(3))])
        #expect(codes(croydon, fields).contains("child-details-present") == expected)
    }
}
