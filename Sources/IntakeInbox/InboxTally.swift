import Foundation
import IntakeRecord
import Synchronization

/// What a watcher has done since it started: read by `--once` for its exit status and written
/// into the heartbeat. Shared between the watcher and the command, hence the lock.
public final class InboxTally: Sendable {
    public struct Snapshot: Codable, Sendable, Equatable {
        public var accepted = 0
        public var needsAttention = 0
        public var rejected = 0
        public var duplicates = 0
        public var refused = 0
        /// Records (not files) that needed attention or were rejected.
        public var recordsNotAccepted = 0
        public var lastError: String?
        public var lastErrorAt: String?
    }

    private let state = Mutex(Snapshot())

    public init() {}

    func count(_ outcome: InboxClerk.Outcome) {
        state.withLock { tally in
            switch outcome {
            case .filed(let status, let allAccepted):
                switch status {
                case .accepted: tally.accepted += 1
                case .needsAttention: tally.needsAttention += 1
                case .rejected: tally.rejected += 1
                }
                if !allAccepted { tally.recordsNotAccepted += 1 }
            case .duplicate: tally.duplicates += 1
            case .refused: tally.refused += 1
            case .putBack: break
            }
        }
    }

    func failed(_ code: String) {
        let now = ISO8601DateFormatter().string(from: Date())
        state.withLock { $0.lastError = code; $0.lastErrorAt = now }
    }

    public func snapshot() -> Snapshot { state.withLock { $0 } }

    /// As `intake extract` exits: true when any record needed attention or was rejected, or a
    /// file was refused.
    public var anyNotAccepted: Bool {
        let tally = snapshot()
        return tally.recordsNotAccepted + tally.refused > 0
    }
}

extension Duration {
    var wholeMilliseconds: Int64 {
        components.seconds * 1000 + components.attoseconds / 1_000_000_000_000_000
    }
}
