import Foundation
import IntakeRecord
@testable import IntakeStore
import IntakeTestSupport
import Testing

extension IntakeStoreTests {
    /// The PostgreSQL server stopped in the middle of a batch, then started again.
    @Suite("PostgreSQL outage") struct PostgresOutageTests {
        static func control(_ action: String) async throws {
            let ctl = try StoreHarness.postgresControl()
            let result = await (try IntakeProcess([action], executable: URL(fileURLWithPath: ctl))).wait()
            guard result.status == 0 else {
                throw HarnessError(description: "\(ctl) \(action) exited \(result.status)")
            }
        }

        static func saveAll(_ records: ArraySlice<CaseRecord>, in store: any RecordStore) -> Task<[SaveOutcome], any Error> {
            Task {
                var outcomes: [SaveOutcome] = []
                for record in records { outcomes.append(try await store.save(record).outcome) }
                return outcomes
            }
        }

        @Test("saves ride out a stopped server: every record stored once, none half-written")
        func serverStoppedMidBatch() async throws {
            let location = try StoreHarness.freshLocation(.postgres)
            let sink = LogSink()
            let store = try await StoreHarness.open(location, logger: StoreHarness.logger(sink))
            let count = 300
            let records = (0..<count).map { Samples.record(sha: Samples.sha(5000 + $0), reference: "OUT-\($0 / 2)") }

            // The first half is being saved when the server stops (the default policy retries
            // for up to 30 s): a save cut off mid-transaction must leave nothing behind.
            let early = Self.saveAll(records[..<(count / 2)], in: store)
            var progress = 0
            while progress < 30 {
                try await Task.sleep(for: .milliseconds(20))
                progress = try await store.scalar("SELECT COUNT(*) FROM records")
            }
            // A store with a short budget, to see the error a caller gets while the server is down.
            let short = RetryPolicy(totalBudget: .milliseconds(800), attemptTimeout: .milliseconds(400))
            let impatient = try await PostgresRecordStore(url: location, logger: StoreHarness.logger(), retry: short)
            try await Self.control("stop")
            // The second half starts while the server is down, so it can only succeed by retrying.
            let late = Self.saveAll(records[(count / 2)...], in: store)
            // Expectations record failures without throwing, so the server is always started again.
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
            try await Self.control("start")
            try await impatient.close()

            let earlyOutcomes = try await early.value
            let lateOutcomes = try await late.value
            // A commit whose acknowledgement was lost is found by the retry, which changes nothing.
            #expect(earlyOutcomes.count == count / 2)
            #expect(earlyOutcomes.allSatisfy { $0 == .inserted || $0 == .unchanged })
            #expect(lateOutcomes == Array(repeating: .inserted, count: count - count / 2))
            // Each record once, each whole: its source, fields, finding and three events.
            let fieldsPerRecord = records[0].fields.count
            #expect(try await store.scalar("SELECT COUNT(DISTINCT sha256) FROM sources") == count)
            #expect(try await store.scalar("SELECT COUNT(*) FROM sources") == count)
            #expect(try await store.scalar("SELECT COUNT(*) FROM records") == count)
            #expect(try await store.scalar("""
                SELECT COUNT(*) FROM records r
                WHERE (SELECT COUNT(*) FROM fields f WHERE f.record_id = r.id) <> \(fieldsPerRecord)
                   OR (SELECT COUNT(*) FROM findings f WHERE f.record_id = r.id) <> 1
                   OR COALESCE((SELECT string_agg(kind, ',' ORDER BY id) FROM events e WHERE e.record_id = r.id), '') <> 'received,extracted,stored'
                """) == 0)
            #expect(try await store.scalar("SELECT COUNT(*) FROM fields") == count * fieldsPerRecord)
            #expect(try await store.scalar("SELECT COUNT(*) FROM events") == count * 3)
            #expect(!sink.text.contains(Samples.childName))
            try await StoreHarness.cleanUp(store, location: location)
        }
    }
}
