import IntakeRecord

/// Where case records live: one interface, a SQLite file (``SQLiteRecordStore``) by default or a
/// shared PostgreSQL server (``PostgresRecordStore``). Open one with ``StoreLocation/open(_:logger:)``.
///
/// ```swift
/// let store = try await StoreLocation.open(nil, logger: logger)
/// let saved = try await store.save(record)     // .inserted, .updated or .unchanged
/// try await store.close()
/// ```
///
/// A record's identity is its source's SHA-256 (for an e-mail attachment, the attachment's).
/// Every write is one transaction: a failure leaves nothing half-written, and saving the same
/// source twice, even from two processes at once, leaves one record.
public protocol RecordStore: WatchJournal {
    /// `sqlite` or `postgres`, for logs.
    var kind: String { get }

    /// Stores a record, or updates the stored one with the same source SHA-256 when its content
    /// differs (fields and findings replaced, a `reprocessed` event logged); identical content
    /// changes nothing, and identical content from another place or time is only a `duplicate`
    /// event (the stored record keeps its first source; see ``SavePlan``).
    @discardableResult
    func save(_ record: CaseRecord) async throws -> SaveResult

    /// Stores an exported record with its history exactly (times, resolution, audit log), as
    /// `records import` does with a line of `records export`; a record already stored is left as
    /// it is (``RestoreOutcome/unchanged`` when it has the same content and history).
    func restore(_ record: CaseRecord, state: StoredState) async throws -> RestoreOutcome

    /// The stored records that match, newest first.
    func records(matching filter: RecordFilter) async throws -> [StoredRecord]

    /// Whether a record for the source with this SHA-256 is stored (a resumed batch skips it).
    func hasRecord(sha256: String) async throws -> Bool

    /// One stored record, nil when no record has that id.
    func record(id: Int64) async throws -> StoredRecord?

    /// Marks a needs-attention or rejected record resolved, so that it joins its case; logs a
    /// `resolved` event. Throws `store.failed` when no record has that id.
    func resolve(id: Int64, note: String?) async throws

    /// Appends an event to a record's audit log (e.g. `reported`, by the report stage).
    func appendEvent(_ kind: StoreEventKind, recordID: Int64, detail: String?) async throws

    /// A record's audit log, oldest first.
    func events(recordID: Int64) async throws -> [StoreEvent]

    /// Cases with at least one accepted or resolved record, newest activity first.
    func cases() async throws -> [CaseSummary]

    /// One case and its timeline (accepted or resolved records by stage, then date).
    func caseDetail(id: Int64) async throws -> CaseDetail?

    /// Releases connections and files. The store must not be used afterwards.
    func close() async throws
}

/// What ``RecordStore/save(_:)`` did.
public enum SaveOutcome: String, Sendable, Equatable, Codable {
    case inserted, updated, unchanged
    /// The same file (same SHA-256) seen again from another place or time: a `duplicate`
    /// event on the stored record, which keeps the source it was first received with.
    case duplicate
}

public struct SaveResult: Sendable, Equatable {
    public var outcome: SaveOutcome
    /// The stored record's id (stable across updates).
    public var id: Int64

    public init(outcome: SaveOutcome, id: Int64) {
        self.outcome = outcome
        self.id = id
    }
}

/// Which records ``RecordStore/records(matching:)`` returns; nil means any.
public struct RecordFilter: Sendable, Equatable {
    public var status: StoredStatus?
    public var partnership: String?
    /// `YYYY-MM-DD`: records received (or, when the source gave no date, stored) on or after it.
    public var since: String?

    public init(status: StoredStatus? = nil, partnership: String? = nil, since: String? = nil) {
        self.status = status
        self.partnership = partnership
        self.since = since
    }
}

/// A stored record's standing: its own status, or `resolved` once the business unit resolved it.
public enum StoredStatus: String, Sendable, Equatable, CaseIterable, Codable {
    case accepted
    case needsAttention = "needs-attention"
    case rejected
    case resolved
}

/// A record as the store keeps it.
public struct StoredRecord: Sendable, Equatable {
    public var id: Int64
    public var record: CaseRecord
    /// The record's stage (``CaseFacts/stage``), when it has one.
    public var stage: Int?
    /// The record's case reference (``CaseFacts/reference``), when its form has one.
    public var caseReference: String?
    public var caseID: Int64?
    /// ISO-8601 UTC: first stored, last changed.
    public var storedAt: String
    public var updatedAt: String
    public var resolvedAt: String?
    public var resolutionNote: String?

    public init(id: Int64, record: CaseRecord, stage: Int?, caseReference: String?, caseID: Int64?,
                storedAt: String, updatedAt: String, resolvedAt: String?, resolutionNote: String?) {
        self.id = id
        self.record = record
        self.stage = stage
        self.caseReference = caseReference
        self.caseID = caseID
        self.storedAt = storedAt
        self.updatedAt = updatedAt
        self.resolvedAt = resolvedAt
        self.resolutionNote = resolutionNote
    }

    public var sha256: String { record.source.sha256 }

    public var status: StoredStatus {
        if resolvedAt != nil { return .resolved }
        switch record.status {
        case .accepted: return .accepted
        case .needsAttention: return .needsAttention
        case .rejected: return .rejected
        }
    }

    /// Accepted or resolved: counted in its case.
    public var isInCase: Bool { status == .accepted || status == .resolved }
}

/// The kinds of the append-only audit log.
public enum StoreEventKind: String, Sendable, Equatable, CaseIterable, Codable {
    case received, extracted, stored, reprocessed, reported, resolved
    /// The same file (same SHA-256) came in again and was filed without being stored again.
    case duplicate
}

public struct StoreEvent: Sendable, Equatable {
    public var id: Int64
    public var recordID: Int64
    public var sha256: String
    public var kind: StoreEventKind
    /// ISO-8601 UTC.
    public var at: String
    /// Status, mapping version or the resolution note: never a field value.
    public var detail: String?

    public init(id: Int64, recordID: Int64, sha256: String, kind: StoreEventKind, at: String, detail: String?) {
        self.id = id
        self.recordID = recordID
        self.sha256 = sha256
        self.kind = kind
        self.at = at
        self.detail = detail
    }
}

/// A dispute followed across stages: submissions that share a case key (see the mappings'
/// `case_keys`).
public struct CaseSummary: Sendable, Equatable {
    public var id: Int64
    public var partnership: String?
    public var reference: String?
    /// Accepted or resolved records in the case.
    public var recordCount: Int
    /// The highest stage any of them was submitted at.
    public var latestStage: Int?
    /// ISO-8601 UTC: when the case was opened and last changed.
    public var openedAt: String
    public var updatedAt: String

    public init(id: Int64, partnership: String?, reference: String?, recordCount: Int,
                latestStage: Int?, openedAt: String, updatedAt: String) {
        self.id = id
        self.partnership = partnership
        self.reference = reference
        self.recordCount = recordCount
        self.latestStage = latestStage
        self.openedAt = openedAt
        self.updatedAt = updatedAt
    }
}

public struct CaseDetail: Sendable, Equatable {
    public var summary: CaseSummary
    /// Accepted or resolved records, by stage then date.
    public var timeline: [StoredRecord]

    public init(summary: CaseSummary, timeline: [StoredRecord]) {
        self.summary = summary
        self.timeline = timeline
    }
}
