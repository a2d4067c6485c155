import Foundation
import IntakePipeline
import IntakeRecord
import IntakeReports
import IntakeStore
import Logging

/// Takes one claimed file through to the end: hashed, owned in the journal, read, its records
/// committed, then filed. Every step can be cut short by a crash and taken up again from the
/// claim (``InboxWatcher`` resumes what a crash left), without reading a stored file again:
///
/// 1. the journal's `file:SHA` entry names the claim that owns the content; a later claim of
///    the same content is a duplicate, filed beside a note and neither stored nor printed again;
/// 2. before saving, the entry lists the records' SHA-256s, so that a claim resumed after
///    the save files the file from the stored records instead of reading it again;
/// 3. the name to file under is journalled (`filing:TOKEN`) and the note written before the
///    file is moved, so a claim resumed mid-filing keeps its name and its note;
/// 4. after filing, the entry is marked done with where the file went.
///
/// ``CrashPoint`` names the moments between these steps; the tests kill the watcher at each.
struct InboxClerk: Sendable {
    let layout: InboxLayout
    let processor: any FileProcessor
    let store: any RecordStore
    let reports: ReportContext
    let output: @Sendable (CaseRecord) -> Void
    /// The contents this watcher's jobs are at work on (``InboxWatcher/Options/jobs``).
    let inHand: ContentInHand
    let logger: Logger

    /// What became of one file.
    enum Outcome: Sendable, Equatable {
        /// Filed by its overall status; `allAccepted` false when any of its records is not accepted.
        case filed(RecordStatus, allAccepted: Bool)
        case duplicate
        /// Not a regular file, or not readable: filed as rejected without a record.
        case refused
        /// Changed while being read, or its content's first claim is still at work: tried again later.
        case putBack
    }

    struct Claim: Sendable {
        /// Where the claimed file is now.
        var path: String
        var token: String
        /// Where it arrived, inside the inbox (the records' path).
        var arrival: String
        /// A claim taken just now rather than resumed after a crash.
        var fresh: Bool
    }

    /// The journal's entry for a file's content.
    struct Entry: Codable, Equatable {
        var claim: String
        var shas: [String]?
        var done = false
        var record: Int64?
        var filedAs: String?
        var filedAt: String?
    }

    func finish(_ claim: Claim) async throws -> Outcome {
        let started = ContinuousClock.now
        guard let stamp = InboxFileSystem.stamp(claim.path) else { return .putBack }
        if let refusal = stamp.refusal { return try await refuse(claim, code: "inbox.not-regular", reason: refusal, started: started) }
        let sha: String
        do {
            sha = try InboxFileSystem.sha256(claim.path)
        } catch let fault as InboxFault {
            return try await refuse(claim, code: fault.code, reason: "The file could not be opened or read (\(fault.code)).", started: started)
        }
        // Two files of one content finished at once: the second waits in its claim, resumed
        // with the leftovers once the first is filed (and then a duplicate).
        guard inHand.take(sha) else { return .putBack }
        defer { inHand.release(sha) }
        let key = "file:" + sha
        let ours = Entry(claim: claim.token)
        var entry = try decode(try await store.claimEntry(key, value: try encode(ours)))
        var earlier: Entry?
        if entry.claim != claim.token {
            if entry.done, let first = entry.record {
                return try await duplicate(claim, sha: sha, of: first, entry: entry, started: started)
            }
            // The first claim of this content is at work, or was cut short by a crash before
            // filing: wait for it while its claim is there, else take the content over.
            if try await InboxClaims.exists(token: entry.claim, in: layout, journal: store) { return .putBack }
            earlier = entry
            entry = ours
            try await store.setEntry(key, value: try encode(entry))
        }
        if claim.fresh || earlier != nil, let first = try await firstStoredRecord(sha: sha, earlier: earlier) {
            // Stored before: by a claim a crash cut short after filing, or by `intake extract --store`.
            return try await duplicate(claim, sha: sha, of: first, entry: earlier ?? entry, started: started)
        }
        var records = try await storedRecords(entry) ?? []
        let alreadyStored = !records.isEmpty
        if !alreadyStored {
            records = await processor.records(for: .init(url: URL(fileURLWithPath: claim.path), displayPath: claim.arrival), logger: logger)
            if InboxFileSystem.stamp(claim.path) != stamp { return try putBack(claim) }
            records = records.map { record in
                var record = record
                // A file the reader could not open has no hash in its record: give it the file's.
                if record.source.sha256.isEmpty { record.source.sha256 = sha }
                return record
            }
            entry.shas = records.map(\.source.sha256)
            try await store.setEntry(key, value: try encode(entry))
            CrashPoint.reach(.read)
        }
        var firstID: Int64?
        for record in records {
            let saved = try await store.save(record)
            firstID = firstID ?? saved.id
            if !alreadyStored && saved.outcome != .unchanged { output(record) }
        }
        CrashPoint.reach(.saved)
        let status = Self.overall(records)
        entry.filedAs = try await file(claim, records: records, status: status)
        CrashPoint.reach(.filed)
        entry.done = true
        entry.record = firstID
        entry.filedAt = InboxLayout.today()
        try await store.setEntry(key, value: try encode(entry))
        let code = records.lazy.flatMap(\.findings).first(where: { $0.severity == .error })?.code.rawValue ?? "ok"
        log(started, code: code, sha: sha, status: status.rawValue)
        return .filed(status, allAccepted: records.allSatisfy { $0.status == .accepted })
    }

