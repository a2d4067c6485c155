import Foundation
import Glibc
import IntakeRecord
import IntakeReports
import IntakeStore

/// Where a finished file goes, and the note beside it that says why.
extension InboxClerk {
    /// Files a file whose records are committed; returns where it went, inside the inbox.
    func file(_ claim: Claim, records: [CaseRecord], status: RecordStatus) async throws -> String {
        if status == .rejected { return try await file(claim, rejected: true, note: ("reason", Self.reasonText(records))) }
        let unaccepted = records.filter { $0.status != .accepted }
        let report = unaccepted.map { SubmitterReport(record: $0, context: reports).renderText() }.joined(separator: "\n")
        return try await file(claim, rejected: false, note: unaccepted.isEmpty ? nil : ("report", report))
    }

    /// A symbolic link, pipe, device, hard-linked or unreadable file: filed as rejected, unopened.
    func fileRefused(_ claim: Claim, reason: String) async throws {
        _ = try await file(claim, rejected: true, note: ("reason", reason + "\n"))
    }

    /// The same content as a file filed before: a `duplicate` event on the first record, the
    /// file filed beside a note naming it, nothing stored or printed again.
    func fileDuplicate(_ claim: Claim, sha: String, of first: Int64, entry: Entry) async throws {
        // Once per claim: a watcher killed after the event and before filing logs it only once.
        let detail = "claim=\(claim.token)"
        if try await !store.events(recordID: first).contains(where: { $0.kind == .duplicate && $0.detail == detail }) {
            try await store.appendEvent(.duplicate, recordID: first, detail: detail)
            CrashPoint.reach(.duplicateLogged)
        }
        var note = "Duplicate: this file has the same content (SHA-256 \(sha)) as record \(first)"
        if let filedAs = entry.filedAs { note += ", filed as \(filedAs)" }
        if let filedAt = entry.filedAt { note += " on \(filedAt)" }
        note += ". It was not stored again; `intake records show \(first)` shows the record.\n"
        _ = try await file(claim, rejected: false, note: ("duplicate", note))
    }

    /// Moves the claimed file to today's `processed/` or `rejected/` with `NAME.KIND.txt` beside
    /// it; in a Maildir, marks the message seen; in place, leaves it (the note of either goes to
    /// the notes folder, see ``writeNoteAside(_:_:)``). Returns where it went.
    ///
    /// The name is chosen first and kept in the journal (`filing:TOKEN`), the note is written,
    /// and only then is the file moved: a watcher killed between two steps finds the same name
    /// when it resumes the claim, so the note is never missing and never left beside nothing.
    private func file(_ claim: Claim, rejected: Bool, note: (kind: String, text: String)?) async throws -> String {
        switch layout.mode {
        case .inPlace:
            try await writeNoteAside(claim, note)
            return claim.arrival
        case .maildir:
            try await writeNoteAside(claim, note)
            return try fileMessage(claim)
        case .folder:
            let key = "filing:" + claim.token
            var target = try await store.entry(key)?.value
            var resumed = target != nil
            for _ in 0..<3 {
                // A chosen name another file took while this claim was cut short is chosen again.
                if let chosen = target, !Self.isFolderTarget(chosen) || (resumed && access(layout.root + "/" + chosen, F_OK) == 0) {
                    target = nil
                }
                if target == nil {
                    let day = InboxLayout.today()
                    let folder = rejected ? layout.rejected(on: day) : layout.processed(on: day)
                    let name = try InboxFileSystem.freeName(arrivalName(claim), in: folder)
                    target = (rejected ? "rejected/" : "processed/") + day + "/" + name
                    resumed = false
                    try await store.setEntry(key, value: target!)
                    CrashPoint.reach(.chosen)
                }
                let path = layout.root + "/" + target!
                do {
                    if let note { try InboxFileSystem.writeNote(path + "." + note.kind + ".txt", note.text, replacing: resumed) }
                } catch let fault as InboxFault where fault.code == "inbox.name-taken" {
                    target = nil  // another watcher chose the same name at the same moment
                    continue
                }
                CrashPoint.reach(.noted)
                switch InboxFileSystem.move(claim.path, to: path) {
                case .moved: return target!
                case .taken:
                    // A file without a note took the name first: the note just written is not its.
                    if let note { unlink(path + "." + note.kind + ".txt") }
                    target = nil
                case .gone: throw InboxFault("inbox.file-gone")
                case .failed(let code): throw InboxFault("inbox.move-failed", errno: code)
                }
            }
            throw InboxFault("inbox.names-exhausted")
        }
    }

    /// A journal target is `processed/DAY/NAME` or `rejected/DAY/NAME`, never a way out of the inbox.
    private static func isFolderTarget(_ target: String) -> Bool {
        let parts = target.split(separator: "/", omittingEmptySubsequences: false)
        return parts.count == 3 && ["processed", "rejected"].contains(parts[0]) && !parts.contains { $0.isEmpty || $0 == "." || $0 == ".." }
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
