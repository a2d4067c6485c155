/// The schema of both stores, as one ordered list of migrations, applied by ``StoreMigrator``.
/// Only ever add a migration at the end; never edit one that has shipped (stores made by it
/// exist). The statements are written once; ``StoreSQL/Dialect`` supplies the few words that
/// differ (key and JSON column types), and the few steps that differ are written per dialect.
struct StoreMigration: Sendable {
    /// How each store has always recorded it: SQLite in GRDB's `grdb_migrations` by
    /// identifier, PostgreSQL in `schema_migrations` by version and name. A migration without
    /// an entry for a store is not applied to it.
    var sqliteIdentifier: String?
    var postgresVersion: Int?
    var name: String
    /// One statement each: PostgreSQL's extended protocol runs one statement per query.
    var statements: @Sendable (StoreSQL.Dialect) -> [String]
}

enum StoreMigrations {
    static let all: [StoreMigration] = [
        StoreMigration(sqliteIdentifier: "001-records", postgresVersion: 1, name: "records") { d in
            let tables: [String] = [
                """
                CREATE TABLE sources (
                    id \(d.key),
                    sha256 TEXT NOT NULL UNIQUE,
                    original_name TEXT NOT NULL,
                    original_path TEXT NOT NULL,
                    format TEXT NOT NULL,
                    size \(d.bigint),
                    received_at TEXT,
                    sender TEXT,
                    email_path TEXT,
                    email_subject TEXT,
                    first_seen_at TEXT NOT NULL
                )
                """,
                """
                CREATE TABLE cases (
                    id \(d.key),
                    partnership TEXT,
                    reference TEXT,
                    opened_at TEXT NOT NULL,
                    updated_at TEXT NOT NULL
                )
                """,
                """
                CREATE TABLE case_keys (
                    key TEXT PRIMARY KEY,
                    case_id \(d.bigint) NOT NULL REFERENCES cases(id)
                )
                """,
                "CREATE INDEX case_keys_case ON case_keys(case_id)",
                """
                CREATE TABLE records (
                    id \(d.key),
                    source_id \(d.bigint) NOT NULL UNIQUE REFERENCES sources(id),
                    kind TEXT,
                    partnership TEXT,
                    mapping TEXT,
                    mapping_version TEXT,
                    status TEXT NOT NULL CHECK (status IN ('accepted', 'needs-attention', 'rejected')),
                    stage INTEGER,
                    doc_date TEXT,
                    case_ref TEXT,
                    case_id \(d.bigint) REFERENCES cases(id) ON DELETE SET NULL,
                    record_json \(d.json) NOT NULL,
                    stored_at TEXT NOT NULL,
                    updated_at TEXT NOT NULL,
                    resolved_at TEXT,
                    resolution_note TEXT
                )
                """,
                "CREATE INDEX records_status ON records(status)",
                "CREATE INDEX records_partnership ON records(partnership)",
                "CREATE INDEX records_case ON records(case_id)",
                """
                CREATE TABLE fields (
                    id \(d.key),
                    record_id \(d.bigint) NOT NULL REFERENCES records(id) ON DELETE CASCADE,
                    position INTEGER NOT NULL,
                    key TEXT NOT NULL,
                    value_type TEXT NOT NULL,
                    value_json \(d.json) NOT NULL,
                    display_text TEXT NOT NULL,
                    provenance_json \(d.json),
                    UNIQUE (record_id, key)
                )
                """,
                """
                CREATE TABLE findings (
                    id \(d.key),
                    record_id \(d.bigint) NOT NULL REFERENCES records(id) ON DELETE CASCADE,
                    position INTEGER NOT NULL,
                    code TEXT NOT NULL,
                    severity TEXT NOT NULL CHECK (severity IN ('error', 'warning')),
                    field TEXT,
                    message TEXT NOT NULL
                )
                """,
                "CREATE INDEX findings_record ON findings(record_id)",
                events(d, kinds: eventKinds),
                "CREATE INDEX events_record ON events(record_id)",
            ]
            return tables + appendOnlyEvents(d)
        },
        // Several `intake extract --share` processes on one archive divide its files through
        // these claims (PostgresRecordStore+Claims.swift). Times are the server's, so that
        // machines with different clocks agree on when a claim has lapsed. PostgreSQL only: a
        // SQLite file is one machine's store and has no `--share` (``WorkClaims``), so the table
        // would be dead schema there.
        StoreMigration(sqliteIdentifier: nil, postgresVersion: 2, name: "batch claims") { _ in
            [
                """
                CREATE TABLE batch_claims (
                    sha256 TEXT PRIMARY KEY,
                    owner TEXT NOT NULL,
                    claimed_at TIMESTAMPTZ NOT NULL DEFAULT now(),
                    done BOOLEAN NOT NULL DEFAULT false
                )
                """,
            ]
        },
        // The watcher's duplicate event, and its journal and heartbeat.
        StoreMigration(sqliteIdentifier: "002-watch", postgresVersion: 3, name: "watch") { d in
            let kinds = eventKinds + ["duplicate"]
            switch d {
            case .postgres:
                return [
                    "ALTER TABLE events DROP CONSTRAINT events_kind_check",
                    "ALTER TABLE events ADD CONSTRAINT events_kind_check CHECK (kind IN (\(quoted(kinds))))",
                    WatchJournalSQL.createTable,
                ]
            case .sqlite:
                // SQLite cannot alter a CHECK, so the events table is rebuilt with its rows,
                // index and triggers.
                let rebuild: [String] = [
                    "DROP TRIGGER events_no_update",
                    "DROP TRIGGER events_no_delete",
                    "ALTER TABLE events RENAME TO events_001",
                    events(d, kinds: kinds),
                    """
                    INSERT INTO events (id, record_id, sha256, kind, at, detail)
                        SELECT id, record_id, sha256, kind, at, detail FROM events_001
                    """,
                    "DROP TABLE events_001",
                    "CREATE INDEX events_record ON events(record_id)",
                ]
                return rebuild + appendOnlyEvents(d) + [WatchJournalSQL.createTable]
            }
        },
    ]

