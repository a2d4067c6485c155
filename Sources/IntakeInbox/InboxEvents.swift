import Dispatch
import Glibc

/// inotify on the inbox's folders: which files were closed after writing or moved in, and
/// which folders appeared. Events only hasten the watcher; the periodic rescan is the net for
/// what they miss (a queue overflow, a network share where none arrive).
///
/// Owned by the one watcher loop, which never waits twice at once: the descriptor and the
/// watch table are touched by one thread at a time.
final class InboxEvents: @unchecked Sendable {
    private let fd: Int32
    /// Watch descriptor → the folder's path.
    private var folders: [Int32: String] = [:]
    private var watched: Set<String> = []

    struct Batch: Sendable {
        /// Files closed after writing or moved in, by full path.
        var ready: Set<String> = []
        /// A folder appeared, or the queue overflowed: rescan now.
        var rescan = false
    }

    /// nil when inotify is unavailable (no instances left): the watcher then polls.
    init?() {
        fd = inotify_init1(Int32(IN_NONBLOCK | IN_CLOEXEC))
        guard fd >= 0 else { return nil }
    }

    deinit { close(fd) }

    /// Watches `folder` (again is harmless). Returns false when it could not be watched.
    @discardableResult
    func watch(_ folder: String) -> Bool {
        guard !watched.contains(folder) else { return true }
        let mask = UInt32(IN_CLOSE_WRITE | IN_MOVED_TO | IN_CREATE | IN_ONLYDIR | IN_DONT_FOLLOW)
        let wd = inotify_add_watch(fd, folder, mask)
        guard wd >= 0 else { return false }
        folders[wd] = folder
        watched.insert(folder)
        return true
    }

    /// Waits up to `milliseconds` for events, on a thread outside Swift's cooperative pool.
    func next(milliseconds: Int32) async -> Batch {
        await withCheckedContinuation { continuation in
            DispatchQueue.global().async { continuation.resume(returning: self.wait(milliseconds)) }
        }
    }

    private func wait(_ milliseconds: Int32) -> Batch {
        var poller = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
        guard poll(&poller, 1, milliseconds) > 0 else { return Batch() }
        var batch = Batch()
        var buffer = [UInt8](repeating: 0, count: 64 * 1024)
        while true {
            let count = buffer.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
            guard count > 0 else { break }
            var offset = 0
            // struct inotify_event: wd, mask, cookie, len, then len bytes of NUL-padded name.
            while offset + 16 <= count {
                let (wd, mask, length) = buffer.withUnsafeBytes { raw in
                    (raw.load(fromByteOffset: offset, as: Int32.self), raw.load(fromByteOffset: offset + 4, as: UInt32.self),
                     Int(raw.load(fromByteOffset: offset + 12, as: UInt32.self)))
                }
                let nameBytes = buffer[(offset + 16)..<min(count, offset + 16 + length)].prefix { $0 != 0 }
                offset += 16 + length
                if mask & UInt32(IN_Q_OVERFLOW) != 0 { batch.rescan = true; continue }
                if mask & UInt32(IN_IGNORED) != 0 {
                    if let folder = folders.removeValue(forKey: wd) { watched.remove(folder) }
                    continue
                }
                guard let folder = folders[wd], !nameBytes.isEmpty else { continue }
                let path = folder + "/" + String(decoding: nameBytes, as: UTF8.self)
                if mask & UInt32(IN_ISDIR) != 0 {
                    batch.rescan = true
                } else if mask & UInt32(IN_CLOSE_WRITE | IN_MOVED_TO) != 0 {
                    batch.ready.insert(path)
                }
            }
        }
        return batch
    }
}
