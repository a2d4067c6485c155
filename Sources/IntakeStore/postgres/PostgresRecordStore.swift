import Foundation
import IntakeRecord
import Logging
import PostgresNIO

/// Records on a shared PostgreSQL server, through a pooled `PostgresClient`.
///
/// Each save is one transaction that first takes an advisory lock on the source SHA-256, so two
/// processes saving the same document queue up and the second finds the first's record. Every
/// operation is retried while the server is unreachable (see ``RetryPolicy``), then fails with
/// `store.unavailable`.
///
/// The client's `run()` lives in a task owned by the store (``PostgresClientBox``) from
/// ``init(url:logger:retry:)`` until ``close()``: the CLI's one-shot commands have no service
/// group to run it in.
public final class PostgresRecordStore: RecordStore {
    public let kind = "postgres"
    let clients: PostgresClientBox
    let logger: Logger
    let retry: RetryPolicy
    /// host:port/database, for messages (never the password).
    let location: String
    let sql = StoreSQL(dialect: .postgres)

    /// Advisory-lock namespace (the `hashtextextended` seed) of record saves, and the one lock
    /// that serialises case linking.
    static let saveLockSeed: Int64 = 0x1_4E7A
    static let caseLockKey: Int64 = 0x1_4E7A_6B02

    /// Connects to `url` (`postgres://user[:password]@host[:port]/database[?sslmode=…&schema=…]`)
    /// and applies any migrations not yet applied. With ``StoreLocation/Access/existing`` a
    /// database or schema that holds no Intake store is `store.missing`, and nothing is created.
    public init(url: String, logger: Logger, retry: RetryPolicy = .standard,
                access: StoreLocation.Access = .createIfMissing) async throws {
        let parsed = try PostgresURL(url)
        var logger = logger
        logger[metadataKey: "store.kind"] = "postgres"
        self.logger = logger
        self.retry = retry
        location = parsed.display
        var configuration = parsed.clientConfiguration
        // The server ends a statement that outlives its attempt's deadline, so an abandoned
        // attempt (waiting on a lock, say) stops there instead of running on unseen.
        configuration.options.additionalStartupParameters.append(
            ("statement_timeout", "\(RetryPolicy.milliseconds(retry.attemptTimeout))"))
        clients = PostgresClientBox(configuration: configuration, logger: logger)
        do {
            try await migrate(schema: parsed.schema, access: access)
        } catch {
            await clients.close()
            throw error
        }
        logger.debug("store opened")
    }

    public func close() async throws {
        await clients.close()
    }

    /// Runs `body` in one transaction on a pooled connection, retried per ``retry``.
    func transaction<T: Sendable>(_ operation: String, _ body: @escaping @Sendable (PostgresConnection) async throws -> T) async throws -> T {
        let (clients, logger) = (self.clients, self.logger)
        return try await retry.run(operation, location: location, logger: logger,
                                   begin: { clients.begin() }, failed: { clients.replace($0.generation) }) { current in
            try await current.client.withConnection { connection in
                // A cancelled attempt (past its deadline, or its caller gone) closes its
                // connection: the query in flight ends and the pool gets the slot back.
                try await withTaskCancellationHandler {
                    try await connection.withTransaction(logger: logger) { connection in try await body(connection) }
                } onCancel: {
                    connection.close().whenComplete { _ in }
                }
            }
        }
    }

    // MARK: Migrations

