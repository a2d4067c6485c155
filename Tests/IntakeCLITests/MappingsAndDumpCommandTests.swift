import Foundation
import IntakeTestSupport
import Testing

@Suite struct MappingsCommandTests {
    @Test func shippedMappingsPass() throws {
        let run = try IntakeRun(["mappings", "check"])
        #expect(run.status == 0, "\(run.stdout)\(run.stderr)")
        #expect(run.stdout.contains("4 form mappings, 5 policy mappings"))
    }

    /// A scratch copy of the shipped mappings, for a test to break.
    private func copyOfMappings() throws -> URL {
        let copy = FileManager.default.temporaryDirectory.appendingPathComponent("intake-mappings-\(UUID().uuidString)")
        try FileManager.default.copyItem(at: IntakeRun.packageRoot.appendingPathComponent("mappings"), to: copy)
        return copy
    }

    @Test func aMistakeIsNamedWithItsFileAndLine() throws {
        let copy = try copyOfMappings()
        defer { try? FileManager.default.removeItem(at: copy) }
        let file = copy.appendingPathComponent("forms/west-sussex-escalation-template.yaml")
        var lines = try String(contentsOf: file, encoding: .utf8).components(separatedBy: "\n")
        let index = try #require(lines.firstIndex { $0.contains("type: email") })
        lines[index] = lines[index].replacingOccurrences(of: "type: email", with: "type: e-mail-address")
        try lines.joined(separator: "\n").write(to: file, atomically: true, encoding: .utf8)

        let run = try IntakeRun(["mappings", "check", "--mappings", copy.path])
        #expect(run.status == 1)
        #expect(run.stdout.contains("forms/west-sussex-escalation-template.yaml:\(index + 1): unknown type 'e-mail-address'"), "\(run.stdout)")
    }

    @Test func aCaseKeyThatIsNotAFieldIsNamedWithItsLine() throws {
        let copy = try copyOfMappings()
        defer { try? FileManager.default.removeItem(at: copy) }
        let file = copy.appendingPathComponent("forms/croydon-escalation-notification.yaml")
        var lines = try String(contentsOf: file, encoding: .utf8).components(separatedBy: "\n")
        let index = try #require(lines.firstIndex { $0 == "- [raiser.agency, email.thread]" })
        lines[index] = "- [responder.agency, email.thread]"  // the notification has no responding agency
        try lines.joined(separator: "\n").write(to: file, atomically: true, encoding: .utf8)

        let run = try IntakeRun(["mappings", "check", "--mappings", copy.path])
        #expect(run.status == 1)
        #expect(run.stdout.contains("forms/croydon-escalation-notification.yaml:\(index + 1): case key part 'responder.agency' is neither one of this form's fields"),
                "\(run.stdout)")
    }

    @Test func aFormWithoutItsPartnershipsPolicyIsAMistake() throws {
        let copy = try copyOfMappings()
        defer { try? FileManager.default.removeItem(at: copy) }
        try FileManager.default.removeItem(at: copy.appendingPathComponent("policies/croydon.yaml"))
        let run = try IntakeRun(["mappings", "check", "--mappings", copy.path])
        #expect(run.status == 1)
        #expect(run.stdout.contains("no policy mapping for partnership 'croydon'"))
    }
}

@Suite struct DumpCommandTests {
    @Test func showsTableRowsAndTickStates() throws {
        let file = IntakeRun.filled.appendingPathComponent("west-sussex-escalation-template-01.docx").path
        let run = try IntakeRun(["dump", file])
        #expect(run.status == 0)
        #expect(run.stdout.contains("[x] Stage 3: Senior Manager to Senior Manager"))
        #expect(run.stdout.contains("[ ] Stage 1: Professional to Professional"))
        #expect(run.stdout.contains("| Case reference"))
    }

    @Test func jsonIsTheDocumentModel() throws {
        let file = IntakeRun.filled.appendingPathComponent("bolton-rpde-form-04.pdf").path
        let run = try IntakeRun(["dump", file, "--json"])
        #expect(run.status == 0)
        let json = try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any]
        #expect(json?["format"] as? String == "pdf")
        let fields = json?["fields"] as? [[String: Any]] ?? []
        #expect(fields.contains { $0["name"] as? String == "Agency A manager signature" && $0["kind"] as? String == "signature" })
    }

    @Test func anEmailShowsEachAttachment() throws {
        let file = IntakeRun.filled.appendingPathComponent("croydon-escalation-notification-03.eml").path
        let run = try IntakeRun(["dump", file])
        #expect(run.status == 0)
        #expect(run.stdout.contains("=== Escalation notification.docx"))
        #expect(run.stdout.contains("=== Covering letter.pdf"))
    }

    @Test func oldFormatsAndOutlookMessagesAreDumpedThroughTheirConverters() throws {
        let legacy = IntakeRun.packageRoot.appendingPathComponent("Tests/Fixtures/legacy")
        let doc = try IntakeRun(["dump", legacy.appendingPathComponent("bolton-rpde-form-01.doc").path])
        #expect(doc.status == 0, "\(doc.stderr)")
        #expect(doc.stdout.contains("| Details of the difference"))
        let msg = try IntakeRun(["dump", legacy.appendingPathComponent("escalation.msg").path])
        #expect(msg.status == 0, "\(msg.stderr)")
        #expect(msg.stdout.contains("E-mail: 1 attachment(s)"))
        #expect(msg.stdout.contains("=== bolton-rpde-form-01.docx"))
    }

    @Test func anUnreadableFileSaysWhyAndExitsOne() throws {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("intake-\(UUID().uuidString).docx")
        defer { try? FileManager.default.removeItem(at: file) }
        try Data("PK\u{3}\u{4}not really a zip".utf8).write(to: file)
        let run = try IntakeRun(["dump", file.path])
        #expect(run.status == 1)
        #expect(run.stderr.contains("zip."))
    }
}
