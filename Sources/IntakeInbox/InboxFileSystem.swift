import CLinux
import Crypto
import Foundation
import Glibc
import IntakePipeline

/// What `lstat` says about an inbox entry: never through a symbolic link.
struct FileStamp: Equatable, Sendable {
    enum Kind: Sendable { case regular, directory, symlink, fifo, device, socket, other }

    var kind: Kind
    var size: Int64
    /// Nanoseconds since 1970: a file rewritten within one second still changes its stamp.
    var modified: Int64
    var inode: UInt64
    var links: Int

    /// Why only a regular file with one name is read: anything else is filed as rejected.
    var refusal: String? {
        switch kind {
        case .regular: links > 1 ? "The file has \(links) hard links: only a file with one name, inside the inbox, is read." : nil
        case .symlink: "The file is a symbolic link: only regular files inside the inbox are read, never what a link points to."
        case .fifo: "The file is a named pipe (FIFO): only regular files are read."
        case .device: "The file is a device: only regular files are read."
        case .socket: "The file is a socket: only regular files are read."
        case .directory, .other: "Not a regular file: only regular files are read."
        }
    }
}

/// The few system calls the watcher makes on inbox entries, each without following links.
enum InboxFileSystem {
    static func stamp(_ path: String) -> FileStamp? {
        var info = stat()
        guard lstat(path, &info) == 0 else { return nil }
        let kind: FileStamp.Kind = switch info.st_mode & S_IFMT {
        case S_IFREG: .regular
        case S_IFDIR: .directory
        case S_IFLNK: .symlink
        case S_IFIFO: .fifo
        case S_IFCHR, S_IFBLK: .device
        case S_IFSOCK: .socket
        default: .other
        }
        let modified = Int64(info.st_mtim.tv_sec) * 1_000_000_000 + Int64(info.st_mtim.tv_nsec)
        return FileStamp(kind: kind, size: Int64(info.st_size), modified: modified, inode: UInt64(info.st_ino), links: Int(info.st_nlink))
    }

    enum MoveResult: Equatable { case moved, taken, gone, failed(Int32) }

    /// Renames without ever replacing `to`: the rename is the claim, so of two watchers
    /// renaming one file only one succeeds, and a filed name is never overwritten.
    static func move(_ from: String, to: String) -> MoveResult {
        if intake_rename_noreplace(from, to) == 0 { return .moved }
        var failure = errno
        if failure == EINVAL || failure == ENOSYS {
            // A filesystem without RENAME_NOREPLACE (some shares): check, then rename.
            if access(to, F_OK) == 0 { return .taken }
            failure = rename(from, to) == 0 ? 0 : errno
            if failure == 0 { return .moved }
        }
        switch failure {
        case EEXIST, ENOTEMPTY: return .taken
        case ENOENT: return .gone
        default: return .failed(failure)
        }
    }

    /// Moves `from` into `directory` under a free name (see ``freeName(_:in:)``); returns it.
    static func file(_ from: String, into directory: String, as name: String) throws -> String {
        for _ in 0..<100 {
            let candidate = try freeName(name, in: directory)
            switch move(from, to: directory + "/" + candidate) {
            case .moved: return candidate
            case .taken: continue
            case .gone: throw InboxFault("inbox.file-gone")
            case .failed(let code): throw InboxFault("inbox.move-failed", errno: code)
            }
        }
        throw InboxFault("inbox.names-exhausted")
    }

    /// `name`, or `NAME-2.ext`, `NAME-3.ext`… when that is taken in `directory` (also by a note
    /// `NAME.*.txt`); the directory is created when missing.
    static func freeName(_ name: String, in directory: String) throws -> String {
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        let ext = (name as NSString).pathExtension, stem = (name as NSString).deletingPathExtension
        for n in 1...10_000 {
            let candidate = n == 1 ? name : ext.isEmpty ? "\(stem)-\(n)" : "\(stem)-\(n).\(ext)"
            let path = directory + "/" + candidate
            if access(path, F_OK) == 0 || noteKinds.contains(where: { access("\(path).\($0).txt", F_OK) == 0 }) { continue }
            return candidate
        }
        throw InboxFault("inbox.names-exhausted")
    }

    static let noteKinds = ["report", "reason", "duplicate"]

    /// Writes the note beside a file about to be filed, durably. `replacing` only when resuming
    /// a claim whose journal already chose this name, so the note there is the claim's own.
    static func writeNote(_ path: String, _ text: String, replacing: Bool) throws {
        let flags = O_WRONLY | O_CREAT | O_NOFOLLOW | O_CLOEXEC | (replacing ? O_TRUNC : O_EXCL)
        let fd = open(path, flags, 0o640)
        guard fd >= 0 else { throw InboxFault(errno == EEXIST ? "inbox.name-taken" : "inbox.note-failed", errno: errno) }
        defer { close(fd) }
        let bytes = Array(text.utf8)
        let written = bytes.withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
        guard written == bytes.count, fsync(fd) == 0 else { throw InboxFault("inbox.note-failed", errno: errno) }
    }

    /// Whether some process holds the regular file open for writing (a copy still under way);
    /// nil when the system cannot tell (not the file's owner, a share without leases).
    static func hasWriter(_ path: String) -> Bool? {
        let fd = open(path, O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC)
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        switch intake_has_writer(fd) {
        case 0: return false
        case 1: return true
        default: return nil
        }
    }

    /// The SHA-256 of a regular file, read through a descriptor opened without following a
    /// link and checked (`fstat`) to be the regular file it claims to be.
    static func sha256(_ path: String) throws -> String {
        let fd = open(path, O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC)
        guard fd >= 0 else { throw InboxFault("inbox.open-failed", errno: errno) }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0, info.st_mode & S_IFMT == S_IFREG else { throw InboxFault("inbox.not-regular") }
        var hasher = SHA256()
        var buffer = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let count = buffer.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
            if count < 0 { throw InboxFault("inbox.read-failed", errno: errno) }
            if count == 0 { break }
            hasher.update(data: buffer[0..<count])
        }
        return HexDigest.string(hasher.finalize())
    }
}

/// A failure of the watcher's own file handling: a code and, where the system gave one, errno.
public struct InboxFault: Error, CustomStringConvertible {
    public var code: String
    public var errno: Int32?

    init(_ code: String, errno: Int32? = nil) {
        self.code = code
        self.errno = errno
    }

    public var description: String { errno.map { "\(code) (errno \($0))" } ?? code }
}
