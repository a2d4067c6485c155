import IntakeRecord

/// What saving a record does when a record for the same source SHA-256 is already stored; both
/// stores follow it.
///
/// The same bytes seen again (another path, another received time, another e-mail) are a
/// duplicate: the stored record keeps the source it was first received with, and the duplicate
/// is only a `duplicate` event in its audit log. Only a change in what was read from the bytes
/// (a newer mapping, a new reading) replaces the stored content, still under the first source.
enum SavePlan {
    /// Identical content from the same source: nothing to do.
    case unchanged
    /// The same content from another source: a `duplicate` event, nothing else.
    case duplicate(detail: String)
    /// New content: `rows` (under the stored source) replace the stored ones; `duplicate` is the
    /// detail of a `duplicate` event when it also came from another source.
    case reprocess(rows: RecordRows, previous: CaseRecord, duplicate: String?)

    init(storedJSON: String, id: Int64, incoming: CaseRecord) throws {
        let stored = try RecordRows.decodeRecord(storedJSON, id: id)
        var kept = incoming
        kept.source = stored.source
        let duplicate = try RecordRows.json(incoming.source) == RecordRows.json(stored.source)
            ? nil : Self.duplicateDetail(incoming.source)
        // Canonical JSON, not ==: field order is not part of a record's content.
        let rows = try RecordRows(kept)
        if try RecordRows.json(stored) == rows.recordJSON {
            self = duplicate.map { .duplicate(detail: $0) } ?? .unchanged
        } else {
            self = .reprocess(rows: rows, previous: stored, duplicate: duplicate)
        }
    }

    /// How the duplicate arrived, never where from: a path or attachment name can name a child.
    private static func duplicateDetail(_ source: RecordSource) -> String {
        var parts = ["format=\(source.format)"]
        if source.attachmentOf != nil { parts.append("via=e-mail") }
        if let received = source.receivedAt { parts.append("received=\(received)") }
        return parts.joined(separator: " ")
    }
}
