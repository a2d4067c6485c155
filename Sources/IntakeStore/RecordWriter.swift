import IntakeRecord

/// Saving, restoring and case linking, written once for both stores over ``StoreConnection``.
/// Each function runs inside the caller's one transaction: a failure anywhere leaves nothing
/// half-written.
enum RecordWriter {
    /// Stores a record, or follows ``SavePlan`` when one for the same source is stored.
    static func save(_ rows: RecordRows, record: CaseRecord, on db: some StoreConnection) async throws -> SaveResult {
        let (sql, now, s) = (db.sql, RecordRows.now(), rows.source)
        try await db.lockSource(s.sha256)
        if let existing = try await db.query(sql.findRecord, [s.sha256]).first {
            let id = try existing.requiredInteger(0)
            switch try SavePlan(storedJSON: try existing.requiredText(1), id: id, incoming: record) {
            case .unchanged:
                return SaveResult(outcome: .unchanged, id: id)
            case .duplicate(let detail):
                try await db.execute(sql.insertEvent, [id, s.sha256, "duplicate", now, detail])
                return SaveResult(outcome: .duplicate, id: id)
            case .reprocess(let rows, let previous, let duplicate):
                try await db.execute(sql.updateRecord, [
                    rows.kind, rows.partnership, rows.mapping, rows.mappingVersion, rows.status, rows.stage,
                    rows.documentDate, rows.caseReference, rows.recordJSON, now, id,
                ])
                try await db.execute(sql.deleteFields, [id])
                try await db.execute(sql.deleteFindings, [id])
                try await insertDetails(rows, recordID: id, on: db)
                try await linkCase(rows, recordID: id, now: now, on: db)
                if let duplicate { try await db.execute(sql.insertEvent, [id, s.sha256, "duplicate", now, duplicate]) }
                let detail = "previous=\(previous.status.rawValue) " + rows.extractedDetail
                try await db.execute(sql.insertEvent, [id, s.sha256, "reprocessed", now, detail])
                return SaveResult(outcome: .updated, id: id)
            }
        }
        let id = try await insertNew(rows, storedAt: now, updatedAt: now, on: db)
        let received = s.emailPath == nil ? "format=\(s.format)" : "format=\(s.format) via=e-mail"
        for (kind, at, detail) in [("received", s.receivedAt ?? now, received as String?),
                                   ("extracted", now, rows.extractedDetail), ("stored", now, nil)] {
            try await db.execute(sql.insertEvent, [id, s.sha256, kind, at, detail])
        }
        return SaveResult(outcome: .inserted, id: id)
    }

    /// Stores an exported record with its history exactly; one already stored is left as it is.
    static func restore(_ rows: RecordRows, state: StoredState, on db: some StoreConnection) async throws -> RestoreOutcome {
        let (sql, sha) = (db.sql, rows.source.sha256)
        try await db.lockSource(sha)
        if let existing = try await db.query(sql.findRecord, [sha]).first {
            let id = try existing.requiredInteger(0)
            guard let stored = try await db.query(sql.selectRecord, [id]).first.map(StoredRecord.init) else { return .kept }
            let events = try await db.query(sql.selectEvents, [id]).map(StoreEvent.init)
            let same = try RecordRows.json(stored.record) == rows.recordJSON
                && StoredState(stored, events: events, caseOf: nil).sameHistory(as: state)
            return same ? .unchanged : .kept
        }
        let id = try await insertNew(rows, storedAt: state.storedAt, updatedAt: state.updatedAt, on: db)
        if let resolvedAt = state.resolvedAt {
            try await db.execute(sql.resolveRecord, [resolvedAt, state.resolutionNote, id])
        }
        for event in state.events {
            try await db.execute(sql.insertEvent, [id, sha, event.kind.rawValue, event.at, event.detail])
        }
        return .restored
    }

    /// A record not stored yet (source, record, fields, findings, case link), without its
    /// events. `storedAt` also dates the source and the case it opens or touches.
    private static func insertNew(_ rows: RecordRows, storedAt: String, updatedAt: String, on db: some StoreConnection) async throws -> Int64 {
        let (sql, s) = (db.sql, rows.source)
        guard let sourceID = try await db.query(sql.insertSource, [
            s.sha256, s.originalName, s.originalPath, s.format, s.size, s.receivedAt, s.sender,
            s.emailPath, s.emailSubject, storedAt,
        ]).first?.integer(0), let id = try await db.query(sql.insertRecord, [
            sourceID, rows.kind, rows.partnership, rows.mapping, rows.mappingVersion, rows.status,
            rows.stage, rows.documentDate, rows.caseReference, rows.recordJSON, storedAt, updatedAt,
        ]).first?.integer(0) else {
            throw StoreError(.storeFailed, "The store returned no id for a new record.")
        }
        try await insertDetails(rows, recordID: id, on: db)
        try await linkCase(rows, recordID: id, now: storedAt, on: db)
        return id
    }

    private static func insertDetails(_ rows: RecordRows, recordID: Int64, on db: some StoreConnection) async throws {
        for f in rows.fields {
            try await db.execute(db.sql.insertField, [
                recordID, f.position, f.key, f.typeName, f.valueJSON, f.displayText, f.provenanceJSON,
            ])
        }
        for f in rows.findings {
            try await db.execute(db.sql.insertFinding, [recordID, f.position, f.code, f.severity, f.field, f.message])
        }
    }

    /// Links the record to the case its keys name, opening one, or merging the cases the record
    /// shows to be the same dispute.
    private static func linkCase(_ rows: RecordRows, recordID: Int64, now: String, on db: some StoreConnection) async throws {
        let sql = db.sql
        guard !rows.caseKeys.isEmpty else {
            try await db.execute(sql.setRecordCase, [nil as Int64?, recordID])
            return
        }
        try await db.lockCases()
        let found = try await db.query(sql.caseIDs(forKeys: rows.caseKeys.count), rows.caseKeys).map { try $0.requiredInteger(0) }
        let caseID: Int64
        if let first = found.first {
            caseID = first
            for other in found.dropFirst() {
                for statement in sql.mergeCase { try await db.execute(statement, [caseID, other]) }
                try await db.execute(sql.deleteCase, [other])
            }
        } else {
            guard let id = try await db.query(sql.insertCase, [rows.partnership, rows.caseReference, now, now]).first?.integer(0) else {
                throw StoreError(.storeFailed, "The store returned no id for a new case.")
            }
            caseID = id
        }
        for key in rows.caseKeys { try await db.execute(sql.insertCaseKey, [key, caseID]) }
        try await db.execute(sql.touchCase, [now, rows.caseReference, caseID])
        try await db.execute(sql.setRecordCase, [caseID, recordID])
    }
}
