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
    public init(path: String, logger: Logger) throws {
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
                    let pool = try DatabasePool(path: path, configuration: configuration)
                    try SQLiteSchema.migrator.migrate(pool)
                    return pool
                }
            }
        } catch let error as StoreError {
            throw error
        } catch {
            throw Self.storeError(error, while: "opening the store")
        }
        logger.debug("store opened")
    }

    /// Two processes opening a new store at once: switching it to WAL or migrating it can
    /// meet the other's lock with SQLITE_BUSY at once (SQLite does not wait where waiting could
    /// deadlock), and both may find a migration not yet applied and race to apply it, the loser
    /// failing with "already exists" and rolling back. Either way opening is tried again, with
    /// back-off, up to the busy timeout: by then the other process has applied it.
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
            || (error.resultCode == .SQLITE_ERROR && error.message?.contains("already exists") == true)
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
