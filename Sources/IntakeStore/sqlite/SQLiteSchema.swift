import GRDB

/// The SQLite schema, as numbered GRDB migrations (recorded in `grdb_migrations`). Only ever
/// add a migration; never edit one that has shipped.
enum SQLiteSchema {
    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("001-records") { db in
            try db.execute(sql: """
                CREATE TABLE sources (
                    id INTEGER PRIMARY KEY,
                    sha256 TEXT NOT NULL UNIQUE,
                    original_name TEXT NOT NULL,
                    original_path TEXT NOT NULL,
                    format TEXT NOT NULL,
                    size INTEGER,
                    received_at TEXT,
                    sender TEXT,
                    email_path TEXT,
                    email_subject TEXT,
                    first_seen_at TEXT NOT NULL
                );
                CREATE TABLE cases (
                    id INTEGER PRIMARY KEY,
                    partnership TEXT,
                    reference TEXT,
                    opened_at TEXT NOT NULL,
                    updated_at TEXT NOT NULL
                );
                CREATE TABLE case_keys (
                    key TEXT PRIMARY KEY,
                    case_id INTEGER NOT NULL REFERENCES cases(id)
                );
                CREATE INDEX case_keys_case ON case_keys(case_id);
                CREATE TABLE records (
                    id INTEGER PRIMARY KEY,
                    source_id INTEGER NOT NULL UNIQUE REFERENCES sources(id),
                    kind TEXT,
                    partnership TEXT,
                    mapping TEXT,
                    mapping_version TEXT,
                    status TEXT NOT NULL CHECK (status IN ('accepted', 'needs-attention', 'rejected')),
                    stage INTEGER,
                    doc_date TEXT,
                    case_ref TEXT,
                    case_id INTEGER REFERENCES cases(id) ON DELETE SET NULL,
                    record_json TEXT NOT NULL,
                    stored_at TEXT NOT NULL,
                    updated_at TEXT NOT NULL,
                    resolved_at TEXT,
                    resolution_note TEXT
                );
                CREATE INDEX records_status ON records(status);
                CREATE INDEX records_partnership ON records(partnership);
                CREATE INDEX records_case ON records(case_id);
                CREATE TABLE fields (
                    id INTEGER PRIMARY KEY,
                    record_id INTEGER NOT NULL REFERENCES records(id) ON DELETE CASCADE,
                    position INTEGER NOT NULL,
                    key TEXT NOT NULL,
                    value_type TEXT NOT NULL,
                    value_json TEXT NOT NULL,
                    display_text TEXT NOT NULL,
                    provenance_json TEXT,
                    UNIQUE (record_id, key)
                );
                CREATE TABLE findings (
                    id INTEGER PRIMARY KEY,
                    record_id INTEGER NOT NULL REFERENCES records(id) ON DELETE CASCADE,
                    position INTEGER NOT NULL,
                    code TEXT NOT NULL,
                    severity TEXT NOT NULL CHECK (severity IN ('error', 'warning')),
                    field TEXT,
                    message TEXT NOT NULL
                );
                CREATE INDEX findings_record ON findings(record_id);
                CREATE TABLE events (
                    id INTEGER PRIMARY KEY,
                    record_id INTEGER NOT NULL REFERENCES records(id),
                    sha256 TEXT NOT NULL,
                    kind TEXT NOT NULL CHECK (kind IN ('received', 'extracted', 'stored', 'reprocessed',
                                                       'reported', 'resolved')),
                    at TEXT NOT NULL,
                    detail TEXT
                );
                CREATE INDEX events_record ON events(record_id);
                -- The audit log is append-only.
                CREATE TRIGGER events_no_update BEFORE UPDATE ON events
                BEGIN SELECT RAISE(ABORT, 'events are append-only'); END;
                CREATE TRIGGER events_no_delete BEFORE DELETE ON events
                BEGIN SELECT RAISE(ABORT, 'events are append-only'); END;
                """)
        }
        migrator.registerMigration("002-duplicate-events") { db in
            // SQLite cannot change a CHECK constraint: the append-only log is copied into a
            // table that also allows `duplicate`, its triggers set aside for the copy.
            try db.execute(sql: """
                DROP TRIGGER events_no_update;
                DROP TRIGGER events_no_delete;
                CREATE TABLE events_002 (
                    id INTEGER PRIMARY KEY,
                    record_id INTEGER NOT NULL REFERENCES records(id),
                    sha256 TEXT NOT NULL,
                    kind TEXT NOT NULL CHECK (kind IN ('received', 'extracted', 'stored', 'reprocessed',
                                                       'reported', 'resolved', 'duplicate')),
                    at TEXT NOT NULL,
                    detail TEXT
                );
                INSERT INTO events_002 (id, record_id, sha256, kind, at, detail)
                    SELECT id, record_id, sha256, kind, at, detail FROM events;
                DROP TABLE events;
                ALTER TABLE events_002 RENAME TO events;
                CREATE INDEX events_record ON events(record_id);
                CREATE TRIGGER events_no_update BEFORE UPDATE ON events
                BEGIN SELECT RAISE(ABORT, 'events are append-only'); END;
                CREATE TRIGGER events_no_delete BEFORE DELETE ON events
                BEGIN SELECT RAISE(ABORT, 'events are append-only'); END;
                """)
        }
        return migrator
    }
}