    private func refuse(_ claim: Claim, code: String, reason: String, started: ContinuousClock.Instant) async throws -> Outcome {
        try await fileRefused(claim, reason: reason)
        log(started, code: code, sha: "", status: "refused")
        return .refused
    }

    private func duplicate(_ claim: Claim, sha: String, of first: Int64, entry: Entry, started: ContinuousClock.Instant) async throws -> Outcome {
        try await fileDuplicate(claim, sha: sha, of: first, entry: entry)
        log(started, code: "inbox.duplicate", sha: sha, status: "duplicate")
        return .duplicate
    }

    /// The id of the record stored for this content: the file's own (a document), or the first
    /// of an earlier claim's records (an e-mail, keyed by its attachments).
    private func firstStoredRecord(sha: String, earlier: Entry?) async throws -> Int64? {
        if let id = try await store.recordID(sha256: sha) { return id }
        guard let earlier, let first = earlier.shas?.first, try await storedRecords(earlier) != nil else { return nil }
        return try await store.recordID(sha256: first)
    }

    /// The records a resumed claim already stored, so that the file is not read again.
    private func storedRecords(_ entry: Entry) async throws -> [CaseRecord]? {
        guard let shas = entry.shas, !shas.isEmpty else { return nil }
        var records: [CaseRecord] = []
        for sha in shas {
            guard let id = try await store.recordID(sha256: sha), let stored = try await store.record(id: id) else { return nil }
            records.append(stored.record)
        }
        return records
    }

    /// Accepted when any record is, rejected only when every one is.
    static func overall(_ records: [CaseRecord]) -> RecordStatus {
        if records.contains(where: { $0.status == .accepted }) { return .accepted }
        if records.contains(where: { $0.status == .needsAttention }) { return .needsAttention }
        return .rejected
    }

    /// One line per file: a code, the hash's first 12 characters, the status and how long it
    /// took. Never a field value or the file's name.
    private func log(_ started: ContinuousClock.Instant, code: String, sha: String, status: String) {
        let ms = (ContinuousClock.now - started).wholeMilliseconds
        logger.notice("filed", metadata: [
            "file.code": "\(code)", "file.sha256": "\(sha.prefix(12))", "file.status": "\(status)", "file.ms": "\(ms)",
        ])
    }

    func encode(_ entry: Entry) throws -> String {
        String(decoding: try JSONEncoder().encode(entry), as: UTF8.self)
    }

    func decode(_ text: String) throws -> Entry {
        try JSONDecoder().decode(Entry.self, from: Data(text.utf8))
    }
}
