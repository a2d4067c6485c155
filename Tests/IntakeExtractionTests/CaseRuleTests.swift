import Foundation
import IntakeMapping
import Testing

/// `case_keys:`, `document_date:` and `case_reference:` in a form mapping.
@Suite struct CaseRuleTests {
    /// A small valid mapping, with `extra` appended at its end.
    static func yaml(_ extra: String) -> String {
        """
        kind: note
        partnership: testshire
        recognise:
          titles: [A Note]
        stage:
          key: stage
          allowed: [1, 2]
        fields:
        - key: stage
          label: Stage
          type: integer
        - key: child.reference
          label: Reference
          type: text
        - key: date.completed
          label: Date
          type: date
        - key: raiser.signature
          label: Signed
          type: signature
        \(extra)
        """
    }

    @Test func everyPartnershipsMappingDeclaresHowItsStagesFormACase() throws {
        let set = try MappingSet.load(from: Corpus.mappings)
        #expect(set.forms.count == 4)
        for form in set.forms {
            #expect(!form.cases.keys.isEmpty, "\(form.id) declares no case_keys")
        }
        let byID = Dictionary(uniqueKeysWithValues: set.forms.map { ($0.id, $0.cases) })
        #expect(byID["croydon/escalation-notification"]?.keys == [[.field("raiser.agency"), .emailThread]])
        #expect(byID["bolton/rpde-form"]?.keys == [
            [.field("child.reference")], [.field("raiser.agency"), .field("responder.agency"), .field("child.name")],
        ])
        #expect(byID["bolton/rpde-form"]?.documentDate == ["date.completed", "date.sent", "date.received"])
        #expect(byID["west-sussex/escalation-template"]?.reference == "child.reference")
        #expect(byID["south-gloucestershire/monitoring-form"]?.reference == nil)
    }

    @Test func partsAndDatesAreRead() throws {
        let form = try FormMapping(yaml: Self.yaml("""
            case_keys:
            - [child.reference]
            - [child.reference, email.thread]
            - email.thread
            document_date: date.completed
            case_reference: child.reference
            """), file: "note.yaml")
        #expect(form.cases == CaseRule(keys: [[.field("child.reference")], [.field("child.reference"), .emailThread], [.emailThread]],
                                       documentDate: ["date.completed"], reference: "child.reference"))
        // Without them, the form never forms a case.
        #expect(try FormMapping(yaml: Self.yaml(""), file: "note.yaml").cases == CaseRule())
    }

    @Test(arguments: [
        ("case_keys:\n- [child.reference]\n- [child.name]", 23, "'child.name' is neither one of this form's fields"),
        ("case_keys:\n- [email.threads]", 22, "'email.threads' is neither"),
        ("case_keys:\n- [raiser.signature]", 22, "is a signature field"),
        ("case_keys:\n- [child.reference, child.reference]", 22, "named twice"),
        ("case_keys:\n- []", 22, "needs at least one part"),
        ("document_date: [date.completed, date.sent]", 21, "'date.sent' is not one of this form's fields"),
        ("document_date: [child.reference]", 21, "is a text field, not a date"),
        ("case_reference: child.ref", 21, "'child.ref' is not one of this form's fields"),
    ])
    func aMistakeNamesItsLine(extra: String, line: Int, message: String) throws {
        let error = try #require(throws: MappingError.self) { try FormMapping(yaml: Self.yaml(extra), file: "note.yaml") }
        #expect(error.line == line)
        #expect(error.message.contains(message), "\(error)")
        #expect(error.description.hasPrefix("note.yaml:\(line): "))
    }
}
