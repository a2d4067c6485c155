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

    static func dropSchema(_ schema: String) {
        guard let base = ProcessInfo.processInfo.environment["INTAKE_TEST_POSTGRES_URL"] else { return }
        _ = try? IntakeRun.external("/usr/bin/env", ["psql", base, "-qc", "DROP SCHEMA IF EXISTS \(schema) CASCADE"])
    }
}

struct TestSetupError: Error, CustomStringConvertible {
    var description: String
}
