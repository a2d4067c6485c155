import Foundation
import Glibc

/// Finds the files waiting in an inbox and decides when each may be taken.
///
/// A file is taken once it was closed after writing or moved in (an inotify event), or once its
/// size and modification time have held still for the settle time; never while some process
/// still holds it open for writing (where the system can tell). A file that is not a regular
/// file is taken at once: it is filed as rejected without being opened.
struct InboxScanner {
    let layout: InboxLayout
    let ignore: [String]
    let settle: Duration

    /// OS and editor leftovers: Office lock files, LibreOffice locks, downloads in progress,
    /// Finder and Explorer metadata, and every dot file.
    static let defaultIgnore = ["~$*", ".~lock*", "*.tmp", "*.part", "*.crdownload", ".DS_Store", "Thumbs.db", "desktop.ini", ".*"]

    private struct Watch {
        var stamp: FileStamp
        var since: ContinuousClock.Instant
        var closed: Bool
    }

    private var watching: [String: Watch] = [:]
    private var closed: Set<String> = []

    init(layout: InboxLayout, ignore: [String], settle: Duration) {
        self.layout = layout
        self.ignore = ignore.map { $0.lowercased() }
        self.settle = settle
    }

    func isIgnored(_ name: String) -> Bool {
        let lowered = name.lowercased()
        return ignore.contains { fnmatch($0, lowered, 0) == 0 }
    }

    /// Paths an inotify event reported closed or moved in.
    mutating func noteClosed(_ paths: Set<String>) { closed.formUnion(paths) }

    /// Every entry waiting (full paths) and every folder that should be watched.
    func scan() -> (entries: [String], folders: [String]) {
        switch layout.mode {
        case .maildir:
            return (list(layout.maildirNew, recursive: false).entries, [layout.maildirNew])
        case .folder, .inPlace:
            var result = list(layout.root, recursive: true)
            result.folders.insert(layout.root, at: 0)
            return result
        }
    }

    private func list(_ folder: String, recursive: Bool) -> (entries: [String], folders: [String]) {
        var entries: [String] = [], folders: [String] = []
        let names = ((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []).sorted()
        for name in names where !isIgnored(name) {
            if folder == layout.root && InboxLayout.managedFolders.contains(name) { continue }
            let path = folder + "/" + name
            guard let stamp = InboxFileSystem.stamp(path) else { continue }
            if stamp.kind == .directory {
                guard recursive else { continue }
                folders.append(path)
                let inner = list(path, recursive: true)
                entries += inner.entries
                folders += inner.folders
            } else {
                entries.append(path)
            }
        }
        return (entries, folders)
    }

    /// The entries that may be taken now, and how many wait still.
    mutating func ready(_ entries: [String], now: ContinuousClock.Instant = .now) -> (ready: [String], waiting: Int) {
        var ready: [String] = []
        var next: [String: Watch] = [:]
        for path in entries {
            guard let stamp = InboxFileSystem.stamp(path) else { continue }
            var watch = watching[path] ?? Watch(stamp: stamp, since: now, closed: false)
            if watch.stamp != stamp { watch = Watch(stamp: stamp, since: now, closed: false) }
            if closed.contains(path) { watch.closed = true }
            if stamp.refusal != nil || isSettled(path, watch, now: now) {
                ready.append(path)
            } else {
                next[path] = watch
            }
        }
        watching = next
        closed.removeAll()
        return (ready, next.count)
    }

    private func isSettled(_ path: String, _ watch: Watch, now: ContinuousClock.Instant) -> Bool {
        let writer = InboxFileSystem.hasWriter(path)
        if writer == true { return false }
        // An empty file closed is often a copy's placeholder, written into next: it waits.
        if watch.closed && watch.stamp.size > 0 || now - watch.since >= settle { return true }
        // Known to have no writer and not changed for the settle time: a file that was already
        // there when the watcher started need not wait again.
        let age = Int64(Date().timeIntervalSince1970 * 1e9) - watch.stamp.modified
        return writer == false && age >= settle.wholeMilliseconds * 1_000_000
    }
}
