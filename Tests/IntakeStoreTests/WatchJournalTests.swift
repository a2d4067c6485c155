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

        @Test("entries are listed by exact prefix, wildcards and case taken literally", arguments: Backend.allCases)
        func entriesByPrefix(_ backend: Backend) async throws {
            try await StoreHarness.withFreshStore(backend) { store, _ in
                for key in ["heartbeat:a_1:host:7", "heartbeat:a_1:host:12", "heartbeat:ab1:host:9", "Heartbeat:a_1:x:1",
                            "heartbeat:a%1:host:3", "file:heartbeat:a_1:"] {
                    try await store.setEntry(key, value: "v " + key)
                }
                let listed = try await store.entries(prefix: "heartbeat:a_1:")
                #expect(listed.map(\.key) == ["heartbeat:a_1:host:12", "heartbeat:a_1:host:7"])
                #expect(listed.map(\.entry.value) == ["v heartbeat:a_1:host:12", "v heartbeat:a_1:host:7"])
                #expect(listed.allSatisfy { !$0.entry.updatedAt.isEmpty })
                #expect(try await store.entries(prefix: "heartbeat:a%").map(\.key) == ["heartbeat:a%1:host:3"])
                #expect(try await store.entries(prefix: "nothing:").isEmpty)
                #expect(try await store.entries(prefix: "").count == 6)
            }
        }
    }
}
