import Foundation
import IntakeTestSupport
import Testing

/// A Maildir, and an in-place folder, keep no notes beside their messages: the business unit
/// reads the same reports, reasons and duplicate notes in the notes folder.
@Suite struct WatchNotesTests {
    let h = try! InboxHarness()

    /// A real e-mail: a short body, and the file at `attachment` attached when given.
    static func message(_ id: Int, attaching attachment: URL?) throws -> Data {
        var text = """
            From: Deborah Ainsworth <dsl@school.example>
            To: escalations@partnership.example
            Subject: Escalation \(id)
            Date: Tue, 01 Dec 2026 10:00:00 +0000
            Message-ID: <escalation-\(id)@school.example>
            MIME-Version: 1.0
            Content-Type: multipart/mixed; boundary="part-boundary"

            --part-boundary
            Content-Type: text/plain; charset=utf-8

            Escalation \(id), see the form attached.

            """
        if let attachment {
            let encoded = try Data(contentsOf: attachment).base64EncodedString(options: .lineLength76Characters)
            text += """
                --part-boundary
                Content-Type: application/vnd.openxmlformats-officedocument.wordprocessingml.document; name="form.docx"
                Content-Disposition: attachment; filename="form.docx"
                Content-Transfer-Encoding: base64

                \(encoded.replacingOccurrences(of: "\r\n", with: "\n"))

                """
        }
        return Data((text + "--part-boundary--\n").utf8)
    }

    private func makeMaildir() throws {
        for sub in ["cur", "new", "tmp"] {
            try FileManager.default.createDirectory(at: h.inbox.appendingPathComponent(sub), withIntermediateDirectories: true)
        }
    }

    private func deliver(_ data: Data, as unique: String) throws {
        try data.write(to: h.inbox.appendingPathComponent("new/" + unique))
    }

    private static func permissions(_ path: String) throws -> Int {
        try (FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? NSNumber)?.intValue ?? -1
    }

