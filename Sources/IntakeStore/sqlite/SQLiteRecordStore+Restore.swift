import GRDB
import IntakeRecord

extension SQLiteRecordStore {
    public func restore(_ record: CaseRecord, state: StoredState) async throws -> RestoreOutcome {
        let rows = try RecordRows(record)
        let sql = self.sql
        let outcome = try await write("restoring a record") { db -> RestoreOutcome in
            let sha = rows.source.sha256
            if let existing = try Row.fetchOne(db, sql: sql.findRecord, arguments: [sha]) {
                let id: Int64 = existing[0]
                guard let stored = try Row.fetchOne(db, sql: sql.selectRecord, arguments: [id]).map(Self.storedRecord) else {
                    return .kept
                }
                let events = try Row.fetchAll(db, sql: sql.selectEvents, arguments: [id]).map(Self.event)
                let same = try RecordRows.json(stored.record) == rows.recordJSON
                    && StoredState(stored, events: events, caseOf: nil).sameHistory(as: state)
                return same ? .unchanged : .kept
            }
            let id = try Self.insertNew(rows, storedAt: state.storedAt, updatedAt: state.updatedAt, in: db, sql: sql)
            if let resolvedAt = state.resolvedAt {
                try db.execute(sql: sql.resolveRecord, arguments: [resolvedAt, state.resolutionNote, id])
            }
            for event in state.events {
                try db.execute(sql: sql.insertEvent, arguments: [id, sha, event.kind.rawValue, event.at, event.detail])
            }
            return .restored
        }
        logger.debug("record restored", metadata: ["record.sha256": "\(rows.source.sha256)", "store.outcome": "\(outcome.rawValue)"])
        return outcome
    }
}
