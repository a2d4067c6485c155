import Foundation
import IntakeRecord
@testable import IntakeStore
import Testing

extension IntakeStoreTests {
    /// The inbox watcher's journal, on both stores: what a crash resumes from.
    @Suite("Watch journal") struct WatchJournalTests {
        @Test("the first claim of a key holds, entries are replaced, a duplicate event is kept", arguments: Backend.allCases)
        func journal(_ backend: Backend) async throws {
            try await StoreHarness.withFreshStore(backend) { store, _ in
                #expect(try await store.claimEntry("file:a", value: "first") == "first")
                #expect(try await store.claimEntry("file:a", value: "second") == "first")
                try await store.setEntry("file:a", value: "third")
                #expect(try await store.entry("file:a")?.value == "third")
                #expect(try await store.entry("file:b") == nil)
                let id = try await store.save(Samples.record(sha: Samples.sha(60))).id
                #expect(try await store.recordID(sha256: Samples.sha(60)) == id)
                #expect(try await store.recordID(sha256: Samples.sha(61)) == nil)
                try await store.appendEvent(.duplicate, recordID: id, detail: "claim=x")
                #expect(try await store.events(recordID: id).map(\.kind) == [.received, .extracted, .stored, .duplicate])
            }
        }
    }
}
