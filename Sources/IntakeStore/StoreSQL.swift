import IntakeRecord

/// The statements both stores run, written once with `?` placeholders. The PostgreSQL store
/// numbers them (`$1`…) and casts JSON text to `jsonb`; nothing else differs.
struct StoreSQL: Sendable {
    enum Dialect: Sendable { case sqlite, postgres }

    let dialect: Dialect

    /// `?::jsonb` on PostgreSQL, `?` on SQLite.
    private var json: String { dialect == .postgres ? "?::jsonb" : "?" }
    /// A JSON column read back as text.
    private func text(_ column: String) -> String { dialect == .postgres ? "\(column)::text" : column }

    /// `?` → `$1`, `$2`… for PostgreSQL. The statements here have no `?` inside literals.
    func finish(_ sql: String) -> String {
        guard dialect == .postgres else { return sql }
        var out = ""
        var n = 0
        for ch in sql {
            if ch == "?" { n += 1; out += "$\(n)" } else { out.append(ch) }
        }
        return out
    }

    // MARK: Save

    var findRecord: String {
        finish("""
            SELECT r.id, \(text("r.record_json")) FROM records r
            JOIN sources s ON s.id = r.source_id WHERE s.sha256 = ?
            """)
    }

    /// Binds: sha256, original_name, original_path, format, size, received_at, sender,
    /// email_path, email_subject, first_seen_at.
    var insertSource: String {
        finish("""
            INSERT INTO sources (sha256, original_name, original_path, format, size, received_at, sender,
                                 email_path, email_subject, first_seen_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id
            """)
    }

    /// Binds: source_id, kind, partnership, mapping, mapping_version, status, stage, doc_date,
    /// case_ref, record_json, stored_at, updated_at.
    var insertRecord: String {
        finish("""
            INSERT INTO records (source_id, kind, partnership, mapping, mapping_version, status, stage,
                                 doc_date, case_ref, record_json, stored_at, updated_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, \(json), ?, ?) RETURNING id
            """)
    }

    /// Binds: kind, partnership, mapping, mapping_version, status, stage, doc_date, case_ref,
    /// record_json, updated_at, id.
    var updateRecord: String {
        finish("""
            UPDATE records SET kind = ?, partnership = ?, mapping = ?, mapping_version = ?, status = ?,
                               stage = ?, doc_date = ?, case_ref = ?, record_json = \(json), updated_at = ?
            WHERE id = ?
            """)
    }

    var deleteFields: String { finish("DELETE FROM fields WHERE record_id = ?") }
    var deleteFindings: String { finish("DELETE FROM findings WHERE record_id = ?") }

    /// Binds: record_id, position, key, value_type, value_json, display_text, provenance_json.
    var insertField: String {
        finish("""
            INSERT INTO fields (record_id, position, key, value_type, value_json, display_text, provenance_json)
            VALUES (?, ?, ?, ?, \(json), ?, \(json))
            """)
    }

    /// Binds: record_id, position, code, severity, field, message.
    var insertFinding: String {
        finish("""
            INSERT INTO findings (record_id, position, code, severity, field, message)
            VALUES (?, ?, ?, ?, ?, ?)
            """)
    }

    /// Binds: record_id, sha256, kind, at, detail.
    var insertEvent: String {
        finish("INSERT INTO events (record_id, sha256, kind, at, detail) VALUES (?, ?, ?, ?, ?)")
    }

    // MARK: Cases

    func caseIDs(forKeys count: Int) -> String {
        let marks = Array(repeating: "?", count: count).joined(separator: ", ")
        return finish("SELECT DISTINCT case_id FROM case_keys WHERE key IN (\(marks)) ORDER BY case_id")
    }

    /// Binds: partnership, reference, opened_at, updated_at.
    var insertCase: String {
        finish("INSERT INTO cases (partnership, reference, opened_at, updated_at) VALUES (?, ?, ?, ?) RETURNING id")
    }