    /// The audit log's event kinds as the first schema knew them.
    private static let eventKinds = ["received", "extracted", "stored", "reprocessed", "reported", "resolved"]

    private static func quoted(_ words: [String]) -> String {
        words.map { "'\($0)'" }.joined(separator: ", ")
    }

    private static func events(_ d: StoreSQL.Dialect, kinds: [String]) -> String {
        """
        CREATE TABLE events (
            id \(d.key),
            record_id \(d.bigint) NOT NULL REFERENCES records(id),
            sha256 TEXT NOT NULL,
            kind TEXT NOT NULL CHECK (kind IN (\(quoted(kinds)))),
            at TEXT NOT NULL,
            detail TEXT
        )
        """
    }

    /// The audit log is append-only: triggers refuse every update and delete.
    private static func appendOnlyEvents(_ d: StoreSQL.Dialect) -> [String] {
        switch d {
        case .sqlite:
            [
                """
                CREATE TRIGGER events_no_update BEFORE UPDATE ON events
                BEGIN SELECT RAISE(ABORT, 'events are append-only'); END
                """,
                """
                CREATE TRIGGER events_no_delete BEFORE DELETE ON events
                BEGIN SELECT RAISE(ABORT, 'events are append-only'); END
                """,
            ]
        case .postgres:
            [
                """
                CREATE FUNCTION events_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN RAISE EXCEPTION 'events are append-only'; END $$
                """,
                """
                CREATE TRIGGER events_no_change BEFORE UPDATE OR DELETE ON events
                FOR EACH ROW EXECUTE FUNCTION events_append_only()
                """,
            ]
        }
    }
}

extension StoreSQL.Dialect {
    /// A table's own key: SQLite's rowid alias, PostgreSQL's identity column.
    var key: String { self == .sqlite ? "INTEGER PRIMARY KEY" : "BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY" }
    /// Keys referring to those, and sizes.
    var bigint: String { self == .sqlite ? "INTEGER" : "BIGINT" }
    var json: String { self == .sqlite ? "TEXT" : "JSONB" }
}
