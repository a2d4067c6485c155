import Foundation
import IntakeTestSupport
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// The watcher killed (SIGKILL, as a power cut would) at each moment between two steps of
/// taking a file in, then started again: the file is filed once, with its note, its records
/// stored and printed once, nothing stored read again, a duplicate logged once.
@Suite(.serialized) struct WatchCrashTests {
    let h = try! InboxHarness()
    /// Needs attention in the shared set, so it is filed with the submitter's report beside it.
    static let form = IntakeRun.packageRoot.appendingPathComponent("samples/bolton-rpde-form-07.docx")

    private func watchOnce(crashingAt point: String? = nil) throws -> IntakeRun {
        try IntakeRun(["watch", h.inbox.path, "--store", h.store, "--once", "--in-process", "--log-level", "info",
                       "--interval", "0.2", "--settle", "0.2", "--as-of", "2026-11-20", "--mappings", InboxHarness.mappings],
                      environment: point.map { ["INTAKE_CRASH_AT": $0] } ?? [:])
    }

    private func drop(as name: String) throws {
        try FileManager.default.copyItem(at: Self.form, to: h.inbox.appendingPathComponent(name))
    }

    private func events(_ kind: String) throws -> Int {
        let exported = try IntakeRun(["records", "export", "--format", "jsonl", "--store", h.store]).records()
        return exported.flatMap { (($0["store"] as? [String: Any])?["events"] as? [[String: Any]]) ?? [] }
            .filter { $0["kind"] as? String == kind }.count
    }

    @Test(arguments: ["read", "saved", "chosen", "noted", "filed"])
    func killedWhileTakingAFileInARestartFilesItOnceWithItsReport(point: String) throws {
        defer { h.remove() }
        try drop(as: "form.docx")
        let killed = try watchOnce(crashingAt: point)
        #expect(killed.status == SIGKILL, "the watcher reached \(point) and was killed")
        let again = try watchOnce()
        // Killed once the file was moved, the restart finds nothing left to do.
        #expect(again.status == (point == "filed" ? 0 : 1), "needs attention: \(again.stderr.suffix(400))")
        #expect(h.names(".processing").isEmpty)
        #expect(h.processed == ["form.docx", "form.docx.report.txt"], "filed once, beside its report, nothing beside nothing")
        let report = try String(contentsOf: h.inbox.appendingPathComponent("processed/\(InboxHarness.today)/form.docx.report.txt"), encoding: .utf8)
        #expect(report.contains("Needs attention"))
        #expect(try h.storedSHAs().count == 1)
        let printed = killed.stdout.split(separator: "\n").count + again.stdout.split(separator: "\n").count
        #expect(printed == 1, "the record printed once")
        if ["saved", "chosen", "noted", "filed"].contains(point) {
            #expect(WatchLoadTests.readSHAs(again.stderr).isEmpty, "a stored file is not read again")
        }
    }

    @Test func killedAfterLoggingADuplicateARestartFilesItOnceAndLogsItOnce() throws {
        defer { h.remove() }
        try drop(as: "form.docx")
        #expect(try watchOnce().status == 1)
        try drop(as: "again.docx")
        let killed = try watchOnce(crashingAt: "duplicate-logged")
        #expect(killed.status == SIGKILL)
        #expect(try events("duplicate") == 1)
        let again = try watchOnce()
        #expect(again.stdout.isEmpty, "a duplicate is not printed")
        #expect(h.names(".processing").isEmpty)
        #expect(h.processed.filter { $0.hasPrefix("again") } == ["again.docx", "again.docx.duplicate.txt"])
        #expect(try events("duplicate") == 1, "logged once, though the watcher was killed after logging it")
        #expect(try h.storedSHAs().count == 1)
    }
}
