import Foundation
import IntakeRecord
@testable import IntakeStore
import IntakeTestSupport
import Testing

extension IntakeStoreTests {
    /// Two `intake records import` processes storing the same file into the same store at once.
    @Suite("Concurrent writers") struct ConcurrentWriterTests {
        @Test("two processes importing the same records store each source once", arguments: Backend.allCases)
        func twoProcessesRace(_ backend: Backend) async throws {
            let location = try StoreHarness.freshLocation(backend)
            let count = 60
            // Half linked into cases, half flagged, so both writers contend on cases too.
            let records = (0..<count).map { n in
                Samples.record(sha: Samples.sha(1000 + n), stage: 3 + n % 3, reference: "REF-\(n / 3)",
                               childName: "Child \(n / 3)", errors: n % 4 == 0)
            }
            let file = try StoreHarness.temporaryFolder().appendingPathComponent("same.jsonl")
            try Samples.jsonl(records).write(to: file)

            let writers = try (0..<2).map { _ in
                try IntakeProcess(["records", "import", file.path, "--store", location])
            }
            var inserted = 0
            for writer in writers {
                let result = await writer.wait()
                #expect(result.status == 0, "intake records import failed: \(result.stderr)")
                #expect(result.stdout.hasPrefix("imported \(count) records"))
                inserted += Int(result.stdout.split(separator: ":").last?.split(separator: " ").first ?? "") ?? 0
            }
            #expect(inserted == count, "each record inserted by exactly one of the two writers")

            let store = try await StoreHarness.open(location)
            #expect(try await store.scalar("SELECT COUNT(*) FROM sources") == count)
            #expect(try await store.scalar("SELECT COUNT(DISTINCT sha256) FROM sources") == count)
            #expect(try await store.scalar("SELECT COUNT(*) FROM records") == count)
            #expect(try await store.scalar("SELECT COUNT(*) FROM events WHERE kind = 'stored'") == count)
            #expect(try await store.scalar("SELECT COUNT(*) FROM cases c WHERE EXISTS (SELECT 1 FROM records r WHERE r.case_id = c.id)") == count / 3)
            try await StoreHarness.cleanUp(store, location: location)
        }
    }
}
