import Foundation
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// What several watchers on one inbox, run for years, leave for `intake status` to show.
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
        let first = try WatcherProcess(h, ["--in-process"], tag: "a")
        let second = try WatcherProcess(h, ["--in-process"], tag: "b")
        let (a, b) = (first.process.processIdentifier, second.process.processIdentifier)
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
}
