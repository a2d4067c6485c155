import Foundation
import IntakeTestSupport
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// What several watchers on one inbox, run for years, leave for `intake status` to show, and
/// when a claim another host left is taken over.
@Suite struct WatchStatusTests {
    let h = try! InboxHarness()

    private func status() throws -> String {
        try IntakeRun(["status", h.inbox.path, "--store", h.store]).stdout
    }

    /// The line `intake status` gives the watcher with this process id.
    private static func line(_ status: String, pid: Int32) -> String? {
        status.split(separator: "\n").first { $0.hasPrefix("watcher pid \(pid) on ") }.map(String.init)
    }

    @Test func statusShowsEveryWatcherOnTheInboxAndSaysWhichHasGoneQuietOrStopped() async throws {
        defer { h.remove() }
        _ = try h.watchOnce()  // creates the store, so the two below do not race to make it
        let first = try WatcherProcess(h, ["--in-process"])
        let second = try WatcherProcess(h, ["--in-process"])
        let (a, b) = (first.processIdentifier, second.processIdentifier)
        var last = ""
        #expect(try await eventually(60) {
            last = try status()
            return Self.line(last, pid: a) != nil && Self.line(last, pid: b) != nil
        }, "both watchers' heartbeats are shown: \(last)")
        first.kill()  // SIGKILL: no last heartbeat says it stopped
        #expect(try await eventually(60) {
            last = try status()
            return Self.line(last, pid: a)?.hasSuffix(", probably stopped") == true
                && Self.line(last, pid: b)?.contains(": last heartbeat ") == true
                && Self.line(last, pid: b)?.contains("probably stopped") == false
        }, "the killed watcher has gone quiet, the other beats on: \(last)")
        #expect(second.stop() == 0)
        last = try status()
        #expect(Self.line(last, pid: b)?.contains(": stopped ") == true, "a graceful stop says so: \(last)")
        #expect(last.contains(": stopped ") && last.components(separatedBy: "since it started:").count == 4,
                "the --once run's heartbeat is kept beside the two: \(last)")
        #expect(!last.contains(h.folder.lastPathComponent), "no folder name in status")
    }

    /// A host tag (as claim tokens carry it, InboxLayout.hostTag) that is not this machine's.
    private static var otherHostTag: String {
        var name = [CChar](repeating: 0, count: 256)
        gethostname(&name, 255)
        let ours = name.prefix { $0 != 0 }.reduce(UInt16(5381)) { ($0 &<< 5) &+ $0 &+ UInt16(UInt8(bitPattern: $1)) }
        return ours == 0xffff ? "fffe" : "ffff"
    }

    /// A claim token from another host, taken `age` seconds ago.
    private static func foreignToken(age: Double) -> String {
        let millis = UInt64((Date().timeIntervalSince1970 - age) * 1000)
        return String(format: "%012llx", millis) + otherHostTag + "00000001"
    }

    @Test func aClaimFromAnotherHostIsTakenOverOnlyOnceOlderThanTheClaimLease() throws {
        defer { h.remove() }
        let processing = h.inbox.appendingPathComponent(".processing")
        try FileManager.default.createDirectory(at: processing, withIntermediateDirectories: true)
        let old = "\(Self.foreignToken(age: 2000)).old.pdf", young = "\(Self.foreignToken(age: 700)).young.docx"
        try FileManager.default.copyItem(at: IntakeRun.filled.appendingPathComponent("south-glos-monitoring-form-03.pdf"),
                                         to: processing.appendingPathComponent(old))
        try FileManager.default.copyItem(at: IntakeRun.filled.appendingPathComponent("bolton-rpde-form-01.docx"),
                                         to: processing.appendingPathComponent(young))
        // 700 s is past the default lease (600 s) but within this one.
        let first = try h.watchOnce(["--claim-lease", "1000"])
        #expect(first.stdout.split(separator: "\n").count == 1, "\(first.stderr)")
        #expect(h.processed.filter { !$0.hasSuffix(".txt") } == ["old.pdf"])
        #expect(h.names(".processing") == [young], "a claim younger than the lease is left to its host")
        let second = try h.watchOnce(["--claim-lease", "300"])
        #expect(second.stdout.split(separator: "\n").count == 1, "\(second.stderr)")
        #expect(h.processed.filter { !$0.hasSuffix(".txt") } == ["old.pdf", "young.docx"])
        #expect(h.names(".processing").isEmpty)
    }

    @Test(arguments: ["0", "-5", "nan"])
    func aClaimLeaseMustBeMoreThanNothing(lease: String) throws {
        defer { h.remove() }
        let run = try h.watchOnce(["--claim-lease=\(lease)"])
        #expect(run.status != 0)
        #expect(run.stderr.contains("--claim-lease"), "\(run.stderr)")
    }
}
