import Foundation
import IntakeRecord
@testable import IntakeStore
import IntakeTestSupport
import Testing

extension IntakeStoreTests {
    /// Several `intake extract --share` processes over one archive and one PostgreSQL store.
    @Suite("Shared batches") struct SharedBatchTests {
        @Test func threeProcessesDivideAnArchiveWithoutReadingAFileTwice() async throws {
            let location = try StoreHarness.freshLocation(.postgres)
            let archive = StoreHarness.packageRoot.appendingPathComponent("corpus/dev")
            let files = try FileManager.default.contentsOfDirectory(atPath: archive.path)
                .filter { $0.hasSuffix(".docx") || $0.hasSuffix(".pdf") }.count
            // Create the schema first, so the three do not all race to migrate it.
            let store = try await StoreHarness.open(location)
            let processes = try (0..<3).map { _ in
                try IntakeProcess(["extract", archive.path, "--as-of", "2026-11-20", "--store", location, "--share", "--jobs", "1",
                                   "--progress-interval", "60"])
            }
            var hashes: [String] = []
            var passedOver = 0
            for process in processes {
                let result = await process.wait()
                #expect(result.status == 0 || result.status == 1, "\(result.stderr)")
                for line in result.stdout.split(separator: "\n") {
                    let record = try JSONDecoder().decode(CaseRecord.self, from: Data(line.utf8))
                    hashes.append(record.source.sha256)
                }
                if let line = result.stderr.split(separator: "\n").first(where: { $0.contains("passed over (read by another --share process): ") }) {
                    passedOver += Int(line.split(separator: " ").dropLast().last ?? "") ?? -1000
                }
            }
            #expect(hashes.count == files, "every file read once, by one of the three")
            #expect(Set(hashes).count == files)
            #expect(passedOver == 2 * files, "each file passed over by the two processes that did not read it")
            #expect(try await store.scalar("SELECT COUNT(*) FROM records") == files)
            #expect(try await store.scalar("SELECT COUNT(*) FROM batch_claims WHERE done") == files)
            try await StoreHarness.cleanUp(store, location: location)
        }

        @Test func aLapsedClaimIsTakenOverAndADoneFileNeverAgain() async throws {
            try await StoreHarness.withFreshStore(.postgres) { store, _ in
                let claims = try #require(store as? any WorkClaims)
                let sha = Samples.sha(7)
                #expect(try await claims.claim(fileSHA256: sha, owner: "a", lease: .seconds(600)))
                #expect(try await !claims.claim(fileSHA256: sha, owner: "b", lease: .seconds(600)), "held by a")
                // a died an hour ago, never finishing.
                try await store.execute("UPDATE batch_claims SET claimed_at = now() - interval '1 hour'")
                #expect(try await claims.claim(fileSHA256: sha, owner: "b", lease: .seconds(600)), "a's claim has lapsed")
                #expect(try await !claims.claim(fileSHA256: sha, owner: "c", lease: .seconds(600)), "held by b")
                try await claims.finish(fileSHA256: sha, owner: "b")
                try await store.execute("UPDATE batch_claims SET claimed_at = now() - interval '1 hour'")
                #expect(try await !claims.claim(fileSHA256: sha, owner: "c", lease: .seconds(600)), "done is done")
                // A finish by a process that lost its claim changes nothing.
                try await claims.finish(fileSHA256: Samples.sha(8), owner: "a")
                #expect(try await store.scalar("SELECT COUNT(*) FROM batch_claims") == 1)
            }
        }

        @Test func shareNeedsAPostgresStore() async throws {
            let result = try await IntakeProcess.run(["extract", StoreHarness.packageRoot.appendingPathComponent("samples").path, "--share",
                                                      "--store", try StoreHarness.freshLocation(.sqlite)])
            #expect(result.status == 2)
            #expect(result.stderr.contains("--share needs a postgres:// --store"))
        }
    }
}
