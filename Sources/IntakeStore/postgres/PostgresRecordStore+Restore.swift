import IntakeRecord
import Logging

extension PostgresRecordStore {
    public func restore(_ record: CaseRecord, state: StoredState) async throws -> RestoreOutcome {
        let rows = try RecordRows(record)
        let logger = self.logger
        let outcome = try await transaction("restoring a record") { db in
            try await RecordWriter.restore(rows, state: state, on: PostgresStoreConnection(connection: db, logger: logger))
        }
        logger.debug("record restored", metadata: ["record.sha256": "\(rows.source.sha256)", "store.outcome": "\(outcome.rawValue)"])
        return outcome
    }
}
