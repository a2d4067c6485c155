import IntakeRecord
import ServiceLifecycle
import Synchronization

/// `--jobs N`: up to N files finished at once. Each file is still claimed by its own rename,
/// committed before it is filed, and noted; what changes is only that several are in hand.
extension InboxWatcher {
    /// Finishes the ready files, up to ``Options/jobs`` at once, and returns how many were put
    /// back. Every one is done when it returns, so leftovers are resumed only while nothing is
    /// in hand (a claim of this process is taken for a leftover only then).
    func handleAll(_ paths: [String], inPlaceDone: InPlaceDone) async -> Int {
        await withTaskGroup(of: InboxClerk.Outcome?.self) { group in
            var putBack = 0, running = 0
            for path in paths {
                if Task.isShuttingDownGracefully { break }
                if running == options.jobs, let outcome = await group.next() {
                    running -= 1
                    if outcome == .putBack { putBack += 1 }
                }
                group.addTask { await handle(path, inPlaceDone: inPlaceDone) }
                running += 1
            }
            for await outcome in group where outcome == .putBack { putBack += 1 }
            return putBack
        }
    }
}

/// The SHA-256s of the files this watcher has in hand. The journal keeps a second claim of one
/// content waiting while the first's claim is there (in `.processing/`, or unseen in a
/// Maildir's `cur/`); an in-place claim leaves no such trace, so within one watcher this set does.
final class ContentInHand: Sendable {
    private let shas = Mutex<Set<String>>([])

    /// False when another job holds this content.
    func take(_ sha: String) -> Bool { shas.withLock { $0.insert(sha).inserted } }
    func release(_ sha: String) { _ = shas.withLock { $0.remove(sha) } }
}

/// What an `--in-place` inbox has done this run, shared by the jobs (the journal is the truth).
final class InPlaceDone: Sendable {
    private let keys = Mutex<Set<String>>([])

    func contains(_ key: String) -> Bool { keys.withLock { $0.contains(key) } }
    func insert(_ key: String) { _ = keys.withLock { $0.insert(key) } }
}

/// Records of files finished at once are printed whole, one after another.
final class SerialOutput: Sendable {
    private let lock = Mutex(())
    private let output: @Sendable (CaseRecord) -> Void

    init(_ output: @escaping @Sendable (CaseRecord) -> Void) { self.output = output }

    func print(_ record: CaseRecord) { lock.withLock { _ in output(record) } }
}
