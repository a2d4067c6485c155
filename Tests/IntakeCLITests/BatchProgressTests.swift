import Foundation
import IntakeTestSupport
import Testing

/// `intake extract` over a legacy archive: the progress it shows, the summary it closes with,
/// what `--resume` passes over, and a Ctrl-C in the middle.
@Suite struct BatchProgressTests {
    private func scratchFolder(_ files: [String]) throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("intake-batch-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        for name in files {
            try FileManager.default.copyItem(at: IntakeRun.filled.appendingPathComponent(name), to: folder.appendingPathComponent(name))
        }
        return folder
    }

    @Test func offATerminalPlainLinesThenASummaryWithoutFileNames() throws {
        let folder = try scratchFolder(["bolton-rpde-form-01.docx", "south-glos-monitoring-form-03.pdf", "croydon-escalation-notification-03.eml"])
        defer { try? FileManager.default.removeItem(at: folder) }
        let run = try IntakeRun(["extract", folder.path, "--as-of", "2026-11-20", "--jobs", "1"])
        #expect(run.status == 1)
        #expect(try run.records().count == 4)  // the e-mail carries two attachments
        #expect(run.stderr.contains("progress: 3/3 files"), "\(run.stderr)")
        #expect(!run.stderr.contains("\u{1B}["), "no terminal codes off a terminal")
        #expect(run.stderr.contains("summary: 3 of 3 files, 4 records in"))
        #expect(run.stderr.contains("  by status: accepted "))
        #expect(run.stderr.contains("needs-attention "))
        #expect(run.stderr.contains("  by kind: ") && run.stderr.contains("bolton/rpde-form 1") && run.stderr.contains("south-gloucestershire/monitoring-form 1"))
        #expect(run.stderr.contains("  most frequent findings: "))
        let slowest = try #require(run.stderr.split(separator: "\n").first { $0.hasPrefix("  slowest files (SHA-256): ") })
        #expect(slowest.split(separator: ",").count == 3)
        #expect(slowest.range(of: #"^  slowest files \(SHA-256\): [0-9a-f]{12} [0-9.]+ s"#, options: .regularExpression) != nil)
        // Latency per file, nearest rank over the three files read: the format, never a time.
        #expect(run.stderr.range(of: #"\n  per file: median [0-9.]+ s, p90 [0-9.]+ s, p99 [0-9.]+ s, max [0-9.]+ s\n"#,
                                 options: .regularExpression) != nil, "\(run.stderr)")
        for name in ["rpde-form-01", "monitoring-form-03", "notification-03", ".docx", ".pdf", ".eml"] {
            #expect(!run.stderr.contains(name), "stderr names a file: \(name)")
        }
    }

    @Test func onATerminalTheBarIsRedrawnInPlace() throws {
        let folder = try scratchFolder(["bolton-rpde-form-01.docx", "south-glos-monitoring-form-03.pdf"])
        defer { try? FileManager.default.removeItem(at: folder) }
        // script(1) gives the command a real pseudo-terminal; records go to a file.
        let output = folder.path + "-records.jsonl"
        defer { try? FileManager.default.removeItem(atPath: output) }
        let command = "\(IntakeRun.binary.path) extract \(folder.path) --as-of 2026-11-20 > \(output)"
        let run = try IntakeRun.external("/usr/bin/script", ["-qec", command, "/dev/null"])
        #expect(run.stdout.contains("\r\u{1B}[K[########################] 2/2 files"), "\(run.stdout.debugDescription)")
        #expect(run.stdout.contains("files/s, ETA 0 s; accepted 1, needs-attention 1, rejected 0"))
        #expect(!run.stdout.contains("progress: "), "no plain lines on a terminal")
        #expect(run.stdout.contains("summary: 2 of 2 files"))
        let records = try String(contentsOfFile: output, encoding: .utf8)
        #expect(records.split(separator: "\n").count == 2)
    }

    @Test func resumePassesOverStoredEmailsToo() throws {
        let folder = try scratchFolder(["bolton-rpde-form-01.docx", "croydon-escalation-notification-03.eml"])
        defer { try? FileManager.default.removeItem(at: folder) }
        let store = folder.path + "-store.sqlite"
        defer { for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: store + suffix) } }
        let first = try IntakeRun(["extract", folder.path, "--as-of", "2026-11-20", "--store", store, "--quiet"])
        #expect(first.stdout.split(separator: "\n").count == 3)
        let resumed = try IntakeRun(["extract", folder.path, "--as-of", "2026-11-20", "--store", store, "--resume"])
        #expect(resumed.stderr.contains("resume: 2 of 2 files already stored, passed over"), "\(resumed.stderr)")
        #expect(resumed.stdout.isEmpty)
        #expect(resumed.status == 0)
    }

    @Test func ctrlCFinishesTheFilesInHandAndResumeDoesTheRest() throws {
        let corpus = IntakeRun.packageRoot.appendingPathComponent("corpus/dev")
        let store = FileManager.default.temporaryDirectory.appendingPathComponent("intake-stop-\(UUID().uuidString).sqlite").path
        defer { for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: store + suffix) } }
        // --isolate makes each file a process start, so the batch is still running when the
        // first progress line appears and the signal is sent.
        let arguments = ["extract", corpus.path, "--as-of", "2026-11-20", "--store", store, "--isolate", "--jobs", "1", "--progress-interval", "0.01"]
        let stopped = try IntakeRun.interrupted(arguments, once: "progress: ")
        #expect(stopped.status == 130, "\(stopped.stderr)")
        #expect(stopped.stderr.contains("stopping: finishing the files in hand"))
        #expect(stopped.stderr.contains("; stopped early, "))
        let first = try stopped.records()  // every line a whole record
        #expect(!first.isEmpty && first.count < 120)
        let resumed = try IntakeRun(arguments.dropLast(4) + ["--resume", "--quiet"])
        let rest = try resumed.records()
        let hashes = (first + rest).compactMap { ($0["source"] as? [String: Any])?["sha256"] as? String }
        #expect(Set(hashes).count == hashes.count, "no file read twice")
        #expect(hashes.count == 120, "\(first.count) before the stop, \(rest.count) after")
    }
}
