import Foundation
import IntakeTestSupport
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

    @Test func aWorkerStoppedMidConversionLeavesNoCopyOfTheFileBehind() throws {
        let temporary = FileManager.default.temporaryDirectory.appendingPathComponent("intake-isotmp-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: temporary, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: temporary) }
        let file = IntakeRun.packageRoot.appendingPathComponent("Tests/Fixtures/legacy/bolton-rpde-form-01.doc").path
        // LibreOffice takes seconds to start: the worker is killed while it converts.
        let run = try IntakeRun(["extract", file, "--as-of", "2026-11-20", "--quiet", "--isolate", "--timeout", "0.5"],
                                environment: ["TMPDIR": temporary.path])
        #expect(run.status == 1)
        let message = ((try run.records().first?["findings"] as? [[String: Any]])?.first?["message"] as? String) ?? ""
        #expect(message.contains("reader.timeout"))
        // The worker's temporary folder, with the conversion's copy of the file, is gone with
        // it, and so is the LibreOffice it had started.
        #expect(try FileManager.default.contentsOfDirectory(atPath: temporary.path).isEmpty)
        let stillRunning = try FileManager.default.contentsOfDirectory(atPath: "/proc").filter { pid in
            guard let raw = FileManager.default.contents(atPath: "/proc/\(pid)/cmdline") else { return false }
            return String(decoding: raw, as: UTF8.self).contains(temporary.path)
        }
        #expect(stillRunning.isEmpty, "converter processes left: \(stillRunning)")
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
