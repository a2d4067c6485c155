import Foundation
import Logging
import PostgresNIO

/// How the PostgreSQL store rides out a server that is down or restarting: each attempt has a
/// deadline, failed attempts are retried after an exponentially growing pause, and the whole
/// operation gives up with `store.unavailable` once ``totalBudget`` has passed.
///
/// Retrying a save is safe: a save is one transaction keyed by the source SHA-256, so an attempt
/// whose commit was lost in transit is found by the next one, which then changes nothing.
public struct RetryPolicy: Sendable, Equatable {
    public var initialDelay: Duration
    public var maximumDelay: Duration
    /// The longest an operation keeps retrying before it fails.
    public var totalBudget: Duration
    /// The longest one attempt may take (a hung connection counts as a failed attempt).
    public var attemptTimeout: Duration

    public init(initialDelay: Duration = .milliseconds(100), maximumDelay: Duration = .seconds(4),
                totalBudget: Duration = .seconds(30), attemptTimeout: Duration = .seconds(5)) {
        self.initialDelay = initialDelay
        self.maximumDelay = maximumDelay
        self.totalBudget = totalBudget
        self.attemptTimeout = attemptTimeout
    }

    public static let standard = RetryPolicy()

    /// The pause after the `attempt`th failure (1-based): initial × 2^(attempt-1), capped.
    func delay(after attempt: Int) -> Duration {
        let factor = 1 << min(attempt - 1, 20)
        return min(initialDelay * factor, maximumDelay)
    }

    /// Runs `body` until it succeeds, fails for good, or the budget is spent. Each attempt starts
    /// with `begin` (which picks the connection pool to use) and, when it fails in a way a later
    /// attempt may not, ends with `failed` (which may replace that pool).
    func run<T: Sendable, Context: Sendable>(
        _ operation: String, location: String, logger: Logger,
        begin: @escaping @Sendable () -> Context,
        failed: @escaping @Sendable (Context) -> Void = { _ in },
        _ body: @escaping @Sendable (Context) async throws -> T
    ) async throws -> T {
        let clock = ContinuousClock()
        let start = clock.now
        var attempt = 0
        while true {
            attempt += 1
            let context = begin()
            let failure: PostgresFailure
            do {
                return try await Self.withDeadline(attemptTimeout) { try await body(context) }
            } catch let error as StoreError {
                throw error
            } catch let error as PostgresTransactionError where error.closureError is StoreError {
                // The store's own verdict from inside a transaction (rolled back): said as it is.
                throw error.closureError!
            } catch is CancellationError {
                throw CancellationError()
            } catch {
                failure = PostgresFailure(error)
            }
            guard failure.isTransient else {
                throw StoreError(.storeFailed, "PostgreSQL at \(location) refused \(operation): \(failure.reason).")
            }
            failed(context)
            let elapsed = start.duration(to: clock.now)
            let pause = delay(after: attempt)
            guard elapsed + pause < totalBudget else {
                throw StoreError(.storeUnavailable, """
                    PostgreSQL at \(location) could not be reached while \(operation) (\(attempt) attempts over \
                    \(elapsed.components.seconds) s; last: \(failure.reason)). Check that the server is running \
                    and reachable, then run the command again: records already saved are not stored twice.
                    """)
            }
            logger.info("store unavailable, retrying", metadata: [
                "store.operation": "\(operation)", "store.attempt": "\(attempt)",
                "store.retry_in_ms": "\(Self.milliseconds(pause))",
                "error.reason": "\(failure.reason)",
            ])
            try await Task.sleep(for: pause)
        }
    }

    static func milliseconds(_ duration: Duration) -> Int64 {
        duration.components.seconds * 1000 + duration.components.attoseconds / 1_000_000_000_000_000
    }

    private struct AttemptTimedOut: Error {}

