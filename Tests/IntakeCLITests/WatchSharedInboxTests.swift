import Foundation
import IntakeTestSupport
import Testing

/// Two watcher processes on one inbox and one real PostgreSQL (two machines on a share): the
/// rename claims each file, so none is processed twice.
@Suite struct WatchSharedInboxTests {
    let h = try! InboxHarness()

    /// A fresh schema in the test database named by `INTAKE_TEST_POSTGRES_URL` (scripts/test-postgres.sh).
    static func freshStore() throws -> (url: String, schema: String) {
        guard let base = ProcessInfo.processInfo.environment["INTAKE_TEST_POSTGRES_URL"], !base.isEmpty else {
            throw TestSetupError(description: "INTAKE_TEST_POSTGRES_URL is not set: run `eval \"$(scripts/test-postgres.sh)\"` first.")
        }
        let schema = "w_" + UUID().uuidString.lowercased().replacingOccurrences(of: "-", with: "").prefix(16)
        return (base + (base.contains("?") ? "&" : "?") + "schema=\(schema)", schema)
    }

    @Test func twoWatchersOnOneInboxAndOnePostgreSQLFileEachFileOnce() async throws {
        defer { h.remove() }
        let (url, schema) = try Self.freshStore()
        defer { Self.dropSchema(schema) }
        let options = ["--in-process", "--settle", "0.3", "--interval", "0.3"]
        let first = try WatcherProcess(h, options, store: url)
        let second = try WatcherProcess(h, options, store: url)
        try await Task.sleep(for: .milliseconds(800))
        let forms = Array(WatchLoadTests.forms.prefix(6))
        for form in forms { try h.drop(form) }
        for n in 0..<60 { try h.dropText(String(format: "note-%02d.docx", n), "shared inbox note \(n)") }
        for (n, form) in forms.enumerated() { try h.drop(form, as: "again-\(n)-\(form)") }
        let files = forms.count * 2 + 60
        #expect(try await eventually(120) {
            (h.processed + h.rejected).filter { !$0.hasSuffix(".txt") }.count == files && h.names(".processing").isEmpty
        }, "\((h.processed + h.rejected).count) filed")
        #expect(first.stop() == 0)
        #expect(second.stop() == 0)
        let printed = first.stdoutLines + second.stdoutLines
        #expect(printed.count == forms.count + 60, "each record printed once, by one of the two")
        let filedLines = (first.stderr + second.stderr).split(separator: "\n").filter { $0.contains("[IntakeInbox] filed") }
        #expect(filedLines.count == files, "each file filed once: \(filedLines.count) of \(files)")
        #expect(filedLines.filter { $0.contains("file.status=duplicate") }.count == forms.count)
        let stored = try IntakeRun(["records", "export", "--format", "jsonl", "--store", url]).records()
        #expect(stored.count == forms.count + 60)
    }

    @Test func twoWatchersOnOneMaildirAndOnePostgreSQLReadEachMessageOnce() async throws {
        defer { h.remove() }
        let (url, schema) = try Self.freshStore()
        defer { Self.dropSchema(schema) }
        for sub in ["cur", "new", "tmp"] {
            try FileManager.default.createDirectory(at: h.inbox.appendingPathComponent(sub), withIntermediateDirectories: true)
        }
        let options = ["--in-process", "--settle", "0.3", "--interval", "0.3"]
        let first = try WatcherProcess(h, options, store: url)
        let second = try WatcherProcess(h, options, store: url)
        try await Task.sleep(for: .milliseconds(800))
        // Each message delivered twice at once, as a mail server does: written in tmp/, moved to new/.
        let messages = 12
        for n in 0..<messages {
            let message = try WatchNotesTests.message(n, attaching: nil)
            for copy in ["A", "B"] {
                let name = "17331\(String(format: "%05d", n)).\(copy).host"
                try message.write(to: h.inbox.appendingPathComponent("tmp/" + name))
                try FileManager.default.moveItem(at: h.inbox.appendingPathComponent("tmp/" + name), to: h.inbox.appendingPathComponent("new/" + name))
            }
        }
        #expect(try await eventually(120) {
            h.names("cur").filter { $0.hasSuffix(":2,S") }.count == messages * 2
        }, "\(h.names("cur").count) in cur")
        #expect(first.stop() == 0)
        #expect(second.stop() == 0)
        #expect((first.stdoutLines + second.stdoutLines).count == messages, "each message's record printed once")
        let stored = try IntakeRun(["records", "export", "--format", "jsonl", "--store", url]).records()
        #expect(stored.count == messages)
        let notes = try FileManager.default.contentsOfDirectory(atPath: h.inbox.path + ".intake-notes/" + InboxHarness.today)
        #expect(notes.filter { $0.hasSuffix(".duplicate.txt") }.count == messages, "\(notes.count) notes")
    }

    static func dropSchema(_ schema: String) {
        guard let base = ProcessInfo.processInfo.environment["INTAKE_TEST_POSTGRES_URL"] else { return }
        _ = try? IntakeRun.external("/usr/bin/env", ["psql", base, "-qc", "DROP SCHEMA IF EXISTS \(schema) CASCADE"])
    }
}

struct TestSetupError: Error, CustomStringConvertible {
    var description: String
}
