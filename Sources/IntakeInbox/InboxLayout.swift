import Foundation
import Glibc
import Synchronization

/// The folders of an inbox and what each is for.
///
/// - A plain folder: files arrive anywhere in it (subfolders too); a file is claimed by a rename
///   into `.processing/`, then filed in `processed/YYYY-MM-DD/` or `rejected/YYYY-MM-DD/`.
/// - A Maildir (`cur/ new/ tmp/`): messages are read from `new/` only (`tmp/` holds mail still
///   being delivered) and claimed by the rename to `cur/NAME:2,` that mail clients expect;
///   once their records are committed the `S` (seen) flag is added.
/// - In place (`--in-place`, for a folder the watcher may not write): nothing is moved; the
///   journal in the store says what is done.
public struct InboxLayout: Sendable {
    public enum Mode: String, Sendable { case folder, maildir, inPlace = "in-place" }

    public let root: String
    public let mode: Mode
    /// Where the notes go of a Maildir or an in-place inbox, which must not have stray files
    /// beside the messages: `notes/YYYY-MM-DD/NAME.KIND.txt`. Nil for a folder (notes beside
    /// the filed files) and for an in-place inbox not given one (no notes).
    public let notes: String?

    /// - parameter notes: the notes folder; a Maildir's defaults to ``defaultNotes(forMaildir:)``.
    public init(root: String, inPlace: Bool, notes: String? = nil) {
        let trimmed = root.count > 1 && root.hasSuffix("/") ? String(root.dropLast()) : root
        self.root = trimmed
        if inPlace {
            mode = .inPlace
        } else if ["cur", "new", "tmp"].allSatisfy({ InboxFileSystem.stamp(trimmed + "/" + $0)?.kind == .directory }) {
            mode = .maildir
        } else {
            mode = .folder
        }
        self.notes = switch mode {
        case .folder: nil
        case .maildir: notes ?? Self.defaultNotes(forMaildir: trimmed)
        case .inPlace: notes
        }
    }

    /// `MAILDIR.intake-notes`, beside the Maildir rather than in it: a dot folder inside a
    /// Maildir++ is a mail folder to Dovecot and Courier, and a mail client would show it.
    public static func defaultNotes(forMaildir root: String) -> String {
        root + ".intake-notes"
    }

    /// Folders the watcher itself fills: never scanned for new files.
    static let managedFolders: Set<String> = [".processing", "processed", "rejected"]

    var processing: String { root + "/.processing" }
    var maildirNew: String { root + "/new" }
    var maildirCur: String { root + "/cur" }

    func processed(on day: String) -> String { root + "/processed/" + day }
    func rejected(on day: String) -> String { root + "/rejected/" + day }

    /// Today's date where the business unit is (the folders are named by it).
    static func today(_ date: Date = Date()) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "Europe/London") ?? .current
        let parts = calendar.dateComponents([.year, .month, .day], from: date)
        return String(format: "%04d-%02d-%02d", parts.year ?? 1970, parts.month ?? 1, parts.day ?? 1)
    }

    // MARK: Claim names

    /// The name a claimed file has in `.processing/`: a token unique to this claim, then the
    /// path it arrived at inside the inbox (`/` written `%2F`), so a crash loses neither.
    static func claimName(token: String, relativePath: String) -> String {
        let name = token + "." + flatName(relativePath)
        return name.utf8.count <= 255 ? name : token + "." + (relativePath as NSString).lastPathComponent
    }

    /// A path inside the inbox as one file name: `/` written `%2F` (and `%` as `%25`).
    static func flatName(_ relativePath: String) -> String {
        relativePath.replacingOccurrences(of: "%", with: "%25").replacingOccurrences(of: "/", with: "%2F")
    }

    /// The token and the arrival path back from a claim name; nil for a name the watcher did not make.
    static func parseClaim(_ name: String) -> (token: String, relativePath: String)? {
        guard let dot = name.firstIndex(of: "."), name.distance(from: name.startIndex, to: dot) == tokenLength else { return nil }
        let rest = name[name.index(after: dot)...]
        let relative = rest.replacingOccurrences(of: "%2F", with: "/").replacingOccurrences(of: "%25", with: "%")
        return relative.isEmpty ? nil : (String(name[..<dot]), relative)
    }

    static let tokenLength = 24

    /// Unique across processes and hosts: milliseconds since 1970 (12 hex digits), a tag of
    /// the host name (4) and the process id (8), so a later watcher can tell whether the
    /// claim's watcher is still alive. A process never gives the same time twice.
    static func makeToken() -> String {
        let now = UInt64(Date().timeIntervalSince1970 * 1000) & 0xFFFF_FFFF_FFFF
        let millis = lastMillis.withLock { last in
            last = max(now, last + 1)
            return last
        }
        return String(format: "%012llx", millis) + hostTag + String(format: "%08x", UInt32(bitPattern: getpid()))
    }

    private static let lastMillis = Mutex<UInt64>(0)

    /// This machine's name, as the heartbeat and `intake status` give it.
    public static let hostName: String = {
        var name = [CChar](repeating: 0, count: 256)
        gethostname(&name, 255)
        return String(decoding: name.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }()

    /// Four hex digits of the host name's hash.
    static let hostTag: String = {
        let sum = hostName.utf8.reduce(UInt16(5381)) { ($0 &<< 5) &+ $0 &+ UInt16($1) }
        return String(format: "%04x", sum)
    }()

    // MARK: Maildir names

    /// `UNIQUE:2,FLAGS` → `UNIQUE`: a message's identity whatever its flags.
    static func maildirUnique(_ name: String) -> String {
        guard let colon = name.range(of: ":2,") else { return name }
        return String(name[..<colon.lowerBound])
    }

    /// The name with the seen flag added, flags kept in ASCII order as the Maildir spec asks.
    static func maildirSeen(_ name: String) -> String {
        let unique = maildirUnique(name)
        let flags = name.range(of: ":2,").map { String(name[$0.upperBound...]) } ?? ""
        return unique + ":2," + String(Set(flags + "S").sorted())
    }
}
