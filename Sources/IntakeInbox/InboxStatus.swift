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
    /// Every watcher's last heartbeat and when it was written, by key.
    public var watchers: [(heartbeat: InboxHeartbeat, writtenAt: Date)] = []
    /// Watchers silent for longer than ``forgottenAfter``: counted, not listed.
    public var forgottenWatchers = 0
    public let now: Date

    /// A watcher stopped for longer than this is history, not news.
    static let forgottenAfter: TimeInterval = 86_400

    public init(directory: String, ignore: [String] = InboxWatcher.defaultIgnore, now: Date = Date()) {
        let layout = InboxLayout(root: directory, inPlace: false)
        self.now = now
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

    /// Reads every watcher's heartbeat for this inbox from the store.
    public mutating func readHeartbeats(from journal: any WatchJournal, directory: String) async throws {
        let dates = ISO8601DateFormatter()
        for (_, entry) in try await journal.entries(prefix: InboxHeartbeat.prefix(for: directory)) {
            guard let beat = try? JSONDecoder().decode(InboxHeartbeat.self, from: Data(entry.value.utf8)),
                  let writtenAt = dates.date(from: entry.updatedAt) else { continue }
            if now.timeIntervalSince(writtenAt) > Self.forgottenAfter {
                forgottenWatchers += 1
            } else {
                watchers.append((beat, writtenAt))
            }
        }
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
        for (heartbeat, writtenAt) in watchers {
            let t = heartbeat.tally
            lines.append(heartbeat.summary(writtenAt: writtenAt, now: now))
            lines.append("  since it started: \(t.accepted) accepted, \(t.needsAttention) needing attention, "
                         + "\(t.rejected) rejected, \(t.refused) refused, \(t.duplicates) duplicates")
            lines.append("  last error: " + (t.lastError.map { "\($0) at \(t.lastErrorAt ?? "?")" } ?? "none"))
        }
        if forgottenWatchers > 0 {
            lines.append("earlier watchers, silent for more than a day: \(forgottenWatchers)")
        }
        if watchers.isEmpty && forgottenWatchers == 0 {
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
