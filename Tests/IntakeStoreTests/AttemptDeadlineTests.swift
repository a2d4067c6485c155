import Foundation
import IntakeRecord
@testable import IntakeStore
import Testing

extension IntakeStoreTests {
    /// An attempt past its deadline is abandoned by the retry loop; it must then stop, not go on
    /// holding a pooled connection or commit behind the caller's back.
    @Suite("Attempt deadlines") struct AttemptDeadlineTests {
        @Test("the deadline cancels the attempt it abandons", .timeLimit(.minutes(1)))
        func deadlineCancelsTheAttempt() async throws {
            let (ended, report) = AsyncStream.makeStream(of: Bool.self)
            await #expect(throws: (any Error).self) {
                try await RetryPolicy.withDeadline(.milliseconds(50)) {
                    do {
                        try await Task.sleep(for: .seconds(600))
                    } catch {
                        report.yield(Task.isCancelled)
                        throw error
                    }
                }
            }
            // Without cancellation the attempt sleeps on and the time limit fails the test.
            var iterator = ended.makeAsyncIterator()
            #expect(await iterator.next() == true, "the abandoned attempt was cancelled")
        }

        @Test("a save abandoned at its deadline stops waiting on the server and never commits later", .timeLimit(.minutes(2)))
        func abandonedSaveStops() async throws {
            let location = try StoreHarness.freshLocation(.postgres)
            let logger = StoreHarness.logger()
            let holder = try await PostgresRecordStore(
                url: location, logger: logger, retry: RetryPolicy(totalBudget: .seconds(120), attemptTimeout: .seconds(120)))
            // Deadlines long enough to connect and migrate on a slow (sanitised, loaded) machine;
            // every save attempt still outlives them, waiting on the lock.
            let impatient = try await PostgresRecordStore(
                url: location, logger: logger,
                retry: RetryPolicy(initialDelay: .milliseconds(100), totalBudget: .seconds(8), attemptTimeout: .seconds(2)))
            let record = Samples.record(sha: Samples.sha(7100))
            let (locked, lockTaken) = AsyncStream.makeStream(of: Void.self)
            let (release, releaseLock) = AsyncStream.makeStream(of: Void.self)
            // Another writer holds this record's save lock until the test lets go.
            let holding = Task {
                try await holder.transaction("holding the save lock") { db in
                    try await db.rows("SELECT pg_advisory_xact_lock(hashtextextended($1, $2))",
                                      [record.source.sha256, PostgresStoreConnection.saveLockSeed], logger: logger)
                    lockTaken.yield()
                    for await _ in release { break }
                }
            }
            for await _ in locked { break }

            let error = await #expect(throws: StoreError.self) { try await impatient.save(record) }
            #expect(error?.code == .storeUnavailable)
            // Every abandoned attempt stops waiting for the lock (the time limit guards a hang).
            while try await holder.scalar("SELECT COUNT(*) FROM pg_locks WHERE locktype = 'advisory' AND NOT granted") > 0 {
                try await Task.sleep(for: .milliseconds(50))
            }
            releaseLock.yield()
            try await holding.value
            // With nothing left waiting, nothing can commit late: the failed save stored nothing.
            #expect(try await holder.scalar("SELECT COUNT(*) FROM records") == 0)
            // The impatient store's pool still serves.
            #expect(try await impatient.save(record).outcome == .inserted)
            try await impatient.close()
            try await StoreHarness.cleanUp(holder, location: location)
        }
    }
}
