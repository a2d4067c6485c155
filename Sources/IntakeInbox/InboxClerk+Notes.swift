import Foundation
import Glibc

/// The notes of an inbox that keeps none beside its messages (a Maildir, an in-place folder):
/// the same report, reason or duplicate note a folder inbox gets, in the notes folder.
extension InboxClerk {
    /// Writes `note` as `NOTES/YYYY-MM-DD/NAME.KIND.txt`, NAME the Maildir message's unique
    /// name or the in-place file's path inside the inbox (`/` as `%2F`).
    ///
    /// As in a folder inbox, the name is chosen first and journalled (`filing:TOKEN`, here
    /// `DAY/NAME`), so a claim resumed after a crash, even the next day, rewrites its own note
    /// rather than writing a second one.
    func writeNoteAside(_ claim: Claim, _ note: (kind: String, text: String)?) async throws {
        guard let note, let notes = layout.notes else { return }
        let key = "filing:" + claim.token
        var chosen = try await store.entry(key).flatMap { Self.noteTarget($0.value) }
        var replacing = chosen != nil
        for _ in 0..<3 {
            let day = chosen?.day ?? InboxLayout.today()
            try Self.makePrivateFolder(notes)
            try Self.makePrivateFolder(notes + "/" + day)
            if chosen == nil {
                chosen = (day, try InboxFileSystem.freeName(noteName(claim), in: notes + "/" + day))
                replacing = false
                try await store.setEntry(key, value: day + "/" + chosen!.name)
            }
            let path = "\(notes)/\(day)/\(chosen!.name).\(note.kind).txt"
            do {
                try InboxFileSystem.writeNote(path, note.text, replacing: replacing)
                return
            } catch let fault as InboxFault where fault.code == "inbox.name-taken" {
                chosen = nil  // another watcher chose the same name at the same moment
            }
        }
        throw InboxFault("inbox.names-exhausted")
    }

    private func noteName(_ claim: Claim) -> String {
        switch layout.mode {
        case .maildir:
            return InboxLayout.maildirUnique((claim.arrival as NSString).lastPathComponent)
        case .folder, .inPlace:
            let relative = claim.arrival.hasPrefix(layout.root + "/") ? String(claim.arrival.dropFirst(layout.root.count + 1)) : claim.arrival
            // Room left for `-N` and `.duplicate.txt` within a file name's 255 bytes.
            for name in [InboxLayout.flatName(relative), (relative as NSString).lastPathComponent] where name.utf8.count <= 200 {
                return name
            }
            return String(InboxClaims.hex(relative).prefix(16))
        }
    }

    /// A journalled `DAY/NAME`, never a way out of the notes folder.
    private static func noteTarget(_ value: String) -> (day: String, name: String)? {
        let parts = value.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count == 2, parts[0].count == 10, parts[0].allSatisfy({ $0.isNumber || $0 == "-" }),
              !parts[1].isEmpty, parts[1] != ".", parts[1] != ".." else { return nil }
        return (String(parts[0]), String(parts[1]))
    }

    /// The notes say what a submission held: readable by the watcher's user only.
    private static func makePrivateFolder(_ path: String) throws {
        if mkdir(path, 0o700) == 0 || errno == EEXIST { return }
        if errno == ENOENT {
            try FileManager.default.createDirectory(atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
            if mkdir(path, 0o700) == 0 || errno == EEXIST { return }
        }
        throw InboxFault("inbox.notes-folder-failed", errno: errno)
    }
}
