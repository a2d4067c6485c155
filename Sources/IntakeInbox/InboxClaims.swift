import Crypto
import Foundation
import Glibc
import IntakePipeline
import IntakeStore

/// Claiming a waiting file, and finding the claims a crash left behind.
///
/// In a folder, a claim is the rename into `.processing/` under a name that carries a token
/// (time, host, process) and the path the file arrived at; of two watchers renaming one file
/// only one succeeds. In a Maildir, the claim is the rename `new/NAME` → `cur/NAME:2,`, written
/// to the journal first (first writer wins) so that a message claimed just before a crash is
/// found again.
enum InboxClaims {
    /// Claims the waiting file at `path`; nil when another watcher took it first (or it went).
    static func claim(_ path: String, in layout: InboxLayout, journal: any WatchJournal, stale: Duration) async throws -> InboxClerk.Claim? {
        let relative = path.hasPrefix(layout.root + "/") ? String(path.dropFirst(layout.root.count + 1)) : path
        switch layout.mode {
        case .inPlace:
            guard let stamp = InboxFileSystem.stamp(path) else { return nil }
            // The same file unchanged always gets the same token, so a crash resumes it.
            let token = String(hex("\(layout.root)\n\(relative)\n\(stamp.size)\n\(stamp.modified)").prefix(InboxLayout.tokenLength))
            return .init(path: path, token: token, arrival: path, fresh: false)
        case .maildir:
            let token = InboxLayout.makeToken()
            let unique = InboxLayout.maildirUnique((path as NSString).lastPathComponent)
            // Only the watcher the journal names renames the message, so the journal names the
            // claim in cur/ (of two watchers writing their token, the last would win, not the
            // one whose rename did). A holder gone before its rename, or this watcher's own
            // earlier claim (put back), is replaced.
            let key = maildirKey(layout, unique)
            let holder = try await journal.claimEntry(key, value: token)
            if holder != token {
                guard isAbandoned(holder, stale: stale) else { return nil }
                try await journal.setEntry(key, value: token)
            }
            let claimed = layout.maildirCur + "/" + unique + ":2,"
            guard InboxFileSystem.move(path, to: claimed) == .moved else { return nil }
            return .init(path: claimed, token: token, arrival: path, fresh: true)
        case .folder:
            let token = InboxLayout.makeToken()
            try FileManager.default.createDirectory(atPath: layout.processing, withIntermediateDirectories: true)
            let claimed = layout.processing + "/" + InboxLayout.claimName(token: token, relativePath: relative)
            guard InboxFileSystem.move(path, to: claimed) == .moved else { return nil }
            return .init(path: claimed, token: token, arrival: path, fresh: true)
        }
    }

    /// Claims a crash left unfinished: in `.processing/`, those whose watcher is gone (a dead
    /// process on this host, or a claim older than `stale` from another host); in a Maildir,
    /// messages in `cur/` not yet seen whose claim the journal holds.
    static func leftovers(in layout: InboxLayout, journal: any WatchJournal, stale: Duration) async throws -> [InboxClerk.Claim] {
        switch layout.mode {
        case .inPlace:
            return []
        case .folder:
            let names = ((try? FileManager.default.contentsOfDirectory(atPath: layout.processing)) ?? []).sorted()
            return names.compactMap { name in
                guard let parsed = InboxLayout.parseClaim(name), isAbandoned(parsed.token, stale: stale) else { return nil }
                return .init(path: layout.processing + "/" + name, token: parsed.token, arrival: layout.root + "/" + parsed.relativePath, fresh: false)
            }
        case .maildir:
            var claims: [InboxClerk.Claim] = []
            for name in ((try? FileManager.default.contentsOfDirectory(atPath: layout.maildirCur)) ?? []).sorted() {
                guard name.hasSuffix(":2,") else { continue }
                let unique = InboxLayout.maildirUnique(name)
                guard let token = try await journal.entry(maildirKey(layout, unique))?.value, isAbandoned(token, stale: stale) else { continue }
                claims.append(.init(path: layout.maildirCur + "/" + name, token: token, arrival: layout.maildirNew + "/" + unique, fresh: false))
            }
            return claims
        }
    }

    /// Whether the claim with this token is still in `.processing/` (or, in a Maildir, in `cur/`
    /// unseen: the message whose journal entry holds the token; only unseen ones are looked up).
    static func exists(token: String, in layout: InboxLayout, journal: any WatchJournal) async throws -> Bool {
        switch layout.mode {
        case .inPlace:
            return false
        case .folder:
            let names = (try? FileManager.default.contentsOfDirectory(atPath: layout.processing)) ?? []
            return names.contains { $0.hasPrefix(token + ".") }
        case .maildir:
            for name in (try? FileManager.default.contentsOfDirectory(atPath: layout.maildirCur)) ?? [] where name.hasSuffix(":2,") {
                if try await journal.entry(maildirKey(layout, InboxLayout.maildirUnique(name)))?.value == token { return true }
            }
            return false
        }
    }

    /// A claim's watcher is gone: its process is dead (same host), or the claim is older than `stale`.
    static func isAbandoned(_ token: String, stale: Duration) -> Bool {
        guard token.count == InboxLayout.tokenLength, let millis = UInt64(token.prefix(12), radix: 16),
              let pid = Int32(token.dropFirst(16).prefix(8), radix: 16) else { return true }
        if token.dropFirst(12).prefix(4) == InboxLayout.hostTag {
            if pid == getpid() { return true }  // resumed only between files, when nothing is in hand
            return kill(pid, 0) != 0 && errno == ESRCH
        }
        let age = Date().timeIntervalSince1970 - Double(millis) / 1000
        return age > Double(stale.components.seconds)
    }

    static func maildirKey(_ layout: InboxLayout, _ unique: String) -> String {
        "maildir:" + String(hex(layout.root).prefix(16)) + ":" + unique
    }

    static func hex(_ text: String) -> String {
        HexDigest.string(SHA256.hash(data: Data(text.utf8)))
    }
}
