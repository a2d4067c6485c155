import IntakeRecord
import Logging
import PostgresNIO

extension PostgresRecordStore {
    public func records(matching filter: RecordFilter) async throws -> [StoredRecord] {
        let (text, binds) = sql.selectRecords(filter)
        let logger = self.logger
        return try await transaction("listing records") { db in
            try await db.rows(text, binds, logger: logger).map { try StoredRecord(StoreRow($0)) }
        }
    }

    public func hasRecord(sha256: String) async throws -> Bool {
        let (text, logger) = (sql.hasRecordForSHA, self.logger)
        return try await transaction("looking up a source") { db in
            (try await db.rows(text, [sha256], logger: logger).first?.decode(Int64.self) ?? 0) > 0
        }
    }

    public func record(id: Int64) async throws -> StoredRecord? {
        let (text, logger) = (sql.selectRecord, self.logger)
        return try await transaction("reading a record") { db in
            try await db.rows(text, [id], logger: logger).first.map { try StoredRecord(StoreRow($0)) }
        }
    }

    public func resolve(id: Int64, note: String?) async throws {
        let (sql, logger) = (self.sql, self.logger)
        let changed = try await transaction("resolving a record") { db -> Bool in
            guard let row = try await db.rows("SELECT status, resolved_at FROM records WHERE id = $1 FOR UPDATE", [id], logger: logger).first else {
                throw StoreError(.storeFailed, "No record has id \(id); `intake records list` shows the ids.")
            }
            let (status, resolvedAt) = try row.decode((String, String?).self)
            if status == "accepted" {
                throw StoreError(.storeFailed, "Record \(id) is accepted: only needs-attention or rejected records are resolved.")
            }
            if resolvedAt != nil { return false }
            let now = RecordRows.now()
            try await db.rows(sql.resolveRecord, [now, note, id], logger: logger)
            let sha = try await db.rows(sql.recordSHA, [id], logger: logger).first?.decode(String.self) ?? ""
            try await db.rows(sql.insertEvent, [id, sha, "resolved", now, note], logger: logger)
            return true
        }
        logger.info("record resolved", metadata: ["record.id": "\(id)", "store.changed": "\(changed)"])
    }

    public func appendEvent(_ kind: StoreEventKind, recordID: Int64, detail: String?) async throws {
        let (sql, logger) = (self.sql, self.logger)
        try await transaction("appending an event") { db in
            guard let sha = try await db.rows(sql.recordSHA, [recordID], logger: logger).first?.decode(String.self) else {
                throw StoreError(.storeFailed, "No record has id \(recordID).")
            }
            try await db.rows(sql.insertEvent, [recordID, sha, kind.rawValue, RecordRows.now(), detail], logger: logger)
        }
    }

    public func events(recordID: Int64) async throws -> [StoreEvent] {
        let (text, logger) = (sql.selectEvents, self.logger)
        return try await transaction("reading events") { db in
            try await db.rows(text, [recordID], logger: logger).map { try StoreEvent(StoreRow($0)) }
        }
    }

    public func cases() async throws -> [CaseSummary] {
        let (text, logger) = (sql.selectCases, self.logger)
        return try await transaction("listing cases") { db in
            try await db.rows(text, logger: logger).map { try CaseSummary(StoreRow($0)) }
        }
    }

    public func caseDetail(id: Int64) async throws -> CaseDetail? {
        let (caseSQL, timelineSQL, logger) = (sql.selectCase, sql.selectTimeline, self.logger)
        return try await transaction("reading a case") { db in
            guard let summary = try await db.rows(caseSQL, [id], logger: logger).first.map({ try CaseSummary(StoreRow($0)) }) else { return nil }
            let timeline = try await db.rows(timelineSQL, [id], logger: logger).map { try StoredRecord(StoreRow($0)) }
            return CaseDetail(summary: summary, timeline: timeline)
        }
    }
}

extension PostgresRecordStore: StoreInspection {
    func scalar(_ sql: String) async throws -> Int {
        let logger = self.logger
        return try await transaction("inspecting") { db in
            try await db.rows(sql, logger: logger).first?.decode(Int.self) ?? 0
        }
    }

    func execute(_ sql: String) async throws {
        let logger = self.logger
        try await transaction("inspecting") { db in _ = try await db.rows(sql, logger: logger) }
    }

    func texts(_ sql: String) async throws -> [String] {
        let logger = self.logger
        return try await transaction("inspecting") { db in
            try await db.rows(sql, logger: logger).map { try $0.decode(String.self) }
        }
    }

    func migrateAgain() async throws -> [String] {
        try await migrate(schema: nil, access: .existing, migrations: StoreMigrations.all)
    }
}