    /// Binds: into, from (the same three times over).
    var mergeCase: [String] {
        [
            finish("UPDATE records SET case_id = ? WHERE case_id = ?"),
            finish("UPDATE case_keys SET case_id = ? WHERE case_id = ?"),
        ]
    }

    var deleteCase: String { finish("DELETE FROM cases WHERE id = ?") }

    /// Binds: key, case_id.
    var insertCaseKey: String {
        finish("INSERT INTO case_keys (key, case_id) VALUES (?, ?) ON CONFLICT (key) DO NOTHING")
    }

    /// Binds: updated_at, reference, id.
    var touchCase: String {
        finish("UPDATE cases SET updated_at = ?, reference = COALESCE(reference, ?) WHERE id = ?")
    }

    /// Binds: case_id (or null), id.
    var setRecordCase: String { finish("UPDATE records SET case_id = ? WHERE id = ?") }

    // MARK: Reading

    private var recordColumns: String {
        """
        SELECT r.id, \(text("r.record_json")), r.stage, r.case_ref, r.case_id, r.stored_at, r.updated_at,
               r.resolved_at, r.resolution_note
        FROM records r JOIN sources s ON s.id = r.source_id
        """
    }

    /// The query and its text binds for a filter.
    func selectRecords(_ filter: RecordFilter) -> (sql: String, binds: [String]) {
        var conditions: [String] = []
        var binds: [String] = []
        switch filter.status {
        case nil: break
        case .resolved?: conditions.append("r.resolved_at IS NOT NULL")
        case let status?:
            conditions.append("r.status = ? AND r.resolved_at IS NULL")
            binds.append(status.rawValue)
        }
        if let partnership = filter.partnership {
            conditions.append("r.partnership = ?")
            binds.append(partnership)
        }
        if let since = filter.since {
            conditions.append("COALESCE(s.received_at, r.stored_at) >= ?")
            binds.append(since)
        }
        let whereClause = conditions.isEmpty ? "" : " WHERE " + conditions.joined(separator: " AND ")
        return (finish(recordColumns + whereClause + " ORDER BY r.stored_at DESC, r.id DESC"), binds)
    }

    var selectRecord: String { finish(recordColumns + " WHERE r.id = ?") }

    /// In-case records only (accepted, or resolved), by stage then the document's date.
    var selectTimeline: String {
        finish(recordColumns + """
             WHERE r.case_id = ? AND (r.status = 'accepted' OR r.resolved_at IS NOT NULL)
            ORDER BY r.stage IS NULL, r.stage, r.doc_date IS NULL, r.doc_date, r.id
            """)
    }

    private var caseColumns: String {
        """
        SELECT c.id, c.partnership, c.reference, COUNT(r.id), MAX(r.stage), c.opened_at, MAX(r.updated_at)
        FROM cases c JOIN records r ON r.case_id = c.id
        WHERE (r.status = 'accepted' OR r.resolved_at IS NOT NULL)
        """
    }

    var selectCases: String {
        finish(caseColumns + " GROUP BY c.id, c.partnership, c.reference, c.opened_at ORDER BY MAX(r.updated_at) DESC, c.id DESC")
    }

    var selectCase: String {
        finish(caseColumns + " AND c.id = ? GROUP BY c.id, c.partnership, c.reference, c.opened_at")
    }

    /// Binds: resolved_at, note, id. Only records that are not accepted and not yet resolved.
    var resolveRecord: String {
        finish("""
            UPDATE records SET resolved_at = ?, resolution_note = ?
            WHERE id = ? AND status <> 'accepted' AND resolved_at IS NULL
            """)
    }

    /// Whether a record exists for a source, for resuming a batch without re-reading what is stored.
    var hasRecordForSHA: String {
        finish("SELECT COUNT(*) FROM records r JOIN sources s ON s.id = r.source_id WHERE s.sha256 = ?")
    }

    var recordSHA: String { finish("SELECT s.sha256 FROM records r JOIN sources s ON s.id = r.source_id WHERE r.id = ?") }

    var selectEvents: String {
        finish("SELECT id, record_id, sha256, kind, at, detail FROM events WHERE record_id = ? ORDER BY id")
    }
}
