import Foundation
import IntakeStore

/// How an inbox stands, as `intake status` prints it: read from its folders (and, given the
/// store, the watcher's heartbeat). Counts and ages only, never a file's name.
public struct InboxStatus: Sendable {
    public var mode: InboxLayout.Mode
    public var waiting = 0
    public var inProgress = 0
    public var processedToday = 0
    public var needingAttentionToday = 0
    public var rejectedToday = 0
    /// Seconds since the oldest waiting file was last written.
    public var oldestWaitingAge: Int?
    public var heartbeat: InboxHeartbeat?
    /// When the heartbeat was written (ISO-8601 UTC).
    public var heartbeatAt: String?

    public init(directory: String, ignore: [String] = InboxWatcher.defaultIgnore, now: Date = Date()) {
        let layout = InboxLayout(root: directory, inPlace: false)
        mode = layout.mode
        let scanner = InboxScanner(layout: layout, ignore: ignore, settle: .zero)
        let entries = scanner.scan().entries
        waiting = entries.count
        let nowNanos = Int64(now.timeIntervalSince1970 * 1e9)
        if let oldest = entries.compactMap({ InboxFileSystem.stamp($0)?.modified }).min() {
            oldestWaitingAge = Int(max(0, nowNanos - oldest) / 1_000_000_000)
        }
        let day = InboxLayout.today(now)
        switch layout.mode {
        case .maildir:
            inProgress = Self.names(layout.maildirCur).filter { $0.hasSuffix(":2,") }.count
        case .folder, .inPlace:
            inProgress = Self.names(layout.processing).count
            let processed = Self.names(layout.processed(on: day))
            processedToday = processed.filter { !Self.isSidecar($0) }.count
            needingAttentionToday = processed.filter { $0.hasSuffix(".report.txt") }.count
            rejectedToday = Self.names(layout.rejected(on: day)).filter { !Self.isSidecar($0) }.count
        }
    }

    /// Reads the watcher's heartbeat for this inbox from the store.
    public mutating func readHeartbeat(from journal: any WatchJournal, directory: String) async throws {
        guard let entry = try await journal.entry(InboxHeartbeat.key(for: directory)) else { return }
        heartbeat = try? JSONDecoder().decode(InboxHeartbeat.self, from: Data(entry.value.utf8))
        heartbeatAt = entry.updatedAt
    }

    public func render() -> String {
        var lines = [
            "inbox: \(mode.rawValue)",
            "waiting: \(waiting)",
            "in progress: \(inProgress)",
        ]
        if mode != .maildir {
            lines += ["processed today: \(processedToday)", "needing attention today: \(needingAttentionToday)",
                      "rejected today: \(rejectedToday)"]
        }
        lines.append("oldest waiting: " + (oldestWaitingAge.map { "\($0) s" } ?? "none"))
        if let heartbeat, let heartbeatAt {
            let t = heartbeat.tally
            lines.append("watcher: pid \(heartbeat.pid), last heartbeat \(heartbeatAt)")
            lines.append("since it started: \(t.accepted) accepted, \(t.needsAttention) needing attention, "
                         + "\(t.rejected) rejected, \(t.refused) refused, \(t.duplicates) duplicates")
            lines.append("last error: " + (t.lastError.map { "\($0) at \(t.lastErrorAt ?? "?")" } ?? "none"))
        } else {
            lines.append("watcher: no heartbeat in the store")
        }
        return lines.joined(separator: "\n") + "\n"
    }

    private static func names(_ folder: String) -> [String] {
        (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
    }

    private static func isSidecar(_ name: String) -> Bool {
        [".report.txt", ".reason.txt", ".duplicate.txt"].contains { name.hasSuffix($0) }
    }
}