    @Test func aMaildirsNotesGoToAPrivateFolderBesideItAndNoneIntoTheMaildir() throws {
        defer { h.remove() }
        try makeMaildir()
        let needsAttention = try Self.message(1, attaching: IntakeRun.packageRoot.appendingPathComponent("samples/bolton-rpde-form-07.docx"))
        try deliver(needsAttention, as: "1733100001.M1P1.host")
        try deliver(try Self.message(2, attaching: nil), as: "1733100002.M2P1.host")
        let first = try h.watchOnce()
        #expect(first.stdout.split(separator: "\n").count == 2, "\(first.stderr)")
        try deliver(needsAttention, as: "1733100003.M3P1.host")  // the same message delivered again
        let second = try h.watchOnce()
        #expect(second.stdout.isEmpty, "a duplicate is not printed again: \(second.stderr)")

        #expect(h.names("cur") == ["1733100001.M1P1.host:2,S", "1733100002.M2P1.host:2,S", "1733100003.M3P1.host:2,S"])
        #expect(h.names("new").isEmpty && h.names("tmp").isEmpty, "no stray file where mail clients look")
        let notes = h.inbox.path + ".intake-notes"
        let day = notes + "/" + InboxHarness.today
        #expect(try FileManager.default.contentsOfDirectory(atPath: notes) == [InboxHarness.today])
        #expect(try FileManager.default.contentsOfDirectory(atPath: day).sorted() == [
            "1733100001.M1P1.host.report.txt", "1733100002.M2P1.host.reason.txt", "1733100003.M3P1.host.duplicate.txt",
        ])
        #expect(try Self.permissions(notes) == 0o700)
        #expect(try Self.permissions(day) == 0o700)
        let report = try String(contentsOfFile: day + "/1733100001.M1P1.host.report.txt", encoding: .utf8)
        #expect(report.contains("Needs attention"))
        let reason = try String(contentsOfFile: day + "/1733100002.M2P1.host.reason.txt", encoding: .utf8)
        #expect(reason.contains("Not accepted"))
        let duplicate = try String(contentsOfFile: day + "/1733100003.M3P1.host.duplicate.txt", encoding: .utf8)
        #expect(duplicate.contains("filed as cur/1733100001.M1P1.host:2,S"), "\(duplicate)")
    }

    @Test func aMaildirWithSeveralJobsReadsTwoCopiesOfOneMessageOnce() throws {
        defer { h.remove() }
        try makeMaildir()
        let message = try Self.message(1, attaching: IntakeRun.filled.appendingPathComponent("bolton-rpde-form-01.docx"))
        try deliver(message, as: "1733100001.M1P1.host")
        try deliver(message, as: "1733100002.M2P1.host")
        for n in 3...6 { try deliver(try Self.message(n, attaching: nil), as: "173310000\(n).M\(n)P1.host") }
        let run = try h.watchOnce(["--jobs", "3"])
        #expect(run.stdout.split(separator: "\n").count == 5, "the form once and each note-less message: \(run.stderr)")
        #expect(try h.storedSHAs().count == 5)
        #expect(h.names("cur").count == 6 && h.names("cur").allSatisfy { $0.hasSuffix(":2,S") })
        let notes = try FileManager.default.contentsOfDirectory(atPath: h.inbox.path + ".intake-notes/" + InboxHarness.today)
        #expect(notes.filter { $0.hasSuffix(".duplicate.txt") }.count == 1, "\(notes)")
        #expect(notes.filter { $0.hasSuffix(".reason.txt") }.count == 4, "\(notes)")
    }

    @Test func anInPlaceInboxWithSeveralJobsReadsTwoCopiesOfOneFileOnce() throws {
        defer { h.remove() }
        // An in-place claim leaves no trace in the folder: only the watcher knows both are in hand.
        try h.drop("bolton-rpde-form-01.docx", as: "a.docx")
        try h.drop("bolton-rpde-form-01.docx", as: "b.docx")
        for n in 1...4 { try h.dropText("note-\(n).docx", "not a form \(n)") }
        let notes = h.folder.appendingPathComponent("in-place-notes").path
        let run = try h.watchOnce(["--in-place", "--notes", notes, "--jobs", "3"])
        #expect(run.stdout.split(separator: "\n").count == 5, "the form once and each note: \(run.stderr)")
        #expect(try h.storedSHAs().count == 5)
        let written = try FileManager.default.contentsOfDirectory(atPath: notes + "/" + InboxHarness.today)
        #expect(written.filter { $0.hasSuffix(".duplicate.txt") }.count == 1, "\(written)")
        #expect(written.filter { $0.hasSuffix(".reason.txt") }.count == 4, "\(written)")
    }

    @Test func anInPlaceInboxWritesNotesOnlyToTheNotesFolderItIsGiven() throws {
        defer { h.remove() }
        try h.dropText("notes.docx", "not a form")
        try h.drop("bolton-rpde-form-01.docx", in: "sub")
        let notes = h.folder.appendingPathComponent("in-place-notes").path
        let run = try h.watchOnce(["--in-place", "--notes", notes])
        #expect(run.stdout.split(separator: "\n").count == 2, "\(run.stderr)")
        #expect(h.names("") == ["notes.docx", "sub"], "nothing moved, nothing written in the inbox")
        #expect(try FileManager.default.contentsOfDirectory(atPath: notes + "/" + InboxHarness.today) == ["notes.docx.reason.txt"])
    }

    @Test func notesAreRefusedForAFolderInboxAndInsideTheInbox() throws {
        defer { h.remove() }
        let folder = try h.watchOnce(["--notes", h.folder.appendingPathComponent("n").path])
        #expect(folder.status != 0 && folder.stderr.contains("--notes"), "\(folder.stderr)")
        let inside = try h.watchOnce(["--in-place", "--notes", h.inbox.appendingPathComponent("n").path])
        #expect(inside.status != 0 && inside.stderr.contains("outside the inbox"), "\(inside.stderr)")
    }
}
