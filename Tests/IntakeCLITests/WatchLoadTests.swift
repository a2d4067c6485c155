import Foundation
import IntakeTestSupport
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// The watcher under load and under crashes, as a real process on a real folder.
@Suite(.serialized) struct WatchLoadTests {
    let h = try! InboxHarness()
    static let forms = ["bolton-rpde-form-01.docx", "bolton-rpde-form-02.docx", "bolton-rpde-form-03.pdf", "bolton-rpde-form-04.pdf",
                        "bolton-rpde-form-05.docx", "croydon-escalation-notification-01-stage3.docx",
                        "croydon-escalation-notification-02-stage5.pdf", "south-glos-monitoring-form-01.docx",
                        "south-glos-monitoring-form-02.pdf", "south-glos-monitoring-form-03.pdf",
                        "west-sussex-escalation-template-01.docx", "west-sussex-escalation-template-02.pdf",
                        "west-sussex-escalation-template-03.pdf", "coventry-policy.docx", "bolton-policy.pdf",
                        "south-gloucestershire-policy.docx"]

    /// Files filed (sidecars left out) in processed/ and rejected/.
    private func filedCount() -> Int {
        (h.processed + h.rejected).filter { !$0.hasSuffix(".txt") }.count
    }

    /// Writes `source` into the inbox in four pieces over about `seconds`, the file held open
    /// throughout, as a slow copy from a network drive does.
    private static func writeSlowly(_ source: URL, to target: URL, seconds: Double) async throws {
        let data = try Data(contentsOf: source)
        // Created and opened in one call: a create-then-open would close an empty file in
        // between, which the watcher may rightly take as a finished (empty) file.
        let descriptor = open(target.path, O_WRONLY | O_CREAT | O_EXCL, 0o644)
        guard descriptor >= 0 else { throw CocoaError(.fileWriteUnknown) }
        let handle = FileHandle(fileDescriptor: descriptor, closeOnDealloc: true)
        let piece = data.count / 4 + 1
        for start in stride(from: 0, to: data.count, by: piece) {
            try handle.write(contentsOf: data[start..<min(data.count, start + piece)])
            try await Task.sleep(for: .milliseconds(Int(seconds * 250)))
        }
        try handle.close()
    }

    /// In process one file at a time, and three at once each in its own worker process.
    @Test(arguments: [["--in-process"], ["--jobs", "3"]])
    func threeHundredFilesAtOnceSlowDuplicateAndHostileAreEachFiledOnce(options: [String]) async throws {
        defer { h.remove() }
        let watcher = try WatcherProcess(h, options)
        let quick = Array(Self.forms.prefix(8)), slow = Array(Self.forms.suffix(8))
        for form in quick { try h.drop(form) }
        for n in 0..<20 { try h.drop(quick[n % quick.count], as: "copy-\(n)-" + quick[n % quick.count]) }
        for n in 0..<258 { try h.dropText(String(format: "note-%03d.docx", n), "note \(n): not a form") }
        try FileManager.default.createSymbolicLink(atPath: h.inbox.appendingPathComponent("passwd.docx").path, withDestinationPath: "/etc/passwd")
        #expect(mkfifo(h.inbox.appendingPathComponent("pipe.pdf").path, 0o600) == 0)
        let outside = h.folder.appendingPathComponent("outside.txt")
        try Data("outside".utf8).write(to: outside)
        #expect(link(outside.path, h.inbox.appendingPathComponent("linked.docx").path) == 0)
        try h.dropText("~$lock.docx", "junk")
        try h.dropText("download.crdownload", "junk")
        // Slow copies: pauses longer than --settle, the file open all the while.
        try await withThrowingTaskGroup(of: Void.self) { group in
            for form in slow {
                group.addTask {
                    try await Self.writeSlowly(IntakeRun.filled.appendingPathComponent(form), to: h.inbox.appendingPathComponent(form), seconds: 5)
                }
            }
            try await group.waitForAll()
        }
        let expected = 8 + 20 + 258 + 3 + 8
        #expect(try await eventually(300) { filedCount() == expected }, "\(filedCount()) of \(expected) filed")
        #expect(watcher.stop() == 0)
        #expect(h.names(".processing").isEmpty)
        #expect(h.names("").sorted() == [".processing", "download.crdownload", "processed", "rejected", "~$lock.docx"].sorted())
        // One record per distinct file: 16 forms and 258 notes; duplicates neither stored nor printed.
        let stored = try h.storedSHAs()
        #expect(stored.count == 16 + 258)
        #expect(Set(stored).count == stored.count)
        #expect(watcher.stdoutLines.count == 16 + 258, "each record printed once")
        #expect(h.processed.filter { $0.hasSuffix(".duplicate.txt") }.count == 20)
        // No partial state of a slow copy was recorded: only the notes are rejected.
        let records = try IntakeRun(["records", "export", "--format", "jsonl", "--store", h.store]).records()
        #expect(records.filter { ($0["status"] as? String) == "rejected" }.count == 258)
    }

