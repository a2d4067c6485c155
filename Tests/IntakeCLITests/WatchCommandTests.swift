import Foundation
import Testing

/// The unattended inbox watcher: nothing lost, nothing doubled, a clean stop on SIGTERM.
@Suite struct WatchCommandTests {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("intake-watch-\(UUID().uuidString)")
    var inbox: URL { folder.appendingPathComponent("inbox") }
    var store: String { folder.appendingPathComponent("store.sqlite").path }

    init() throws {
        try FileManager.default.createDirectory(at: inbox, withIntermediateDirectories: true)
    }

    private func drop(_ name: String) throws {
        try FileManager.default.copyItem(at: IntakeRun.filled.appendingPathComponent(name), to: inbox.appendingPathComponent(name))
    }

    private func storedCount() throws -> Int {
        let run = try IntakeRun(["records", "list", "--store", store])
        #expect(run.status == 0, "\(run.stderr)")
        return run.stdout.split(separator: "\n").count - 1  // less the header
    }

    @Test func runningTwiceOverTheSameInboxStoresEachFileOnce() throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        try drop("bolton-rpde-form-01.docx")
        try drop("croydon-escalation-notification-03.eml")
        let arguments = ["watch", inbox.path, "--store", store, "--once", "--interval", "0.1", "--as-of", "2026-11-20"]
        let first = try IntakeRun(arguments)
        #expect(first.status == 0, "\(first.stderr)")
        #expect(first.stdout.split(separator: "\n").count == 3)
        let second = try IntakeRun(arguments)
        #expect(second.status == 0)
        #expect(try storedCount() == 3)
        #expect(FileManager.default.fileExists(atPath: inbox.appendingPathComponent("bolton-rpde-form-01.docx").path))
    }

    @Test func aFileDroppedWhileWatchingIsStoredAndSIGTERMStopsCleanly() async throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        let process = Process()
        process.executableURL = IntakeRun.binary
        process.arguments = ["watch", inbox.path, "--store", store, "--interval", "0.2", "--as-of", "2026-11-20", "--mappings",
                             IntakeRun.packageRoot.appendingPathComponent("mappings").path]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        try await Task.sleep(for: .milliseconds(500))
        try drop("south-glos-monitoring-form-03.pdf")
        // Wait (bounded) for the record to be stored.
        var stored = 0
        for _ in 0..<50 where stored == 0 {
            try await Task.sleep(for: .milliseconds(200))
            stored = try storedCount()
        }
        #expect(stored == 1)
        process.terminate()  // SIGTERM
        process.waitUntilExit()
        #expect(process.terminationReason == .exit)
        #expect(process.terminationStatus == 0)
    }
}
