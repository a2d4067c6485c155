import Foundation
import IntakeTestSupport
import Testing

/// `intake extract` as a user runs it: what goes to stdout and stderr, and the exit status.
@Suite struct ExtractCommandTests {
    @Test func acceptedFormExitsZeroWithOneRecordOnStdout() throws {
        let file = IntakeRun.filled.appendingPathComponent("bolton-rpde-form-01.docx").path
        let run = try IntakeRun(["extract", file, "--as-of", "2026-11-20"])
        #expect(run.status == 0, "stderr: \(run.stderr)")
        let records = try run.records()
        #expect(records.count == 1)
        #expect(records.first?["schema"] as? String == "case-record/1")
        #expect(records.first?["kind"] as? String == "rpde-form")
        #expect(records.first?["status"] as? String == "accepted")
        #expect(run.stderr.contains("progress: 1/1 files"))
        #expect(run.stderr.contains("summary: 1 of 1 files, 1 records"))
        #expect(!run.stdout.contains("1/1 files") && !run.stdout.contains("summary:"), "progress must not reach stdout")
    }

    @Test func needsAttentionExitsOne() throws {
        let file = IntakeRun.filled.appendingPathComponent("south-glos-monitoring-form-03.pdf").path
        let run = try IntakeRun(["extract", file, "--as-of", "2026-11-20", "--quiet"])
        #expect(run.status == 1)
        #expect(try run.records().first?["status"] as? String == "needs-attention")
        #expect(run.stderr.isEmpty, "--quiet leaves stderr empty: \(run.stderr)")
    }

    @Test func folderGivesOneRecordPerDocumentAndPerAttachment() throws {
        let run = try IntakeRun(["extract", IntakeRun.filled.path, "--as-of", "2026-11-20", "--quiet"])
        #expect(run.status == 1)
        let records = try run.records()
        // 17 documents, one of them an e-mail with two attachments; truth files and README are passed over.
        #expect(records.count == 18)
        let attachments = records.filter { ($0["source"] as? [String: Any])?["attachment_of"] is String }
        #expect(attachments.count == 2)
    }

    @Test("usage errors exit 2", arguments: [["extract"], ["extract", "x.docx", "--as-of", "20/11/2026"], ["extract", "/no/such/file.pdf"], ["frobnicate"]])
    func usageErrorExitsTwo(_ arguments: [String]) throws {
        let run = try IntakeRun(arguments)
        #expect(run.status == 2, "stderr: \(run.stderr)")
        #expect(run.stdout.isEmpty)
    }

    @Test func logsCarryNoFieldValuesOrFileNames() throws {
        let file = IntakeRun.filled.appendingPathComponent("croydon-escalation-notification-02-stage5.pdf").path
        let run = try IntakeRun(["extract", file, "--as-of", "2026-11-20", "--log-level", "trace"])
        #expect(run.stdout.contains("Nadia Mensah"), "the record itself holds the values")
        for secret in ["Nadia Mensah", "Ava Iqbal", "Housing Options Team", "croydon-escalation"] {
            #expect(!run.stderr.contains(secret), "stderr leaks a value: \(secret)")
        }
        #expect(run.stderr.contains("file.sha256="))
    }

    @Test func unreadableFileIsRejectedAndTheRunGoesOn() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("intake-bad-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        try Data().write(to: folder.appendingPathComponent("a-empty.docx"))
        try Data("%PDF-1.7\n1 0 obj".utf8).write(to: folder.appendingPathComponent("b-truncated.pdf"))
        try FileManager.default.copyItem(at: IntakeRun.filled.appendingPathComponent("bolton-rpde-form-01.docx"),
                                         to: folder.appendingPathComponent("c-good.docx"))
        let run = try IntakeRun(["extract", folder.path, "--as-of", "2026-11-20", "--quiet"])
        #expect(run.status == 1)
        let records = try run.records()
        #expect(records.map { $0["status"] as? String } == ["rejected", "rejected", "accepted"])
        let messages = records.prefix(2).compactMap { (($0["findings"] as? [[String: Any]])?.first?["message"] as? String) }
        #expect(messages.count == 2)
        #expect(messages[0].contains("file.empty"))
        #expect(messages[1].contains("pdf.damaged"))
        #expect(FileManager.default.fileExists(atPath: folder.appendingPathComponent("a-empty.docx").path), "input files are never deleted")
    }

    @Test func aResumedBatchPassesOverWhatIsStored() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("intake-resume-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        for name in ["bolton-rpde-form-01.docx", "south-glos-monitoring-form-02.pdf"] {
            try FileManager.default.copyItem(at: IntakeRun.filled.appendingPathComponent(name), to: folder.appendingPathComponent(name))
        }
        let store = folder.path + "-store.sqlite"
        defer { for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: store + suffix) } }
        let first = try IntakeRun(["extract", folder.path, "--as-of", "2026-11-20", "--store", store, "--quiet"])
        #expect(first.stdout.split(separator: "\n").count == 2)
        try FileManager.default.copyItem(at: IntakeRun.filled.appendingPathComponent("west-sussex-escalation-template-03.pdf"),
                                         to: folder.appendingPathComponent("west-sussex-escalation-template-03.pdf"))
        let resumed = try IntakeRun(["extract", folder.path, "--as-of", "2026-11-20", "--store", store, "--resume"])
        #expect(resumed.stderr.contains("resume: 2 of 3 files already stored"))
        let records = try resumed.records()
        #expect(records.count == 1)
        #expect(records.first?["kind"] as? String == "escalation-template")
    }

    @Test func resumeWithoutAStoreIsAUsageError() throws {
        let run = try IntakeRun(["extract", IntakeRun.filled.path, "--resume"])
        #expect(run.status == 2)
    }
}
