import Foundation
import IntakeRecord
import IntakeReports
import IntakeStore

/// Where a finished file goes, and the note beside it that says why.
extension InboxClerk {
    /// Files a file whose records are committed; returns where it went, inside the inbox.
    func file(_ claim: Claim, records: [CaseRecord], status: RecordStatus) throws -> String {
        if status == .rejected { return try file(claim, rejected: true, note: ("reason", Self.reasonText(records))) }
        let unaccepted = records.filter { $0.status != .accepted }
        let report = unaccepted.map { SubmitterReport(record: $0, context: reports).renderText() }.joined(separator: "\n")
        return try file(claim, rejected: false, note: unaccepted.isEmpty ? nil : ("report", report))
    }

    /// A symbolic link, pipe, device, hard-linked or unreadable file: filed as rejected, unopened.
    func fileRefused(_ claim: Claim, reason: String) throws {
        _ = try file(claim, rejected: true, note: ("reason", reason + "\n"))
    }

    /// The same content as a file filed before: a `duplicate` event on the first record, the
    /// file filed beside a note naming it, nothing stored or printed again.
    func fileDuplicate(_ claim: Claim, sha: String, of first: Int64, entry: Entry) async throws {
        try await store.appendEvent(.duplicate, recordID: first, detail: "claim=\(claim.token)")
        var note = "Duplicate: this file has the same content (SHA-256 \(sha)) as record \(first)"
        if let filedAs = entry.filedAs { note += ", filed as \(filedAs)" }
        if let filedAt = entry.filedAt { note += " on \(filedAt)" }
        note += ". It was not stored again; `intake records show \(first)` shows the record.\n"
        _ = try file(claim, rejected: false, note: ("duplicate", note))
    }

    /// Moves the claimed file to today's `processed/` or `rejected/` with `NAME.KIND.txt` beside
    /// it; in a Maildir, marks the message seen; in place, leaves it. Returns where it went.
    private func file(_ claim: Claim, rejected: Bool, note: (kind: String, text: String)?) throws -> String {
        switch layout.mode {
        case .inPlace:
            return claim.arrival
        case .maildir:
            return try fileMessage(claim)
        case .folder:
            let day = InboxLayout.today()
            let folder = rejected ? layout.rejected(on: day) : layout.processed(on: day)
            let name = try InboxFileSystem.file(claim.path, into: folder, as: arrivalName(claim))
            if let note { InboxFileSystem.writeSidecar("\(folder)/\(name).\(note.kind).txt", note.text) }
            return (rejected ? "rejected/" : "processed/") + day + "/" + name
        }
    }

    /// A file that changed while it was read goes back where it arrived, to be taken again once
    /// it has settled; nothing of it is recorded.
    func putBack(_ claim: Claim) throws -> Outcome {
        switch layout.mode {
        case .inPlace:
            break
        case .maildir:
            let unique = InboxLayout.maildirUnique((claim.path as NSString).lastPathComponent)
            _ = try InboxFileSystem.file(claim.path, into: layout.maildirNew, as: unique)
        case .folder:
            let arrival = claim.arrival.hasPrefix(layout.root + "/") ? String(claim.arrival.dropFirst(layout.root.count + 1)) : arrivalName(claim)
            let folder = ((layout.root + "/" + arrival) as NSString).deletingLastPathComponent
            _ = try InboxFileSystem.file(claim.path, into: folder, as: (arrival as NSString).lastPathComponent)
        }
        logger.info("changed while read; put back", metadata: ["file.claim": "\(claim.token)"])
        return .putBack
    }

    /// `cur/UNIQUE:2,` → `cur/UNIQUE:2,S`, as mail clients expect of a message that was read.
    private func fileMessage(_ claim: Claim) throws -> String {
        let name = (claim.path as NSString).lastPathComponent
        let seen = InboxLayout.maildirSeen(name)
        switch InboxFileSystem.move(claim.path, to: layout.maildirCur + "/" + seen) {
        case .moved: return "cur/" + seen
        case .taken: throw InboxFault("inbox.maildir-name-taken")
        case .gone: throw InboxFault("inbox.file-gone")
        case .failed(let code): throw InboxFault("inbox.move-failed", errno: code)
        }
    }

    private func arrivalName(_ claim: Claim) -> String {
        (claim.arrival as NSString).lastPathComponent
    }

    /// Why every record of a rejected file was rejected: finding codes and their messages,
    /// which never carry a field value.
    static func reasonText(_ records: [CaseRecord]) -> String {
        var lines = ["Not accepted: the file could not be used as a form."]
        for record in records {
            if let name = record.source.attachmentName { lines += ["", "Attachment \(name):"] }
            for finding in record.findings where finding.severity == .error {
                lines.append("- \(finding.code.rawValue): \(finding.message)")
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }
}
