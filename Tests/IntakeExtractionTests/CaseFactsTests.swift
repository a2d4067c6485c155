import Foundation
import IntakeMapping
@testable import IntakePipeline
import IntakeRecord
import Testing

/// Stage, document date, reference and case keys, set by the record builder from the mapping.
@Suite struct CaseFactsTests {
    static func file(_ name: String) -> URL { Corpus.samples.appendingPathComponent(name) }

    static func records(_ name: String) -> [CaseRecord] {
        Corpus.pipeline.process(fileAt: file(name), displayPath: "inbox/\(name)", logger: Corpus.quietLogger)
    }

    @Test func aFormsFactsComeFromItsMapping() throws {
        let record = try #require(Self.records("bolton-rpde-form-06-stage4.docx").first)
        let facts = try #require(record.caseFacts)
        #expect(facts.stage == 4)
        #expect(facts.stage.map(FieldValue.integer) == record.fields["stage"])
        #expect(facts.reference == "EHM-55871")
        #expect(facts.documentDate.map(FieldValue.date) == record.fields["date.completed"])
        #expect(facts.keys.count == 2)
        #expect(facts.keys.map { $0.split(separator: ":").dropLast().joined(separator: ":") }
                == ["bolton:child.reference", "bolton:raiser.agency+responder.agency+child.name"])
        // Keys are hashes: no name, agency or reference in them.
        for value in ["EHM-55871", "ehm-55871", "Amara", "amara", "health"] {
            #expect(!facts.keys.joined().contains(value))
        }
        // The monitoring form's stage is its resolution stage, as its mapping says.
        let monitoring = try #require(Self.records("south-glos-monitoring-form-10.docx").first)
        #expect(monitoring.caseFacts?.stage == 4)
        #expect(monitoring.fields["resolution_stage"] == .integer(4))
        #expect(monitoring.caseFacts?.reference == nil)
        // No date field on the form: the day the file was received.
        #expect(monitoring.caseFacts?.documentDate == monitoring.source.receivedAt.map { String($0.prefix(10)) })
    }

    @Test func retypedValuesGiveTheSameKeys() throws {
        let mapping = try #require(Corpus.pipeline.configuration.mappings.forms.first { $0.id == "south-gloucestershire/monitoring-form" })
        let source = RecordSource(path: "x.docx", sha256: "", format: "docx")
        func keys(_ raiser: String, _ child: String) -> [String] {
            CaseFacts(mapping: mapping, fields: RecordFields([("raiser.agency", .text(raiser)), ("responder.agency", .text("Early Help")),
                                                             ("child.name", .text(child))]), source: source).keys
        }
        #expect(keys("St Aldric’s School", "Jamie Example").count == 1)
        #expect(keys("St Aldric’s School", "Jamie Example") == keys("  st aldric's   SCHOOL ", "JAMIE example"))
        #expect(keys("St Aldric’s School", "Jamie Example") != keys("St Aldric’s School", "Sam Other"))
        // A part left empty: that alternative gives no key.
        #expect(CaseFacts(mapping: mapping, fields: RecordFields([("raiser.agency", .text("A"))]), source: source).keys.isEmpty)
    }

    @Test func croydonIsLinkedByItsEmailThread() throws {
        let form = try Data(contentsOf: Self.file("croydon-escalation-notification-01-stage3.docx"))
        func notification(_ headers: [String]) throws -> CaseRecord {
            var mail = TestMail()
            mail.subject = "Escalation notification – Stage 3"
            mail.headers = headers
            mail.attach(form, name: "notification.docx")
            let records = Corpus.pipeline.process(data: mail.data, displayPath: "inbox/m.eml", logger: Corpus.quietLogger)
            return try #require(records.first)
        }
        let first = try notification(["Message-ID: <a.1@trust.example>"])
        #expect(first.source.messageID == "a.1@trust.example")
        #expect(first.source.inReplyTo == nil)
        let keys = try #require(first.caseFacts?.keys)
        #expect(keys.count == 1)
        #expect(keys[0].hasPrefix("croydon:raiser.agency+email.thread:"))
        #expect(!keys[0].contains("a.1"), "a message id is kept hashed in a key")
        // A reply names the first e-mail: they share its key.
        let reply = try notification(["Message-ID: <b.2@trust.example>", "In-Reply-To: <a.1@trust.example>",
                                      "References: <root.0@trust.example> <a.1@trust.example>"])
        #expect(reply.source.inReplyTo == ["a.1@trust.example"])
        #expect(reply.source.references == ["root.0@trust.example", "a.1@trust.example"])
        #expect(reply.caseFacts?.keys.count == 3)
        #expect(reply.caseFacts?.keys.contains(keys[0]) == true)
        // Another thread: no key in common.
        let other = try notification(["Message-ID: <c.3@trust.example>"])
        let otherKeys = Set(other.caseFacts?.keys ?? []), replyKeys = Set(reply.caseFacts?.keys ?? [])
        #expect(otherKeys.count == 1)
        #expect(otherKeys.isDisjoint(with: replyKeys))
        // The same form without an e-mail: nothing to link it by.
        let alone = try #require(Self.records("croydon-escalation-notification-01-stage3.docx").first)
        #expect(alone.caseFacts?.stage == 3)
        #expect(alone.caseFacts?.keys == [])
    }

    @Test func recordsThatAreNotFormsHaveNoFacts() throws {
        #expect(Self.records("random-bytes.pdf").first?.caseFacts == nil)
        #expect(Self.records("covering-letter.docx").first?.caseFacts == nil)
    }

    @Test func extractsJSONGainsOnlyTheCaseAndThreadKeys() throws {
        let record = try #require(Self.records("bolton-rpde-form-06-stage4.docx").first)
        let object = try #require(try JSONSerialization.jsonObject(with: JSONEncoder().encode(record)) as? [String: Any])
        #expect(Set(object.keys) == ["schema", "source", "kind", "partnership", "mapping", "mapping_version", "fields",
                                     "provenance", "findings", "status", "case"])
        let facts = try #require(object["case"] as? [String: Any])
        #expect(Set(facts.keys) == ["stage", "document_date", "reference", "keys"])
        let decoded = try JSONDecoder().decode(CaseRecord.self, from: JSONEncoder().encode(record))
        #expect(decoded.caseFacts == record.caseFacts)
        #expect(decoded.source == record.source)
    }
}
