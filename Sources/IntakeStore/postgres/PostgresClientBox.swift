import Foundation
import Logging
import PostgresNIO

/// The store's pooled `PostgresClient` and the task that runs it, replaced after a connection
/// failure: a fresh pool starts connecting at once when the server is back, instead of waiting
/// out the old pool's back-off or requests it queued while the server was down.
final class PostgresClientBox: @unchecked Sendable {
    struct Current: Sendable {
        var client: PostgresClient
        var generation: Int
    }

    private let lock = NSLock()
    private let configuration: PostgresClient.Configuration
    private let logger: Logger
    private var current: Current
    /// Run tasks of every pool started, the current one last.
    private var runs: [Task<Void, Never>] = []

    init(configuration: PostgresClient.Configuration, logger: Logger) {
        self.configuration = configuration
        self.logger = logger
        let client = PostgresClient(configuration: configuration, backgroundLogger: logger)
        current = Current(client: client, generation: 0)
        runs = [Task { await client.run() }]
    }

    /// The pool to use now.
    func begin() -> Current { lock.withLock { current } }

    /// Retires the pool of `generation` (unless it was already replaced) and starts a new one.
    func replace(_ generation: Int) {
        let replaced = lock.withLock { () -> Bool in
            guard current.generation == generation, let old = runs.last else { return false }
            // Cancelling run() force-closes the old pool: requests still in it fail and are retried.
            old.cancel()
            let client = PostgresClient(configuration: configuration, backgroundLogger: logger)
            current = Current(client: client, generation: generation + 1)
            runs.append(Task { await client.run() })
            return true
        }
        guard replaced else { return }
        logger.debug("store connection pool replaced", metadata: ["store.pool": "\(generation + 1)"])
    }

    /// Shuts every pool down, waiting a bounded time for each.
    func close() async {
        let runs = lock.withLock { self.runs }
        for run in runs { run.cancel() }
        for run in runs {
            _ = try? await RetryPolicy.withDeadline(.seconds(5)) { await run.value }
        }
    }
}