    private func migrate(schema: String?, access: StoreLocation.Access) async throws {
        let (logger, location) = (self.logger, self.location)
        let applied = try await transaction("migrating the schema") { db -> [Int] in
            try await db.rows("SELECT pg_advisory_xact_lock($1)", [PostgresMigrations.lockKey], logger: logger)
            // search_path is the URL's schema, so this finds the store's own table or nothing.
            if access == .existing,
               try await db.rows("SELECT to_regclass('schema_migrations') IS NULL", logger: logger).first?.decode(Bool.self) != false {
                throw StoreError(.storeMissing, """
                    No store at PostgreSQL \(location). Check the URL, or store records there first with \
                    `intake extract FILE --store postgres://…`.
                    """)
            }
            if let schema {
                try await db.rows("CREATE SCHEMA IF NOT EXISTS \"\(schema)\"", logger: logger)
            }
            try await db.rows("""
                CREATE TABLE IF NOT EXISTS schema_migrations (
                    version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)
                """, logger: logger)
            let done = Set(try await db.rows("SELECT version FROM schema_migrations", logger: logger)
                .map { try $0.decode(Int.self) })
            var applied: [Int] = []
            for migration in PostgresMigrations.all where !done.contains(migration.version) {
                for statement in migration.statements { try await db.rows(statement, logger: logger) }
                try await db.rows("INSERT INTO schema_migrations (version, name, applied_at) VALUES ($1, $2, $3)",
                                  [migration.version, migration.name, RecordRows.now()], logger: logger)
                applied.append(migration.version)
            }
            return applied
        }
        if !applied.isEmpty {
            logger.info("schema migrated", metadata: ["store.migrations": "\(applied.map(String.init).joined(separator: ","))"])
        }
    }

    // MARK: Save

    public func save(_ record: CaseRecord) async throws -> SaveResult {
        let rows = try RecordRows(record)
        let (sql, logger) = (self.sql, self.logger)
        let result = try await transaction("saving a record") { db in
            try await Self.save(rows, record: record, on: db, sql: sql, logger: logger)
        }
        logger.debug("record saved", metadata: [
            "record.sha256": "\(rows.source.sha256)", "record.id": "\(result.id)",
            "store.outcome": "\(result.outcome.rawValue)",
        ])
        return result
    }

    private static func save(_ rows: RecordRows, record: CaseRecord, on db: PostgresConnection,
                             sql: StoreSQL, logger: Logger) async throws -> SaveResult {
        let now = RecordRows.now()
        let s = rows.source
        try await lockSource(s.sha256, on: db, logger: logger)
        if let existing = try await db.rows(sql.findRecord, [s.sha256], logger: logger).first {
            let (id, json) = try existing.decode((Int64, String).self)
            switch try SavePlan(storedJSON: json, id: id, incoming: record) {
            case .unchanged:
                return SaveResult(outcome: .unchanged, id: id)
            case .duplicate(let detail):
                try await db.rows(sql.insertEvent, [id, s.sha256, "duplicate", now, detail], logger: logger)
                return SaveResult(outcome: .duplicate, id: id)
            case .reprocess(let rows, let previous, let duplicate):
                try await db.rows(sql.updateRecord, [
                    rows.kind, rows.partnership, rows.mapping, rows.mappingVersion, rows.status, rows.stage,
                    rows.documentDate, rows.caseReference, rows.recordJSON, now, id,
                ], logger: logger)
                try await db.rows(sql.deleteFields, [id], logger: logger)
                try await db.rows(sql.deleteFindings, [id], logger: logger)
                try await insertDetails(rows, recordID: id, on: db, sql: sql, logger: logger)
                try await linkCase(rows, recordID: id, now: now, on: db, sql: sql, logger: logger)
                if let duplicate {
                    try await db.rows(sql.insertEvent, [id, s.sha256, "duplicate", now, duplicate], logger: logger)
                }
                let detail = "previous=\(previous.status.rawValue) " + rows.extractedDetail
                try await db.rows(sql.insertEvent, [id, s.sha256, "reprocessed", now, detail], logger: logger)
                return SaveResult(outcome: .updated, id: id)
            }
        }
        let id = try await insertNew(rows, storedAt: now, updatedAt: now, on: db, sql: sql, logger: logger)
        let received = s.emailPath == nil ? "format=\(s.format)" : "format=\(s.format) via=e-mail"
        for (kind, at, detail) in [("received", s.receivedAt ?? now, received as String?),
                                   ("extracted", now, rows.extractedDetail), ("stored", now, nil)] {
            try await db.rows(sql.insertEvent, [id, s.sha256, kind, at, detail], logger: logger)
        }
        return SaveResult(outcome: .inserted, id: id)
    }

