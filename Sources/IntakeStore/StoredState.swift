import IntakeRecord

/// What the store knows of a record beyond the record itself: exported with it (JSON Lines,
/// key `store`) so that an import restores it exactly, in a store of either kind.
public struct StoredState: Sendable, Codable, Equatable {
    public struct Event: Sendable, Codable, Equatable {
        public var kind: StoreEventKind
        public var at: String
        public var detail: String?
    }

    public var storedAt: String
    public var updatedAt: String
    public var resolvedAt: String?
    public var resolutionNote: String?
    /// The source SHA-256 of the first record (by storing order) in this record's case: which
    /// records share a case, said without the store's own ids. Import relinks cases from the
    /// records' fields; this says what the links were.
    public var caseOf: String?
    /// The audit log, oldest first.
    public var events: [Event]

    enum CodingKeys: String, CodingKey {
        case storedAt = "stored_at", updatedAt = "updated_at", resolvedAt = "resolved_at"
        case resolutionNote = "resolution_note", caseOf = "case_of", events
    }

    public init(_ stored: StoredRecord, events: [StoreEvent], caseOf: String?) {
        storedAt = stored.storedAt
        updatedAt = stored.updatedAt
        resolvedAt = stored.resolvedAt
        resolutionNote = stored.resolutionNote
        self.caseOf = caseOf
        self.events = events.map { Event(kind: $0.kind, at: $0.at, detail: $0.detail) }
    }

    /// Everything an import restores (the case link is derived again, so it is not compared).
    func sameHistory(as other: StoredState) -> Bool {
        storedAt == other.storedAt && updatedAt == other.updatedAt && resolvedAt == other.resolvedAt
            && resolutionNote == other.resolutionNote && events == other.events
    }
}

/// One line of `records export --format jsonl`: the case record in the contract's shape, plus
/// `store` (``StoredState``). A line from `intake extract` has no `store` and imports as a save.
public struct ExportedRecord: Sendable, Codable, Equatable {
    public var record: CaseRecord
    public var store: StoredState?

    public init(record: CaseRecord, store: StoredState?) {
        self.record = record
        self.store = store
    }

    enum CodingKeys: String, CodingKey { case store }

    public init(from decoder: any Decoder) throws {
        record = try CaseRecord(from: decoder)
        store = try decoder.container(keyedBy: CodingKeys.self).decodeIfPresent(StoredState.self, forKey: .store)
    }

    public func encode(to encoder: any Encoder) throws {
        try record.encode(to: encoder)
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encodeIfPresent(store, forKey: .store)
    }
}

/// What ``RecordStore/restore(_:state:)`` did.
public enum RestoreOutcome: String, Sendable, Equatable {
    /// The record was not stored: it now is, with its history.
    case restored
    /// The store already holds it, with the same content and history.
    case unchanged
    /// The store holds another version of it (other content or history): kept as it is.
    case kept
}
