import Foundation
import IntakeTestSupport
#if canImport(Glibc)
import Glibc
#endif

/// A real inbox in a fresh temporary folder, a real SQLite store beside it, and real `intake
/// watch` processes over it.
struct InboxHarness {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("intake-inbox-\(UUID().uuidString)")
    var inbox: URL { folder.appendingPathComponent("inbox") }
    var store: String { folder.appendingPathComponent("store.sqlite").path }
    static var mappings: String { IntakeRun.packageRoot.appendingPathComponent("mappings").path }
    static var today: String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "Europe/London")!
        let p = calendar.dateComponents([.year, .month, .day], from: Date())
        return String(format: "%04d-%02d-%02d", p.year!, p.month!, p.day!)
    }

    init() throws {
        try FileManager.default.createDirectory(at: inbox, withIntermediateDirectories: true)
    }

    func remove() { try? FileManager.default.removeItem(at: folder) }

    /// Copies a shared filled form into the inbox (under `name`, default its own).
    @discardableResult
    func drop(_ form: String, as name: String? = nil, in sub: String? = nil) throws -> URL {
        var target = inbox
        if let sub {
            target = inbox.appendingPathComponent(sub)
            try FileManager.default.createDirectory(at: target, withIntermediateDirectories: true)
        }
        let url = target.appendingPathComponent(name ?? form)
        try FileManager.default.copyItem(at: IntakeRun.filled.appendingPathComponent(form), to: url)
        return url
    }

    /// A file that is no form (rejected as unknown), distinct by its text.
    @discardableResult
    func dropText(_ name: String, _ text: String) throws -> URL {
        let url = inbox.appendingPathComponent(name)
        try Data(text.utf8).write(to: url)
        return url
    }

    /// Names in a folder below the inbox, sorted; empty when it does not exist.
    func names(_ relative: String) -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: inbox.appendingPathComponent(relative).path)) ?? []).sorted()
    }

    var processed: [String] { names("processed/" + Self.today) }
    var rejected: [String] { names("rejected/" + Self.today) }

    /// `intake watch INBOX --once …` to the end.
    func watchOnce(_ extra: [String] = []) throws -> IntakeRun {
        try IntakeRun(["watch", inbox.path, "--store", store, "--once", "--interval", "0.2", "--settle", "0.2",
                       "--as-of", "2026-11-20", "--mappings", Self.mappings] + extra)
    }

    /// Every stored record's source SHA-256, through `intake records export`.
    func storedSHAs() throws -> [String] {
        guard FileManager.default.fileExists(atPath: store) else { return [] }
        let run = try IntakeRun(["records", "export", "--format", "jsonl", "--store", store])
        return try run.records().compactMap { ($0["source"] as? [String: Any])?["sha256"] as? String }
    }
}

/// A running `intake watch` (through the shared runner, its output in files).
final class WatcherProcess {
    private let running: IntakeProcess

    init(_ harness: InboxHarness, _ extra: [String] = [], store: String? = nil) throws {
        running = try IntakeProcess(["watch", harness.inbox.path, "--store", store ?? harness.store, "--interval", "0.5",
                                     "--settle", "1", "--as-of", "2026-11-20", "--mappings", InboxHarness.mappings] + extra)
    }

    var terminationReason: Process.TerminationReason { running.terminationReason }

    var processIdentifier: Int32 { running.processIdentifier }

    func kill() { running.kill() }

    func stop() -> Int32 { running.terminate() }

    var stdoutSize: Int { running.stdoutSoFar.utf8.count }
    var stdoutLines: [String] { running.stdoutSoFar.split(separator: "\n").map(String.init) }
    var stderr: String { running.stderrSoFar }
}

/// Polls `condition` for up to `seconds`: a bound on a wait, not a timing assertion.
func eventually(_ seconds: Double, _ condition: () throws -> Bool) async throws -> Bool {
    let end = Date().addingTimeInterval(seconds)
    while Date() < end {
        if try condition() { return true }
        try await Task.sleep(for: .milliseconds(100))
    }
    return try condition()
}
