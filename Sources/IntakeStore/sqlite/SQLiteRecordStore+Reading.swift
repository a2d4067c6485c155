import Foundation
import GRDB
import IntakeRecord
import Logging

extension SQLiteRecordStore {
    public func records(matching filter: RecordFilter) async throws -> [StoredRecord] {
        let (text, binds) = sql.selectRecords(filter)
        return try await read("listing records") { db in
            try Row.fetchAll(db, sql: text, arguments: StatementArguments(binds)).map { try StoredRecord(StoreRow($0)) }
        }
    }

    public func hasRecord(sha256: String) async throws -> Bool {
        let text = sql.hasRecordForSHA
        return try await read("looking up a source") { db in
            (try Int.fetchOne(db, sql: text, arguments: [sha256]) ?? 0) > 0
        }
    }

    public func record(id: Int64) async throws -> StoredRecord? {
        let text = sql.selectRecord
        return try await read("reading a record") { db in
            try Row.fetchOne(db, sql: text, arguments: [id]).map { try StoredRecord(StoreRow($0)) }
        }
    }

    public func resolve(id: Int64, note: String?) async throws {
        let sql = self.sql
        let changed = try await write("resolving a record") { db -> Bool in
            guard let row = try Row.fetchOne(db, sql: "SELECT status, resolved_at FROM records WHERE id = ?", arguments: [id]) else {
                throw StoreError(.storeFailed, "No record has id \(id); `intake records list` shows the ids.")
            }
            if (row[0] as String) == "accepted" {
                throw StoreError(.storeFailed, "Record \(id) is accepted: only needs-attention or rejected records are resolved.")
            }
            if (row[1] as String?) != nil { return false }
            let now = RecordRows.now()
            try db.execute(sql: sql.resolveRecord, arguments: [now, note, id])
            let sha = try String.fetchOne(db, sql: sql.recordSHA, arguments: [id]) ?? ""
            try db.execute(sql: sql.insertEvent, arguments: [id, sha, "resolved", now, note])
            return true
        }
        logger.info("record resolved", metadata: ["record.id": "\(id)", "store.changed": "\(changed)"])
    }

    public func appendEvent(_ kind: StoreEventKind, recordID: Int64, detail: String?) async throws {
        let sql = self.sql
        try await write("appending an event") { db in
            guard let sha = try String.fetchOne(db, sql: sql.recordSHA, arguments: [recordID]) else {
                throw StoreError(.storeFailed, "No record has id \(recordID).")
            }
            try db.execute(sql: sql.insertEvent, arguments: [recordID, sha, kind.rawValue, RecordRows.now(), detail])
        }
    }

    public func events(recordID: Int64) async throws -> [StoreEvent] {
        let text = sql.selectEvents
        return try await read("reading events") { db in
            try Row.fetchAll(db, sql: text, arguments: [recordID]).map { try StoreEvent(StoreRow($0)) }
        }
    }

    public func cases() async throws -> [CaseSummary] {
        let text = sql.selectCases
        return try await read("listing cases") { db in
            try Row.fetchAll(db, sql: text).map { try CaseSummary(StoreRow($0)) }
        }
    }

    public func caseDetail(id: Int64) async throws -> CaseDetail? {
        let (caseSQL, timelineSQL) = (sql.selectCase, sql.selectTimeline)
        return try await read("reading a case") { db in
            guard let summary = try Row.fetchOne(db, sql: caseSQL, arguments: [id]).map({ try CaseSummary(StoreRow($0)) }) else { return nil }
            let timeline = try Row.fetchAll(db, sql: timelineSQL, arguments: [id]).map { try StoredRecord(StoreRow($0)) }
            return CaseDetail(summary: summary, timeline: timeline)
        }
    }

    public func close() async throws {
        do {
            try pool.close()
        } catch {
            throw Self.storeError(error, while: "closing the store")
        }
        try SQLiteFile.restrict(path)
    }

    // MARK: Helpers

    func read<T: Sendable>(_ operation: String, _ body: @escaping @Sendable (Database) throws -> T) async throws -> T {
        do { return try await pool.read(body) } catch { throw Self.storeError(error, while: operation) }
    }

    /// One IMMEDIATE transaction, run in a single GRDB access, behind the store's write lock.
    @discardableResult
    func write<T: Sendable>(_ operation: String, _ body: @escaping @Sendable (Database) throws -> T) async throws -> T {
        let pool = self.pool
        do {
            return try await writeLock.run {
                try await pool.writeWithoutTransaction { db in
                    var result: T?
                    try db.inTransaction(.immediate) {
                        result = try body(db)
                        return .commit
                    }
                    return result!
                }
            }
        } catch {
            throw Self.storeError(error, while: operation)
        }
    }

    /// A store error naming the SQLite result code and the operation, never a bound value
    /// (GRDB leaves arguments out of its descriptions).
    static func storeError(_ error: any Error, while operation: String) -> any Error {
        switch error {
        case let error as StoreError: return error
        case is CancellationError: return error
        case let error as DatabaseError:
            if error.resultCode == .SQLITE_BUSY || error.resultCode == .SQLITE_LOCKED {
                return StoreError(.storeUnavailable, "The SQLite store stayed locked by another process for over \(Int(busyTimeout)) s while \(operation); retry when it is done.")
            }
            return StoreError(.storeFailed, "SQLite error \(error.extendedResultCode.rawValue) while \(operation): \(error.message ?? "no message"); check the store file and its folder.")
        default:
            return StoreError(.storeFailed, "Unexpected error while \(operation) (\(type(of: error))).")
        }
    }
}

extension SQLiteRecordStore: StoreInspection {
    func scalar(_ sql: String) async throws -> Int {
        try await pool.read { db in try Int.fetchOne(db, sql: sql) ?? 0 }
    }

    func execute(_ sql: String) async throws {
        try await write("inspecting") { db in try db.execute(sql: sql) }
    }

    func texts(_ sql: String) async throws -> [String] {
        try await pool.read { db in try String.fetchAll(db, sql: sql) }
    }

    func migrateAgain() async throws -> [String] {
        try await migrate(StoreMigrations.all)
    }
}
