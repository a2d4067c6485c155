import IntakeRecord

/// The stores' rows read back into records, events and cases, once for both stores (columns
/// as ``StoreSQL`` selects them).
extension StoredRecord {
    init(_ row: StoreRow) throws {
        let id = try row.requiredInteger(0)
        self.init(id: id, record: try RecordRows.decodeRecord(try row.requiredText(1), id: id),
                  stage: try row.integer(2).map { Int($0) }, caseReference: try row.text(3), caseID: try row.integer(4),
                  storedAt: try row.requiredText(5), updatedAt: try row.requiredText(6), resolvedAt: try row.text(7),
                  resolutionNote: try row.text(8))
    }
}

extension StoreEvent {
    init(_ row: StoreRow) throws {
        let id = try row.requiredInteger(0)
        guard let kind = StoreEventKind(rawValue: try row.requiredText(3)) else {
            throw StoreError(.storeFailed, "Event \(id) has an unknown kind.")
        }
        self.init(id: id, recordID: try row.requiredInteger(1), sha256: try row.requiredText(2), kind: kind,
                  at: try row.requiredText(4), detail: try row.text(5))
    }
}

extension CaseSummary {
    init(_ row: StoreRow) throws {
        self.init(id: try row.requiredInteger(0), partnership: try row.text(1), reference: try row.text(2),
                  recordCount: Int(try row.requiredInteger(3)), latestStage: try row.integer(4).map { Int($0) },
                  openedAt: try row.requiredText(5), updatedAt: try row.requiredText(6))
    }
}
