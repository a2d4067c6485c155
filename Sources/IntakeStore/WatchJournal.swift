import GRDB
import PostgresNIO

/// What the inbox watcher keeps in the store beside the records: which claim owns a file's
/// SHA-256 and what became of it, what an `--in-place` inbox has already done, and the heartbeat
/// `intake status` reads. Keys and values are the watcher's own (hashes, codes, JSON), never a
/// field value.
///
/// Every call is one transaction, so a watcher killed at any moment leaves each entry either
/// written or not.
public protocol WatchJournal: Sendable {
    /// Stores `value` under `key` unless the key is taken, and returns the value that holds:
    /// `value` itself when this call took the key, else the earlier one. Two watchers racing
    /// for one key both get the same answer.
    func claimEntry(_ key: String, value: String) async throws -> String

    /// Stores `value` under `key`, replacing what was there.
    func setEntry(_ key: String, value: String) async throws

    /// The value under `key`, and when it was last written (ISO-8601 UTC); nil when absent.
    func entry(_ key: String) async throws -> WatchEntry?

    /// Every entry whose key starts with `prefix` (compared exactly, case and all), by key:
    /// how `intake status` finds each watcher's heartbeat.
    func entries(prefix: String) async throws -> [(key: String, entry: WatchEntry)]

    /// The id of the record stored for the source with this SHA-256, nil when none is.
    func recordID(sha256: String) async throws -> Int64?
}

public struct WatchEntry: Sendable, Equatable {
    public var value: String
    public var updatedAt: String
}

/// The journal's statements, the same on both stores (`?` numbered for PostgreSQL).
enum WatchJournalSQL {
    static let createTable = "CREATE TABLE watch_state (key TEXT PRIMARY KEY, value TEXT NOT NULL, updated_at TEXT NOT NULL)"
    static let insertIfAbsent = "INSERT INTO watch_state (key, value, updated_at) VALUES (?, ?, ?) ON CONFLICT (key) DO NOTHING"
    static let upsert = """
        INSERT INTO watch_state (key, value, updated_at) VALUES (?, ?, ?)
        ON CONFLICT (key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at
        """
    static let select = "SELECT value, updated_at FROM watch_state WHERE key = ?"
    /// The prefix bound twice. `substr` rather than `LIKE`, whose `_` and `%` a key may hold
    /// and which SQLite compares without case; both stores count characters alike.
    static let selectPrefix = "SELECT key, value, updated_at FROM watch_state WHERE substr(key, 1, length(?)) = ? ORDER BY key"
    static let recordID = "SELECT r.id FROM records r JOIN sources s ON s.id = r.source_id WHERE s.sha256 = ?"
}

extension SQLiteRecordStore {
    public func claimEntry(_ key: String, value: String) async throws -> String {
        try await write("claiming a journal entry") { db in
            try db.execute(sql: WatchJournalSQL.insertIfAbsent, arguments: [key, value, RecordRows.now()])
            return try String.fetchOne(db, sql: WatchJournalSQL.select, arguments: [key]) ?? value
        }
    }

    public func setEntry(_ key: String, value: String) async throws {
        try await write("writing a journal entry") { db in
            try db.execute(sql: WatchJournalSQL.upsert, arguments: [key, value, RecordRows.now()])
        }
    }

    public func entry(_ key: String) async throws -> WatchEntry? {
        try await read("reading a journal entry") { db in
            try Row.fetchOne(db, sql: WatchJournalSQL.select, arguments: [key]).map { WatchEntry(value: $0[0], updatedAt: $0[1]) }
        }
    }

    public func entries(prefix: String) async throws -> [(key: String, entry: WatchEntry)] {
        try await read("listing journal entries") { db in
            try Row.fetchAll(db, sql: WatchJournalSQL.selectPrefix, arguments: [prefix, prefix])
                .map { (key: $0[0], entry: WatchEntry(value: $0[1], updatedAt: $0[2])) }
        }
    }

    public func recordID(sha256: String) async throws -> Int64? {
        try await read("looking up a record") { db in
            try Int64.fetchOne(db, sql: WatchJournalSQL.recordID, arguments: [sha256])
        }
    }
}

extension PostgresRecordStore {
    public func claimEntry(_ key: String, value: String) async throws -> String {
        let (sql, logger) = (self.sql, self.logger)
        return try await transaction("claiming a journal entry") { db in
            try await db.rows(sql.finish(WatchJournalSQL.insertIfAbsent), [key, value, RecordRows.now()], logger: logger)
            guard let row = try await db.rows(sql.finish(WatchJournalSQL.select), [key], logger: logger).first else { return value }
            return try row.decode((String, String).self).0
        }
    }

    public func setEntry(_ key: String, value: String) async throws {
        let (sql, logger) = (self.sql, self.logger)
        _ = try await transaction("writing a journal entry") { db in
            try await db.rows(sql.finish(WatchJournalSQL.upsert), [key, value, RecordRows.now()], logger: logger)
        }
    }

    public func entry(_ key: String) async throws -> WatchEntry? {
        let (sql, logger) = (self.sql, self.logger)
        return try await transaction("reading a journal entry") { db in
            guard let row = try await db.rows(sql.finish(WatchJournalSQL.select), [key], logger: logger).first else { return nil }
            let (value, updatedAt) = try row.decode((String, String).self)
            return WatchEntry(value: value, updatedAt: updatedAt)
        }
    }

    public func entries(prefix: String) async throws -> [(key: String, entry: WatchEntry)] {
        let (sql, logger) = (self.sql, self.logger)
        return try await transaction("listing journal entries") { db in
            try await db.rows(sql.finish(WatchJournalSQL.selectPrefix), [prefix, prefix], logger: logger)
                .map { row in
                    let (key, value, updatedAt) = try row.decode((String, String, String).self)
                    return (key: key, entry: WatchEntry(value: value, updatedAt: updatedAt))
                }
        }
    }

    public func recordID(sha256: String) async throws -> Int64? {
        let (sql, logger) = (self.sql, self.logger)
        return try await transaction("looking up a record") { db in
            try await db.rows(sql.finish(WatchJournalSQL.recordID), [sha256], logger: logger).first?.decode(Int64.self)
        }
    }
}
