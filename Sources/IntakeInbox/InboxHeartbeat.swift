import Foundation

/// One watcher's heartbeat in the store's journal, under ``key(for:host:pid:)``: one key per
/// watcher, so that two watchers on one inbox (two machines on a share) are both seen.
///
/// The key carries a hash of the inbox's path, not the path: the store never holds a folder's
/// name, and no inbox's prefix can be the start of another's (`/a` and `/a:b`).
public struct InboxHeartbeat: Codable, Sendable {
    public var pid: Int32
    public var host: String?
    public var mode: String
    /// Seconds between this watcher's heartbeats: how `intake status` tells one gone quiet.
    public var interval: Double?
    /// Written by the last heartbeat of a watcher that stopped gracefully.
    public var stopped: Bool?
    public var tally: InboxTally.Snapshot

    /// Missing this many heartbeats in a row, a watcher is taken to have stopped.
    static let missedBeats = 3.0

    public static func prefix(for root: String) -> String {
        "heartbeat:" + String(InboxClaims.hex(URL(fileURLWithPath: root).standardizedFileURL.path).prefix(16)) + ":"
    }

    public static func key(for root: String, host: String = InboxLayout.hostName, pid: Int32 = getpid()) -> String {
        prefix(for: root) + host + ":" + String(pid)
    }

    /// How `intake status` names the watcher and says whether it is alive, e.g. `watcher pid 12
    /// on host-a: last heartbeat 10 min ago, probably stopped`.
    func summary(writtenAt: Date, now: Date) -> String {
        let age = max(0, now.timeIntervalSince(writtenAt))
        let head = "watcher pid \(pid) on \(host ?? "an unknown host")"
        if stopped == true { return head + ": stopped \(Self.describe(age)) ago" }
        let quiet = age > Self.missedBeats * (interval ?? 5)
        return head + ": last heartbeat \(Self.describe(age)) ago" + (quiet ? ", probably stopped" : "")
    }

    /// `42 s`, `10 min`, `5 h`, `3 days`: as precise as a person reading status needs.
    static func describe(_ seconds: TimeInterval) -> String {
        let s = Int(seconds)
        switch s {
        case ..<120: return "\(s) s"
        case ..<7200: return "\(s / 60) min"
        case ..<172_800: return "\(s / 3600) h"
        default: return "\(s / 86400) days"
        }
    }
}
