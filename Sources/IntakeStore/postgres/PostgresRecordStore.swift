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

    /// Connects to `url` (`postgres://user[:password]@host[:port]/database[?sslmode=…&schema=…]`)
    /// and applies any migrations not yet applied. With ``StoreLocation/Access/existing`` a
    /// database or schema that holds no Intake store is `store.missing`, and nothing is created.
    public convenience init(url: String, logger: Logger, retry: RetryPolicy = .standard,
                            access: StoreLocation.Access = .createIfMissing) async throws {
        try await self.init(url: url, logger: logger, retry: retry, access: access, migrations: StoreMigrations.all)
    }

    /// Tests open a store with the first migrations only, to check that later ones upgrade it.
    init(url: String, logger: Logger, retry: RetryPolicy, access: StoreLocation.Access,
         migrations: [StoreMigration]) async throws {
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
            try await migrate(schema: parsed.schema, access: access, migrations: migrations)
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

    /// Applies what `migrations` holds and the store does not; returns their names.
    @discardableResult
    func migrate(schema: String?, access: StoreLocation.Access, migrations: [StoreMigration]) async throws -> [String] {
        let (logger, location) = (self.logger, self.location)
        let applied = try await transaction("migrating the schema") { db -> [String] in
            // Serialises migrations across processes.
            try await db.rows("SELECT pg_advisory_xact_lock($1)", [PostgresStoreConnection.migrationLockKey], logger: logger)
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
            return try await StoreMigrator.migrate(on: PostgresStoreConnection(connection: db, logger: logger), migrations: migrations)
        }
        if !applied.isEmpty {
            logger.info("schema migrated", metadata: ["store.migrations": "\(applied.joined(separator: ","))"])
        }
        return applied
    }

    // MARK: Save

    public func save(_ record: CaseRecord) async throws -> SaveResult {
        let rows = try RecordRows(record)
        let logger = self.logger
        let result = try await transaction("saving a record") { db in
            try await RecordWriter.save(rows, record: record, on: PostgresStoreConnection(connection: db, logger: logger))
        }
        logger.debug("record saved", metadata: [
            "record.sha256": "\(rows.source.sha256)", "record.id": "\(result.id)",
            "store.outcome": "\(result.outcome.rawValue)",
        ])
        return result
    }
}

/// The PostgreSQL side of ``StoreConnection``: one pooled connection inside its transaction.
struct PostgresStoreConnection: StoreConnection {
    let connection: PostgresConnection
    let logger: Logger
    let sql = StoreSQL(dialect: .postgres)

    /// Advisory-lock namespace (the `hashtextextended` seed) of record saves, and the one lock
    /// that serialises case linking.
    static let saveLockSeed: Int64 = 0x1_4E7A
    static let caseLockKey: Int64 = 0x1_4E7A_6B02
    /// The lock that serialises migrations.
    static let migrationLockKey: Int64 = 0x1_4E7A_6B01

    func execute(_ statement: String, _ arguments: [any StoreArgument]) async throws {
        try await connection.rows(statement, arguments, logger: logger)
    }

    func query(_ statement: String, _ arguments: [any StoreArgument]) async throws -> [StoreRow] {
        try await connection.rows(statement, arguments, logger: logger).map(StoreRow.init)
    }

    func lockSource(_ sha256: String) async throws {
        try await connection.rows("SELECT pg_advisory_xact_lock(hashtextextended($1, $2))", [sha256, Self.saveLockSeed], logger: logger)
    }

    func lockCases() async throws {
        try await connection.rows("SELECT pg_advisory_xact_lock($1)", [Self.caseLockKey], logger: logger)
    }
}
