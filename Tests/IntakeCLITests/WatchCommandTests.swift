import Foundation
import IntakeTestSupport
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// The unattended inbox watcher, driven as a real process over a real folder: every file claimed
/// then filed, duplicates and hostile entries filed with a note, nothing read twice.
@Suite struct WatchCommandTests {
    let h = try! InboxHarness()

    @Test func everyFileIsFiledByItsOutcomeWithItsNoteAndRunningAgainReadsNothing() throws {
        defer { h.remove() }
        try h.drop("bolton-rpde-form-01.docx")
        try h.drop("croydon-escalation-notification-03.eml", in: "sub/folder")
        try h.drop("bolton-rpde-form-01.docx", as: "copy of the same form.docx")
        try h.dropText("notes.docx", "not a form at all")
        for junk in ["~$draft.docx", ".~lock.form.docx#", "upload.part", "Thumbs.db", ".hidden"] {
            try h.dropText(junk, "junk \(junk)")
        }
        let first = try h.watchOnce(["--log-level", "info"])
        // One record per distinct form (the e-mail gives two); the copy is not printed again.
        #expect(first.stdout.split(separator: "\n").count == 4, "\(first.stderr)")
        #expect(first.status == 1, "a rejected file makes --once exit 1")
        #expect(h.names(".processing").isEmpty)
        #expect(h.processed.contains("bolton-rpde-form-01.docx"))
        #expect(h.processed.contains("croydon-escalation-notification-03.eml"))
        #expect(h.processed.contains("copy of the same form.docx"))
        #expect(h.rejected == ["notes.docx", "notes.docx.reason.txt"])
        let duplicate = try String(contentsOf: h.inbox.appendingPathComponent("processed/\(InboxHarness.today)/copy of the same form.docx.duplicate.txt"), encoding: .utf8)
        #expect(duplicate.contains("processed/\(InboxHarness.today)/bolton-rpde-form-01.docx"))
        let reason = try String(contentsOf: h.inbox.appendingPathComponent("rejected/\(InboxHarness.today)/notes.docx.reason.txt"), encoding: .utf8)
        #expect(reason.contains("unknown-document") || reason.contains("unreadable-document"))
        // Junk stays where it is, unread; the emptied subfolder stays too (nothing is deleted).
        #expect(h.names("").filter { !["processed", "rejected", ".processing", "sub"].contains($0) }.count == 5)
        // One log line per file, with no file name in it.
        let filedLines = first.stderr.split(separator: "\n").filter { $0.contains("filed") }
        #expect(filedLines.count == 4)
        #expect(!first.stderr.contains("notes.docx") && !first.stderr.contains("copy of the same"))
        #expect(try h.storedSHAs().count == 4)

        // The same file dropped again, under another name: a duplicate, filed, not stored.
        try h.drop("bolton-rpde-form-01.docx")
        let second = try h.watchOnce()
        #expect(second.stdout.isEmpty)
        #expect(second.status == 0)
        #expect(h.processed.contains("bolton-rpde-form-01-2.docx"), "names never collide: \(h.processed)")
        #expect(h.processed.contains("bolton-rpde-form-01-2.docx.duplicate.txt"))
        #expect(try h.storedSHAs().count == 4)
        let shown = try IntakeRun(["records", "show", "1", "--store", h.store])
        #expect(shown.stdout.contains("duplicate"), "\(shown.stdout)")
    }

