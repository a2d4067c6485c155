import Foundation
import IntakeRecord
@testable import IntakeStore
import Testing

extension IntakeStoreTests {
    /// The PostgreSQL server stopped in the middle of a batch, then started again.
    @Suite("PostgreSQL outage") struct PostgresOutageTests {
        static func control(_ action: String) async throws {
            let ctl = try StoreHarness.postgresControl()
            let process = Process()
            process.executableURL = URL(fileURLWithPath: ctl)
            process.arguments = [action]
            try process.run()
            await withCheckedContinuation { (c: CheckedContinuation<Void, Never>) in
                DispatchQueue.global().async { process.waitUntilExit(); c.resume() }
            }
            guard process.terminationStatus == 0 else {
                throw HarnessError(description: "\(ctl) \(action) exited \(process.terminationStatus)")
            }
        }

        @Test("saves retry with back-off while the server is down and store every record once")
        func serverStoppedMidBatch() async throws {
            let location = try StoreHarness.freshLocation(.postgres)
            let sink = LogSink()
            let store = try await StoreHarness.open(location, logger: StoreHarness.logger(sink))
            let count = 300
            let records = (0..<count).map { Samples.record(sha: Samples.sha(5000 + $0), reference: "OUT-\($0 / 2)") }

            // The batch: the default policy retries for up to 30 s.
            let batch = Task {
                var outcomes: [SaveOutcome] = []
                for record in records { outcomes.append(try await store.save(record).outcome) }
                return outcomes
            }
            // Stop the server once the batch is well under way.
            var progress = 0
            while progress < 30 {
                try await Task.sleep(for: .milliseconds(20))
                progress = try await store.scalar("SELECT COUNT(*) FROM records")
            }
            // A store with a short budget, to see the error a caller gets while the server is down.
            let short = RetryPolicy(totalBudget: .milliseconds(800), attemptTimeout: .milliseconds(400))
            let impatient = try await PostgresRecordStore(url: location, logger: StoreHarness.logger(), retry: short)
            try await Self.control("stop")
            do {
                let saveError = await #expect(throws: StoreError.self) {
                    try await impatient.save(Samples.record(sha: Samples.sha(9999)))
                }
                #expect(saveError?.code == .storeUnavailable)
                #expect(saveError?.message.contains("127.0.0.1:") == true)
                #expect(saveError?.message.contains("saving a record") == true)
                let openError = await #expect(throws: StoreError.self) {
                    _ = try await PostgresRecordStore(url: location, logger: StoreHarness.logger(), retry: short)
                }
                #expect(openError?.code == .storeUnavailable)
                try await Task.sleep(for: .seconds(1))
            } catch {
                try? await Self.control("start")
                throw error
            }
            try await Self.control("start")
            try await impatient.close()

            let outcomes = try await batch.value
            #expect(outcomes.count == count)
            // A commit whose acknowledgement was lost is found by the retry, which changes nothing.
            #expect(outcomes.allSatisfy { $0 == .inserted || $0 == .unchanged })
            let sources = try await store.scalar("SELECT COUNT(*) FROM sources")
            let stored = try await store.scalar("SELECT COUNT(*) FROM records")
            let storedEvents = try await store.scalar("SELECT COUNT(*) FROM events WHERE kind = 'stored'")
            let fields = try await store.scalar("SELECT COUNT(*) FROM fields")
            // The batch rode out the outage by retrying, and said so (without values) in its log.
            #expect(sink.text.contains("store unavailable, retrying"))
            #expect(!sink.text.contains(Samples.childName))
            #expect(sources == count)
            #expect(stored == count)
            #expect(storedEvents == count)
            #expect(fields == count * records[0].fields.count)
            try await StoreHarness.cleanUp(store, location: location)
        }
    }
}