    /// `body`, or ``AttemptTimedOut`` once `limit` has passed.
    ///
    /// The attempt runs in its own task, which is cancelled, not awaited, when the deadline passes
    /// or the caller is cancelled: a connection attempt that ignores cancellation must not hold the
    /// caller past its budget, and an abandoned attempt must stop rather than go on holding a pooled
    /// connection (the store closes a connection whose attempt is cancelled, and the server's
    /// `statement_timeout` ends the statement it was running). An abandoned save that committed
    /// just before is harmless: the next attempt finds it unchanged.
    static func withDeadline<T: Sendable>(_ limit: Duration, _ body: @escaping @Sendable () async throws -> T) async throws -> T {
        let outcome = OneShot<T>()
        // `body` runs in `work` itself, not in a task `work` starts: cancelling `work` must reach it.
        let work = Task {
            do { outcome.resume(with: .success(try await body())) } catch { outcome.resume(with: .failure(error)) }
        }
        let timer = Task {
            try await Task.sleep(for: limit)
            outcome.resume(with: .failure(AttemptTimedOut()))
        }
        defer {
            work.cancel()
            timer.cancel()
        }
        return try await withTaskCancellationHandler {
            try await withCheckedThrowingContinuation { outcome.install($0) }
        } onCancel: {
            outcome.resume(with: .failure(CancellationError()))
        }
    }

    /// An error classified: may a later attempt succeed, and what to say about it (codes only).
    struct PostgresFailure {
        var isTransient: Bool
        var reason: String

        init(_ error: any Error) {
            switch error {
            case let error as PostgresTransactionError:
                let inner = error.beginError ?? error.closureError ?? error.commitError ?? error.rollbackError
                self = inner.map(PostgresFailure.init) ?? PostgresFailure(isTransient: true, reason: "transaction failed")
            case let error as PSQLError:
                if error.code == .server {
                    let state = error.serverInfo?[.sqlState] ?? "?????"
                    // 08: connection exception; 57P0x: shutdown / starting up; 57014: the
                    // attempt's statement_timeout; 53300: too many connections; 40001, 40P01:
                    // serialisation failure, deadlock.
                    let transient = state.hasPrefix("08") || state.hasPrefix("57P")
                        || ["57014", "53300", "40001", "40P01"].contains(state)
                    self.init(isTransient: transient, reason: "SQLSTATE \(state)")
                } else {
                    let transient: Set<PSQLError.Code> = [.connectionError, .serverClosedConnection, .clientClosedConnection, .uncleanShutdown]
                    self.init(isTransient: transient.contains(error.code), reason: "\(error.code)")
                }
            case is AttemptTimedOut:
                self.init(isTransient: true, reason: "no answer within the attempt deadline")
            case let error as StoreError:
                self.init(isTransient: false, reason: error.message)
            case is PostgresDecodingError:
                self.init(isTransient: false, reason: "a stored value has an unexpected type; the schema may be newer than this intake")
            case is CancellationError:
                self.init(isTransient: false, reason: "cancelled")
            default:
                // The pool's own errors (circuit breaker open, connection refused) mean "not now".
                self.init(isTransient: true, reason: "\(type(of: error))")
            }
        }

        init(isTransient: Bool, reason: String) {
            self.isTransient = isTransient
            self.reason = reason
        }
    }
}

/// A result delivered once to a continuation that may be installed before or after it arrives.
private final class OneShot<T: Sendable>: @unchecked Sendable {
    private let lock = NSLock()
    private var continuation: CheckedContinuation<T, any Error>?
    private var result: Result<T, any Error>?

    func install(_ continuation: CheckedContinuation<T, any Error>) {
        lock.lock()
        if let result {
            lock.unlock()
            continuation.resume(with: result)
        } else {
            self.continuation = continuation
            lock.unlock()
        }
    }

    /// The first result wins; later ones are dropped.
    func resume(with result: Result<T, any Error>) {
        lock.lock()
        guard self.result == nil else { lock.unlock(); return }
        self.result = result
        let continuation = self.continuation
        self.continuation = nil
        lock.unlock()
        continuation?.resume(with: result)
    }
}