    @Test func onlyRegularFilesWithOneNameAreReadAndNothingOutsideTheInbox() throws {
        defer { h.remove() }
        let outside = h.folder.appendingPathComponent("outside.docx")
        try FileManager.default.copyItem(at: IntakeRun.filled.appendingPathComponent("bolton-rpde-form-02.docx"), to: outside)
        try FileManager.default.createSymbolicLink(atPath: h.inbox.appendingPathComponent("passwd.docx").path, withDestinationPath: "/etc/passwd")
        try FileManager.default.createSymbolicLink(atPath: h.inbox.appendingPathComponent("outside.docx").path, withDestinationPath: outside.path)
        #expect(mkfifo(h.inbox.appendingPathComponent("pipe.pdf").path, 0o600) == 0)
        #expect(link(outside.path, h.inbox.appendingPathComponent("linked.docx").path) == 0)
        let run = try h.watchOnce()
        #expect(run.status == 1)
        #expect(run.stdout.isEmpty, "nothing was read: \(run.stdout)")
        #expect(try h.storedSHAs().isEmpty)
        #expect(h.rejected.filter { !$0.hasSuffix(".reason.txt") } == ["linked.docx", "outside.docx", "passwd.docx", "pipe.pdf"])
        let linkReason = try String(contentsOf: h.inbox.appendingPathComponent("rejected/\(InboxHarness.today)/passwd.docx.reason.txt"), encoding: .utf8)
        #expect(linkReason.contains("symbolic link"))
        let hardReason = try String(contentsOf: h.inbox.appendingPathComponent("rejected/\(InboxHarness.today)/linked.docx.reason.txt"), encoding: .utf8)
        #expect(hardReason.contains("hard links"))
        // The link itself was filed, its target untouched.
        #expect(FileManager.default.fileExists(atPath: outside.path))

        // `intake extract` over the folder does not follow a link found inside it either.
        let walk = h.folder.appendingPathComponent("walk")
        try FileManager.default.createDirectory(at: walk, withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(atPath: walk.appendingPathComponent("passwd.docx").path, withDestinationPath: "/etc/passwd")
        let extract = try IntakeRun(["extract", walk.path, "--as-of", "2026-11-20"])
        let records = try extract.records()
        #expect(records.count == 1)
        #expect(records.first?["status"] as? String == "rejected")
        #expect(extract.stdout.contains("symbolic link"))
    }

    @Test func aClaimACrashLeftInProcessingIsFinishedOnStart() throws {
        defer { h.remove() }
        let processing = h.inbox.appendingPathComponent(".processing")
        try FileManager.default.createDirectory(at: processing, withIntermediateDirectories: true)
        // A claim by a process that no longer runs (pid 0x7ffffffe), arrived as sub/form.pdf.
        let token = "00000000000100007ffffffe".prefix(12) + "ffff" + "7ffffffe"
        try FileManager.default.copyItem(at: IntakeRun.filled.appendingPathComponent("south-glos-monitoring-form-03.pdf"),
                                         to: processing.appendingPathComponent("\(token).sub%2Fform.pdf"))
        let run = try h.watchOnce()
        #expect(run.stdout.split(separator: "\n").count == 1, "\(run.stderr)")
        #expect(h.names(".processing").isEmpty)
        #expect(h.processed.contains("form.pdf"))
        #expect(run.stdout.contains("/sub/form.pdf"), "the record keeps the path it arrived at")
    }

    @Test func inPlaceMovesNothingAndARestartReadsNothingAgain() throws {
        defer { h.remove() }
        try h.drop("bolton-rpde-form-01.docx")
        try h.drop("south-glos-monitoring-form-03.pdf")
        let first = try h.watchOnce(["--in-place", "--log-level", "info"])
        #expect(first.stdout.split(separator: "\n").count == 2, "\(first.stderr)")
        let second = try h.watchOnce(["--in-place", "--log-level", "info"])
        #expect(second.stdout.isEmpty)
        #expect(!second.stderr.contains("extracted"), "a restart reads nothing it has done: \(second.stderr)")
        #expect(h.names("") == ["bolton-rpde-form-01.docx", "south-glos-monitoring-form-03.pdf"])
    }

    @Test func aMaildirIsReadFromNewOnlyAndItsMessagesMarkedSeenInCur() throws {
        defer { h.remove() }
        for sub in ["cur", "new", "tmp"] {
            try FileManager.default.createDirectory(at: h.inbox.appendingPathComponent(sub), withIntermediateDirectories: true)
        }
        try h.drop("croydon-escalation-notification-03.eml", as: "1733100000.M1P1.host", in: "new")
        try h.drop("croydon-escalation-notification-03.eml", as: "1733100001.M2P1.host", in: "tmp")
        let run = try h.watchOnce()
        #expect(run.stdout.split(separator: "\n").count == 2, "\(run.stderr)")
        #expect(h.names("new").isEmpty)
        #expect(h.names("cur") == ["1733100000.M1P1.host:2,S"])
        #expect(h.names("tmp") == ["1733100001.M2P1.host"], "mail still being delivered is never read")
        #expect(!FileManager.default.fileExists(atPath: h.inbox.appendingPathComponent(".processing").path))
    }

    @Test func statusShowsWhatWaitsWhatWasFiledAndTheHeartbeat() async throws {
        defer { h.remove() }
        try h.drop("bolton-rpde-form-01.docx")
        try h.dropText("notes.docx", "not a form")
        _ = try h.watchOnce()
        try h.dropText("later.docx", "waiting")
        let status = try IntakeRun(["status", h.inbox.path, "--store", h.store])
        #expect(status.status == 0, "\(status.stderr)")
        #expect(status.stdout.contains("waiting: 1"))
        #expect(status.stdout.contains("in progress: 0"))
        #expect(status.stdout.contains("processed today: 1"))
        #expect(status.stdout.contains("rejected today: 1"))
        #expect(status.stdout.contains("watcher pid ") && status.stdout.contains(": stopped "), "the --once run's last heartbeat says it stopped")
        #expect(status.stdout.contains("1 accepted") && status.stdout.contains("1 rejected"))
        #expect(!status.stdout.contains("later.docx"), "counts, never names")
    }

    @Test func aFileDroppedWhileWatchingIsFiledAndSIGTERMStopsCleanly() async throws {
        defer { h.remove() }
        let watcher = try WatcherProcess(h)
        try await Task.sleep(for: .milliseconds(500))
        try h.drop("south-glos-monitoring-form-03.pdf")
        #expect(try await eventually(30) { h.processed.contains("south-glos-monitoring-form-03.pdf") })
        #expect(watcher.stop() == 0)
        #expect(watcher.terminationReason == .exit)
        #expect(watcher.stdoutLines.count == 1)
    }
    @Test func anEmptyFileClosedAndWrittenIntoLaterIsReadOnceWhole() async throws {
        defer { h.remove() }
        // A settle time far longer than the pause below, however loaded the machine: the
        // empty file must wait, and the written one is taken when it is closed.
        let watcher = try WatcherProcess(h, ["--settle", "60"])
        #expect(try await eventually(60) { watcher.stderr.contains("watching") }, "the watcher set up its events")
        // A copy that creates its file, closes it empty, then opens it again to write.
        let target = h.inbox.appendingPathComponent("south-glos-monitoring-form-03.pdf")
        #expect(FileManager.default.createFile(atPath: target.path, contents: nil))
        try await Task.sleep(for: .milliseconds(600))
        let handle = try FileHandle(forWritingTo: target)
        try handle.write(contentsOf: Data(contentsOf: IntakeRun.filled.appendingPathComponent("south-glos-monitoring-form-03.pdf")))
        try handle.close()
        #expect(try await eventually(30) { h.processed.contains("south-glos-monitoring-form-03.pdf") })
        #expect(watcher.stop() == 0)
        #expect(h.rejected.isEmpty, "the empty placeholder was never recorded")
        #expect(watcher.stdoutLines.count == 1)
    }

    @Test func aNeedsAttentionFileIsFiledWithTheSubmittersReportAndPollingAloneFindsIt() async throws {
        defer { h.remove() }
        let watcher = try WatcherProcess(h, ["--poll", "--interval", "0.2", "--settle", "0.3", "--ignore", "*.bak"])
        try FileManager.default.copyItem(at: IntakeRun.packageRoot.appendingPathComponent("samples/bolton-rpde-form-07.docx"),
                                         to: h.inbox.appendingPathComponent("form.docx"))
        try h.dropText("old.bak", "a backup the business unit keeps here")
        #expect(try await eventually(30) { h.processed.contains("form.docx.report.txt") })
        #expect(watcher.stop() == 0)
        let report = try String(contentsOf: h.inbox.appendingPathComponent("processed/\(InboxHarness.today)/form.docx.report.txt"), encoding: .utf8)
        #expect(report.contains("Needs attention"))
        #expect(h.names("").contains("old.bak"), "an --ignore pattern is left alone")
        #expect(watcher.stdoutLines.count == 1)
        #expect(watcher.stderr.contains("inbox.events=false"))
    }
}
