import IntakeRecord
import Logging
import PostgresNIO

extension PostgresRecordStore {
    public func restore(_ record: CaseRecord, state: StoredState) async throws -> RestoreOutcome {
        let rows = try RecordRows(record)
        let (sql, logger) = (self.sql, self.logger)
        let outcome = try await transaction("restoring a record") { db -> RestoreOutcome in
            let sha = rows.source.sha256
            try await Self.lockSource(sha, on: db, logger: logger)
            if let existing = try await db.rows(sql.findRecord, [sha], logger: logger).first {
                let id = try existing.decode((Int64, String).self).0
                guard let stored = try await db.rows(sql.selectRecord, [id], logger: logger).first.map(Self.storedRecord) else {
                    return .kept
                }
                let events = try await db.rows(sql.selectEvents, [id], logger: logger).map(Self.event)
                let same = try RecordRows.json(stored.record) == rows.recordJSON
                    && StoredState(stored, events: events, caseOf: nil).sameHistory(as: state)
                return same ? .unchanged : .kept
            }
            let id = try await Self.insertNew(rows, storedAt: state.storedAt, updatedAt: state.updatedAt, on: db, sql: sql, logger: logger)
            if let resolvedAt = state.resolvedAt {
                try await db.rows(sql.resolveRecord, [resolvedAt, state.resolutionNote, id], logger: logger)
            }
            for event in state.events {
                try await db.rows(sql.insertEvent, [id, sha, event.kind.rawValue, event.at, event.detail], logger: logger)
            }
            return .restored
        }
        logger.debug("record restored", metadata: ["record.sha256": "\(rows.source.sha256)", "store.outcome": "\(outcome.rawValue)"])
        return outcome
    }
}
