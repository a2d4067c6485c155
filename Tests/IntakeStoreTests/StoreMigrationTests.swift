import Foundation
import GRDB
import IntakeRecord
@testable import IntakeStore
import Testing

extension IntakeStoreTests {
    @Suite("Store migrations") struct StoreMigrationTests {
        @Test("a store made before duplicate events upgrades: its audit log kept, still append-only, duplicates taken",
              arguments: Backend.allCases)
        func upgradesAnEarlierStore(_ backend: Backend) async throws {
            let location = try StoreHarness.freshLocation(backend)
            let record = Samples.record(sha: Samples.sha(95))
            let events = [("received", "2026-03-03T09:14:03Z"), ("extracted", "2026-03-04T08:00:00Z"), ("stored", "2026-03-04T08:00:00Z")]
            // The store as the first schema left it: one record and its three events.
            let old = try await Self.firstSchemaStore(backend, location: location)
            try await old.execute("""
                INSERT INTO sources (sha256, original_name, original_path, format, first_seen_at)
                VALUES ('\(record.source.sha256)', 'form.docx', 'in/form.docx', 'docx', '2026-03-04T08:00:00Z')
                """)
            let json = "'" + (try RecordRows.json(record)).replacingOccurrences(of: "'", with: "''") + "'"
                + (backend == .postgres ? "::jsonb" : "")
            try await old.execute("""
                INSERT INTO records (source_id, status, record_json, stored_at, updated_at)
                SELECT id, 'accepted', \(json), '2026-03-04T08:00:00Z', '2026-03-04T08:00:00Z' FROM sources
                """)
            for (kind, at) in events {
                try await old.execute("""
                    INSERT INTO events (record_id, sha256, kind, at) SELECT id, '\(record.source.sha256)', '\(kind)', '\(at)' FROM records
                    """)
            }
            // The first schema refuses duplicate events.
            await #expect(throws: (any Error).self) {
                try await old.execute("INSERT INTO events (record_id, sha256, kind, at) SELECT id, 'x', 'duplicate', 'now' FROM records")
            }
            try await old.close()

            let store = try await StoreHarness.open(location)
            let id = Int64(try await store.scalar("SELECT id FROM records"))
            let kept = try await store.events(recordID: id)
            #expect(kept.map(\.kind.rawValue) == events.map(\.0))
            #expect(kept.map(\.at) == events.map(\.1))
            var again = record
            again.source.path = "elsewhere/form.docx"
            #expect(try await store.save(again) == SaveResult(outcome: .duplicate, id: id))
            #expect(try await store.events(recordID: id).map(\.kind) == [.received, .extracted, .stored, .duplicate])
            await #expect(throws: (any Error).self) { try await store.execute("UPDATE events SET detail = 'x'") }
            await #expect(throws: (any Error).self) { try await store.execute("DELETE FROM events") }
            #expect(try await store.scalar("SELECT COUNT(*) FROM events") == 4)
            // Recorded in the store's own table, as earlier code recorded them.
            let ledger = backend == .sqlite ? "SELECT identifier FROM grdb_migrations" : "SELECT version::text FROM schema_migrations"
            #expect(try await store.texts(ledger).sorted() == (backend == .sqlite ? ["001-records", "002-watch"] : ["1", "2", "3"]))
            // And it is now the schema a fresh store has.
            try await StoreHarness.withFreshStore(backend) { fresh, _ in
                let (made, upgraded) = (try await Catalogue(fresh, backend), try await Catalogue(store, backend))
                #expect(made == upgraded)
            }
            try await StoreHarness.cleanUp(store, location: location)
        }

        @Test("a fresh SQLite store and a fresh PostgreSQL store have the same tables, columns, indexes and triggers")
        func sameSchemaOnBoth() async throws {
            try await StoreHarness.withFreshStore(.sqlite) { sqlite, _ in
                try await StoreHarness.withFreshStore(.postgres) { postgres, _ in
                    let (a, b) = (try await Catalogue(sqlite, .sqlite), try await Catalogue(postgres, .postgres))
                    #expect(a == b)
                    #expect(a.tables.contains("events") && a.tables.contains("watch_state") && a.indexes.contains("events_record"))
                    #expect(a.triggerTables == ["events"])
                }
            }
        }