    /// One file at a time, and three at once (several claims in hand when it is killed).
    @Test(arguments: [[], ["--jobs", "3"]])
    func killedAtRandomMomentsTheWatcherLosesNothingDoublesNothingAndReadsNothingStoredAgain(jobs: [String]) async throws {
        defer { h.remove() }
        var generator = SeededGenerator(seed: UInt64(Date().timeIntervalSince1970))
        let seed = generator.seed
        var dropped = 0, notes = 0
        var printed: [String] = []
        var rereads: [String] = [], reads: Set<String> = []
        for round in 0..<22 {
            let storedBefore = Set(try h.storedSHAs())
            let watcher = try WatcherProcess(h, ["--in-process", "--log-level", "info", "--settle", "0.2"] + jobs)
            for n in 0..<4 {
                if n == 0 && round > 0 {
                    try h.drop(Self.forms[round % Self.forms.count], as: "again-\(round).docx")
                } else if n == 1 {
                    try h.drop(Self.forms[round % Self.forms.count], as: "form-\(round)-" + Self.forms[round % Self.forms.count])
                } else {
                    try h.dropText("note-\(round)-\(n).docx", "round \(round) note \(n)")
                    notes += 1
                }
                dropped += 1
                try await Task.sleep(for: .milliseconds(Int.random(in: 0...150, using: &generator)))
            }
            if round % 2 == 1 {
                // The narrow moment: a record just committed and printed, its file not yet filed.
                let end = Date().addingTimeInterval(5)
                while watcher.stdoutSize == 0 && Date() < end { usleep(100) }
            } else {
                try await Task.sleep(for: .milliseconds(Int.random(in: 50...900, using: &generator)))
            }
            watcher.kill()
            printed += watcher.stdoutLines
            rereads += Self.readSHAs(watcher.stderr).filter { storedBefore.contains($0) }
            reads.formUnion(Self.readSHAs(watcher.stderr))
        }
        let storedBefore = Set(try h.storedSHAs())
        let last = try h.watchOnce(["--in-process", "--log-level", "info"] + jobs)
        printed += last.stdout.split(separator: "\n").map(String.init)
        rereads += Self.readSHAs(last.stderr).filter { storedBefore.contains($0) }
        reads.formUnion(Self.readSHAs(last.stderr))
        #expect(h.names(".processing").isEmpty, "nothing stuck (seed \(seed))")
        #expect(filedCount() == dropped, "nothing lost (seed \(seed)): \(filedCount()) of \(dropped)")
        #expect(rereads.isEmpty, "no stored file read again (seed \(seed)): \(rereads)")
        let shas = printed.compactMap { line in
            (try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any]).flatMap { ($0["source"] as? [String: Any])?["sha256"] as? String }
        }
        #expect(Set(shas).count == shas.count, "no record printed twice (seed \(seed))")
        let stored = try h.storedSHAs()
        // One record per distinct file: each form once however often it came, each note.
        #expect(stored.count == Self.forms.count + notes, "seed \(seed)")
        #expect(Set(shas).isSubset(of: Set(stored)))
        #expect(Set(stored).isSubset(of: reads), "every stored file was read once, as the logs show")
        try expectEveryNoteBesideItsFile(seed: seed)
    }

    /// Killed between any two steps of filing, the watcher leaves no file without the note it
    /// needs (every rejected file its reason, every duplicate its note) and no note beside
    /// nothing, and logs each duplicate once.
    private func expectEveryNoteBesideItsFile(seed: UInt64) throws {
        let processed = Set(h.processed), rejected = Set(h.rejected)
        for name in rejected where !name.hasSuffix(".txt") {
            #expect(rejected.contains(name + ".reason.txt"), "a rejected file without its reason (seed \(seed))")
        }
        for (folder, names) in [("processed", processed), ("rejected", rejected)] {
            for note in names where note.hasSuffix(".txt") {
                let file = String(note.dropLast(4).split(separator: ".").dropLast().joined(separator: "."))
                #expect(names.contains(file), "a note in \(folder) beside nothing (seed \(seed))")
            }
        }
        let duplicates = processed.filter { $0.hasSuffix(".duplicate.txt") }.count
        let exported = try IntakeRun(["records", "export", "--format", "jsonl", "--store", h.store]).records()
        let events = exported.flatMap { (($0["store"] as? [String: Any])?["events"] as? [[String: Any]]) ?? [] }
        #expect(events.filter { $0["kind"] as? String == "duplicate" }.count == duplicates, "each duplicate logged once (seed \(seed))")
        #expect(duplicates >= 1)
    }

    /// The SHA-256s the pipeline read, from its `extracted` and `rejected` log lines.
    static func readSHAs(_ log: String) -> [String] {
        log.split(separator: "\n").filter { $0.contains(" extracted") || $0.contains(" rejected") }.compactMap { line in
            guard let range = line.range(of: "file.sha256=") else { return nil }
            let sha = line[range.upperBound...].prefix { $0.isHexDigit }
            return sha.count == 64 ? String(sha) : nil
        }
    }
}

/// A small deterministic generator, so that a failing run can be told by its seed.
struct SeededGenerator: RandomNumberGenerator {
    let seed: UInt64
    private var state: UInt64

    init(seed: UInt64) {
        self.seed = seed
        state = seed &+ 0x9E37_79B9_7F4A_7C15
    }

    mutating func next() -> UInt64 {
        state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
        return state ^ (state >> 29)
    }
}
