import Foundation
import Testing

/// `--isolate`: each file read in a worker process with a deadline.
@Suite struct IsolationTests {
    @Test func isolatedRecordsAreTheSameAsInProcess() throws {
        let file = IntakeRun.filled.appendingPathComponent("west-sussex-escalation-template-02.pdf").path
        let inProcess = try IntakeRun(["extract", file, "--as-of", "2026-11-20", "--quiet"])
        let isolated = try IntakeRun(["extract", file, "--as-of", "2026-11-20", "--quiet", "--isolate"])
        #expect(isolated.status == inProcess.status)
        let a = try inProcess.records(), b = try isolated.records()
        #expect(a.count == 1 && b.count == 1)
        #expect(NSDictionary(dictionary: a[0]).isEqual(to: b[0]))
    }

    @Test func aReaderPastItsDeadlineIsStoppedAndTheFileRejected() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("intake-iso-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        try FileManager.default.copyItem(at: IntakeRun.filled.appendingPathComponent("bolton-policy.pdf"),
                                         to: folder.appendingPathComponent("policy.pdf"))
        let run = try IntakeRun(["extract", folder.path, "--as-of", "2026-11-20", "--quiet", "--isolate", "--timeout", "0.001"])
        #expect(run.status == 1)
        let record = try #require(try run.records().first)
        #expect(record["status"] as? String == "rejected")
        let message = ((record["findings"] as? [[String: Any]])?.first?["message"] as? String) ?? ""
        #expect(message.contains("reader.timeout"))
    }

    @Test func aNamedPipeIsRejectedNotWaitedOn() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("intake-fifo-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        #expect(mkfifo(folder.appendingPathComponent("pipe.docx").path, 0o600) == 0)
        let run = try IntakeRun(["extract", folder.path, "--as-of", "2026-11-20", "--quiet"])
        #expect(run.status == 1)
        #expect(try run.records().first?["status"] as? String == "rejected")
    }
}
