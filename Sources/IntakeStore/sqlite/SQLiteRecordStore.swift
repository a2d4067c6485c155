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
        let sql = self.sql
        let result: SaveResult
        do {
            result = try await pool.writeWithoutTransaction { db in
                var result: SaveResult?
                try db.inTransaction(.immediate) {
                    result = try Self.save(rows, record: record, in: db, sql: sql)
                    return .commit
                }
                return result!
            }
        } catch {
            throw Self.storeError(error, while: "saving a record")
        }
        logger.debug("record saved", metadata: [
            "record.sha256": "\(rows.source.sha256)", "record.id": "\(result.id)",
            "store.outcome": "\(result.outcome.rawValue)",
        ])
        return result
    }

    private static func save(_ rows: RecordRows, record: CaseRecord, in db: Database, sql: StoreSQL) throws -> SaveResult {
        let now = RecordRows.now()
        let s = rows.source
        if let existing = try Row.fetchOne(db, sql: sql.findRecord, arguments: [s.sha256]) {
            let id: Int64 = existing[0]
            switch try SavePlan(storedJSON: existing[1], id: id, incoming: record) {
            case .unchanged:
                return SaveResult(outcome: .unchanged, id: id)
            case .duplicate(let detail):
                try db.execute(sql: sql.insertEvent, arguments: [id, s.sha256, "duplicate", now, detail])
                return SaveResult(outcome: .duplicate, id: id)
            case .reprocess(let rows, let previous, let duplicate):
                try db.execute(sql: sql.updateRecord, arguments: [
                    rows.kind, rows.partnership, rows.mapping, rows.mappingVersion, rows.status, rows.stage,
                    rows.documentDate, rows.caseReference, rows.recordJSON, now, id,
                ])
                try db.execute(sql: sql.deleteFields, arguments: [id])
                try db.execute(sql: sql.deleteFindings, arguments: [id])
                try insertDetails(rows, recordID: id, in: db, sql: sql)
                try linkCase(rows, recordID: id, now: now, in: db, sql: sql)
                if let duplicate { try db.execute(sql: sql.insertEvent, arguments: [id, s.sha256, "duplicate", now, duplicate]) }
                let detail = "previous=\(previous.status.rawValue) " + rows.extractedDetail
                try db.execute(sql: sql.insertEvent, arguments: [id, s.sha256, "reprocessed", now, detail])
                return SaveResult(outcome: .updated, id: id)
            }
        }
        let id = try insertNew(rows, storedAt: now, updatedAt: now, in: db, sql: sql)
        for (kind, at, detail) in [
            ("received", s.receivedAt ?? now, s.emailPath == nil ? "format=\(s.format)" : "format=\(s.format) via=e-mail"),
            ("extracted", now, rows.extractedDetail),
            ("stored", now, nil),
        ] {
            try db.execute(sql: sql.insertEvent, arguments: [id, s.sha256, kind, at, detail])
        }
        return SaveResult(outcome: .inserted, id: id)
    }

    /// Inserts a record not stored yet (source, record, fields, findings, case link); events are
    /// the caller's. `storedAt` also dates the source and the case it opens or touches.
    static func insertNew(_ rows: RecordRows, storedAt: String, updatedAt: String, in db: Database, sql: StoreSQL) throws -> Int64 {
        let s = rows.source
        guard let sourceID = try Int64.fetchOne(db, sql: sql.insertSource, arguments: [
            s.sha256, s.originalName, s.originalPath, s.format, s.size, s.receivedAt, s.sender,
            s.emailPath, s.emailSubject, storedAt,
        ]), let id = try Int64.fetchOne(db, sql: sql.insertRecord, arguments: [
            sourceID, rows.kind, rows.partnership, rows.mapping, rows.mappingVersion, rows.status,
            rows.stage, rows.documentDate, rows.caseReference, rows.recordJSON, storedAt, updatedAt,
        ]) else {
            throw StoreError(.storeFailed, "SQLite returned no id for a new record.")
        }
        try insertDetails(rows, recordID: id, in: db, sql: sql)
        try linkCase(rows, recordID: id, now: storedAt, in: db, sql: sql)
        return id
    }

    private static func insertDetails(_ rows: RecordRows, recordID: Int64, in db: Database, sql: StoreSQL) throws {
        for f in rows.fields {
            try db.execute(sql: sql.insertField, arguments: [
                recordID, f.position, f.key, f.typeName, f.valueJSON, f.displayText, f.provenanceJSON,
            ])
        }
        for f in rows.findings {
            try db.execute(sql: sql.insertFinding, arguments: [recordID, f.position, f.code, f.severity, f.field, f.message])
        }
    }

    /// Links the record to the case its keys name, opening one (or merging two that the record
    /// shows to be the same dispute).
    private static func linkCase(_ rows: RecordRows, recordID: Int64, now: String, in db: Database, sql: StoreSQL) throws {
        guard !rows.caseKeys.isEmpty else {
            try db.execute(sql: sql.setRecordCase, arguments: [nil as Int64?, recordID])
            return
        }
        let found = try Int64.fetchAll(db, sql: sql.caseIDs(forKeys: rows.caseKeys.count),
                                       arguments: StatementArguments(rows.caseKeys))
        let caseID: Int64
        if let first = found.first {
            caseID = first
            for other in found.dropFirst() {
                for statement in sql.mergeCase { try db.execute(sql: statement, arguments: [caseID, other]) }
                try db.execute(sql: sql.deleteCase, arguments: [other])
            }
        } else {
            guard let id = try Int64.fetchOne(db, sql: sql.insertCase, arguments: [rows.partnership, rows.caseReference, now, now]) else {
                throw StoreError(.storeFailed, "SQLite returned no id for a new case.")
            }
            caseID = id
        }
        for key in rows.caseKeys { try db.execute(sql: sql.insertCaseKey, arguments: [key, caseID]) }
        try db.execute(sql: sql.touchCase, arguments: [now, rows.caseReference, caseID])
        try db.execute(sql: sql.setRecordCase, arguments: [caseID, recordID])
    }
}