        @Test("applying the migrations again changes nothing", arguments: Backend.allCases)
        func applyingTwiceChangesNothing(_ backend: Backend) async throws {
            try await StoreHarness.withFreshStore(backend) { store, _ in
                try await store.save(Samples.record(sha: Samples.sha(96)))
                let before = try await Catalogue(store, backend)
                let ledger = backend == .sqlite ? "grdb_migrations" : "schema_migrations"
                let recorded = try await store.scalar("SELECT COUNT(*) FROM \(ledger)")
                #expect(try await store.migrateAgain().isEmpty)
                #expect(try await Catalogue(store, backend) == before)
                #expect(try await store.scalar("SELECT COUNT(*) FROM \(ledger)") == recorded)
                #expect(try await store.scalar("SELECT COUNT(*) FROM records") == 1)
            }
        }

        /// A store as the code before the shared migrations made it with its first migration:
        /// SQLite through GRDB's migrator (which keeps `grdb_migrations`), PostgreSQL with
        /// `schema_migrations` (version, name, applied_at) holding version 1.
        static func firstSchemaStore(_ backend: Backend, location: String) async throws -> any RecordStore & StoreInspection {
            let first = try #require(StoreMigrations.all.first)
            switch backend {
            case .sqlite:
                try FileManager.default.createDirectory(atPath: (location as NSString).deletingLastPathComponent,
                                                        withIntermediateDirectories: true)
                var migrator = DatabaseMigrator()
                migrator.registerMigration(try #require(first.sqliteIdentifier)) { db in
                    for statement in first.statements(.sqlite) { try db.execute(sql: statement) }
                }
                let pool = try DatabasePool(path: location)
                try migrator.migrate(pool)
                try pool.close()
                // Opened applying nothing, to plant its rows.
                return try await SQLiteRecordStore(path: location, logger: StoreHarness.logger(), migrations: [])
            case .postgres:
                return try await PostgresRecordStore(url: location, logger: StoreHarness.logger(), retry: .standard,
                                                     access: .createIfMissing, migrations: [first])
            }
        }
    }
}

/// What a store's catalogue holds, in terms both engines share; each store's own table of
/// applied migrations left out, and PostgreSQL's batch claims (`--share` only, see
/// StoreMigrations.swift).
struct Catalogue: Equatable, CustomStringConvertible {
    var tables: [String]
    /// `table.column`.
    var columns: [String]
    /// Indexes created by name (not those SQLite or PostgreSQL make for keys and UNIQUE).
    var indexes: [String]
    var triggerTables: [String]

    init(_ store: any StoreInspection, _ backend: Backend) async throws {
        let own: Set<String> = ["grdb_migrations", "schema_migrations", "batch_claims"]
        let keep = { (names: [String]) in names.filter { !own.contains(String($0.split(separator: ".")[0])) }.sorted() }
        switch backend {
        case .sqlite:
            let tables = "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
            self.tables = keep(try await store.texts(tables))
            columns = keep(try await store.texts("""
                SELECT m.name || '.' || p.name FROM sqlite_master m JOIN pragma_table_info(m.name) p
                WHERE m.type = 'table' AND m.name NOT LIKE 'sqlite_%'
                """))
            indexes = try await store.texts("SELECT name FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL").sorted()
            triggerTables = Array(Set(try await store.texts("SELECT tbl_name FROM sqlite_master WHERE type = 'trigger'"))).sorted()
        case .postgres:
            tables = keep(try await store.texts("""
                SELECT table_name::text FROM information_schema.tables WHERE table_schema = current_schema()
                """))
            columns = keep(try await store.texts("""
                SELECT (table_name || '.' || column_name)::text FROM information_schema.columns
                WHERE table_schema = current_schema()
                """))
            indexes = try await store.texts("""
                SELECT i.indexname::text FROM pg_indexes i WHERE i.schemaname = current_schema()
                AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conname = i.indexname)
                """).sorted()
            triggerTables = Array(Set(try await store.texts("""
                SELECT event_object_table::text FROM information_schema.triggers WHERE trigger_schema = current_schema()
                """))).sorted()
        }
    }

    var description: String { "tables \(tables), columns \(columns), indexes \(indexes), triggers on \(triggerTables)" }
}
