import Foundation
import GRDB
import IntakeRecord
import Logging

/// The default store: one SQLite file in WAL mode, readable by its owner only.
///
/// Writes run in IMMEDIATE transactions with a busy timeout, so two processes writing the same
/// file queue up instead of failing; the source SHA-256 is unique, so the second of two saves of
/// the same document finds the first and changes nothing.
public final class SQLiteRecordStore: RecordStore {
    public let kind = "sqlite"
    public let path: String
    let pool: DatabasePool
    let logger: Logger
    let sql = StoreSQL(dialect: .sqlite)
    /// Every write of this store, one at a time (see ``SQLiteConnection``).
    let writeLock = SQLiteWriteLock()

    /// How long a writer waits for another process's transaction before giving up.
    static let busyTimeout: TimeInterval = 30

    /// Opens (creating and migrating if needed) the database at `path`.
    public convenience init(path: String, logger: Logger) async throws {
        try await self.init(path: path, logger: logger, migrations: StoreMigrations.all)
    }

    /// Tests open a store with the first migrations only, to check that later ones upgrade it.
    init(path: String, logger: Logger, migrations: [StoreMigration]) async throws {
        self.path = path
        var logger = logger
        logger[metadataKey: "store.kind"] = "sqlite"
        self.logger = logger
        var configuration = Configuration()
        configuration.busyMode = .timeout(Self.busyTimeout)
        configuration.label = "intake.store"
        // A save's transaction spans several GRDB accesses (see ``SQLiteConnection``).
        configuration.allowsUnsafeTransactions = true
        configuration.prepareDatabase { db in
            try db.execute(sql: "PRAGMA synchronous = NORMAL")
        }
        do {
            pool = try SQLiteFile.withPrivateCreation(path: path) {
                try Self.retryingWhileBusy {
                    try DatabasePool(path: path, configuration: configuration)
                }
            }
        } catch let error as StoreError {
            throw error
        } catch {
            throw Self.storeError(error, while: "opening the store")
        }
        try await migrate(migrations)
        logger.debug("store opened")
    }

    /// Applies what `migrations` holds and the store does not; returns their names. In an
    /// IMMEDIATE transaction: a second process opening the store meanwhile waits (busy
    /// timeout), then finds them applied.
    @discardableResult
    func migrate(_ migrations: [StoreMigration]) async throws -> [String] {
        let applied = try await transaction("migrating the schema") { db in try await StoreMigrator.migrate(on: db, migrations: migrations) }
        if !applied.isEmpty {
            logger.info("schema migrated", metadata: ["store.migrations": "\(applied.joined(separator: ","))"])
        }
        return applied
    }

    /// Two processes opening a new store at once: switching it to WAL can meet the other's
    /// lock with SQLITE_BUSY at once (SQLite does not wait where waiting could deadlock).
    /// Opening is then tried again, with back-off, up to the busy timeout.
    static func retryingWhileBusy<T>(_ body: () throws -> T) throws -> T {
        let deadline = Date().addingTimeInterval(busyTimeout)
        var delay = 0.02
        while true {
            do {
                return try body()
            } catch let error as DatabaseError where isRace(error) && Date() < deadline {
                Thread.sleep(forTimeInterval: delay)
                delay = min(delay * 2, 0.5)
            }
        }
    }

    private static func isRace(_ error: DatabaseError) -> Bool {
        error.resultCode == .SQLITE_BUSY || error.resultCode == .SQLITE_LOCKED
    }

    // MARK: Save

    public func save(_ record: CaseRecord) async throws -> SaveResult {
        let rows = try RecordRows(record)
        let result = try await transaction("saving a record") { db in
            try await RecordWriter.save(rows, record: record, on: db)
        }
        logger.debug("record saved", metadata: [
            "record.sha256": "\(rows.source.sha256)", "record.id": "\(result.id)",
            "store.outcome": "\(result.outcome.rawValue)",
        ])
        return result
    }
}