    /// Two writers of the same document (saving or restoring it) queue here; the second then
    /// finds the first's record.
    static func lockSource(_ sha256: String, on db: PostgresConnection, logger: Logger) async throws {
        try await db.rows("SELECT pg_advisory_xact_lock(hashtextextended($1, $2))", [sha256, saveLockSeed], logger: logger)
    }

    /// As in the SQLite store: a record not stored yet, without its events.
    static func insertNew(_ rows: RecordRows, storedAt: String, updatedAt: String, on db: PostgresConnection,
                          sql: StoreSQL, logger: Logger) async throws -> Int64 {
        let s = rows.source
        guard let sourceID = try await db.rows(sql.insertSource, [
            s.sha256, s.originalName, s.originalPath, s.format, s.size, s.receivedAt, s.sender,
            s.emailPath, s.emailSubject, storedAt,
        ], logger: logger).first?.decode(Int64.self),
        let id = try await db.rows(sql.insertRecord, [
            sourceID, rows.kind, rows.partnership, rows.mapping, rows.mappingVersion, rows.status,
            rows.stage, rows.documentDate, rows.caseReference, rows.recordJSON, storedAt, updatedAt,
        ], logger: logger).first?.decode(Int64.self) else {
            throw StoreError(.storeFailed, "PostgreSQL returned no id for a new record.")
        }
        try await insertDetails(rows, recordID: id, on: db, sql: sql, logger: logger)
        try await linkCase(rows, recordID: id, now: storedAt, on: db, sql: sql, logger: logger)
        return id
    }

    private static func insertDetails(_ rows: RecordRows, recordID: Int64, on db: PostgresConnection,
                                      sql: StoreSQL, logger: Logger) async throws {
        for f in rows.fields {
            try await db.rows(sql.insertField, [
                recordID, f.position, f.key, f.typeName, f.valueJSON, f.displayText, f.provenanceJSON,
            ], logger: logger)
        }
        for f in rows.findings {
            try await db.rows(sql.insertFinding, [recordID, f.position, f.code, f.severity, f.field, f.message], logger: logger)
        }
    }

    /// As in the SQLite store; one advisory lock serialises case linking across writers.
    private static func linkCase(_ rows: RecordRows, recordID: Int64, now: String, on db: PostgresConnection,
                                 sql: StoreSQL, logger: Logger) async throws {
        guard !rows.caseKeys.isEmpty else {
            try await db.rows(sql.setRecordCase, [nil as Int64?, recordID], logger: logger)
            return
        }
        try await db.rows("SELECT pg_advisory_xact_lock($1)", [caseLockKey], logger: logger)
        let found = try await db.rows(sql.caseIDs(forKeys: rows.caseKeys.count), rows.caseKeys, logger: logger)
            .map { try $0.decode(Int64.self) }
        let caseID: Int64
        if let first = found.first {
            caseID = first
            for other in found.dropFirst() {
                for statement in sql.mergeCase { try await db.rows(statement, [caseID, other], logger: logger) }
                try await db.rows(sql.deleteCase, [other], logger: logger)
            }
        } else {
            guard let id = try await db.rows(sql.insertCase, [rows.partnership, rows.caseReference, now, now], logger: logger)
                .first?.decode(Int64.self) else {
                throw StoreError(.storeFailed, "PostgreSQL returned no id for a new case.")
            }
            caseID = id
        }
        for key in rows.caseKeys { try await db.rows(sql.insertCaseKey, [key, caseID], logger: logger) }
        try await db.rows(sql.touchCase, [now, rows.caseReference, caseID], logger: logger)
        try await db.rows(sql.setRecordCase, [caseID, recordID], logger: logger)
    }
}
