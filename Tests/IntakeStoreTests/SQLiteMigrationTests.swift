import Foundation
import GRDB
import IntakeRecord
@testable import IntakeStore
import Testing

extension IntakeStoreTests {
    @Suite("SQLite migrations") struct SQLiteMigrationTests {
        @Test("a store made before duplicate events keeps its audit log, still append-only, and takes duplicates")
        func duplicateEventsMigration() async throws {
            let path = try StoreHarness.temporaryFolder().appendingPathComponent("intake.sqlite").path
            let record = Samples.record(sha: Samples.sha(95))
            let events = [("received", "2026-03-03T09:14:03Z"), ("extracted", "2026-03-04T08:00:00Z"), ("stored", "2026-03-04T08:00:00Z")]
            // The store as the first schema left it: one record and its three events.
            let old = try DatabasePool(path: path)
            try SQLiteSchema.migrator.migrate(old, upTo: "001-records")
            try await old.write { db in
                try db.execute(sql: """
                    INSERT INTO sources (id, sha256, original_name, original_path, format, first_seen_at)
                    VALUES (1, ?, 'form.docx', ?, 'docx', '2026-03-04T08:00:00Z')
                    """, arguments: [record.source.sha256, record.source.path])
                try db.execute(sql: """
                    INSERT INTO records (id, source_id, status, record_json, stored_at, updated_at)
                    VALUES (1, 1, 'accepted', ?, '2026-03-04T08:00:00Z', '2026-03-04T08:00:00Z')
                    """, arguments: [try RecordRows.json(record)])
                for (kind, at) in events {
                    try db.execute(sql: "INSERT INTO events (record_id, sha256, kind, at) VALUES (1, ?, ?, ?)",
                                   arguments: [record.source.sha256, kind, at])
                }
            }
            try old.close()

            let store = try await StoreHarness.open(path)
            let kept = try await store.events(recordID: 1)
            #expect(kept.map(\.kind.rawValue) == events.map(\.0))
            #expect(kept.map(\.at) == events.map(\.1))
            var again = record
            again.source.path = "elsewhere/form.docx"
            #expect(try await store.save(again) == SaveResult(outcome: .duplicate, id: 1))
            #expect(try await store.events(recordID: 1).map(\.kind) == [.received, .extracted, .stored, .duplicate])
            await #expect(throws: (any Error).self) { try await store.execute("UPDATE events SET detail = 'x'") }
            await #expect(throws: (any Error).self) { try await store.execute("DELETE FROM events") }
            #expect(try await store.scalar("SELECT COUNT(*) FROM events") == 4)
            try await store.close()
        }
    }
}
