import Foundation
import IntakeRecord
@testable import IntakeStore
import Testing

extension IntakeStoreTests {
    @Suite("Duplicate sources") struct DuplicateSourceTests {
        @Test("the same file from elsewhere is a duplicate event on the first record, which keeps its source",
              arguments: Backend.allCases)
        func duplicateKeepsTheFirstSource(_ backend: Backend) async throws {
            try await StoreHarness.withFreshStore(backend) { store, _ in
                let first = Samples.record(sha: Samples.sha(80))
                let id = try await store.save(first).id
                let before = try #require(try await store.record(id: id))
                var again = first
                again.source.path = "elsewhere/copy of form.docx"
                again.source.receivedAt = "2026-04-01T10:00:00Z"

                #expect(try await store.save(again) == SaveResult(outcome: .duplicate, id: id))
                let after = try #require(try await store.record(id: id))
                #expect(after.record.source == first.source)
                #expect(after.updatedAt == before.updatedAt)
                #expect(try await store.scalar("SELECT COUNT(*) FROM sources WHERE original_path = '\(first.source.path)' AND received_at = '\(first.source.receivedAt!)'") == 1)
                #expect(try await store.scalar("SELECT COUNT(*) FROM records") == 1)
                let events = try await store.events(recordID: id)
                #expect(events.map(\.kind) == [.received, .extracted, .stored, .duplicate])
                #expect(events.last?.detail == "format=docx received=2026-04-01T10:00:00Z")

                // The file again from where it first came is no event at all.
                #expect(try await store.save(first).outcome == .unchanged)
                #expect(try await store.events(recordID: id).count == 4)

                // A new reading of the duplicate replaces the content, still under the first source.
                again.mappingVersion = "v2"
                #expect(try await store.save(again) == SaveResult(outcome: .updated, id: id))
                let remapped = try #require(try await store.record(id: id))
                #expect(remapped.record.mappingVersion == "v2")
                #expect(remapped.record.source == first.source)
                #expect(try await store.events(recordID: id).map(\.kind).suffix(2) == [.duplicate, .reprocessed])
            }
        }
    }
}
