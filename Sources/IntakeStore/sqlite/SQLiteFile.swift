import Foundation

/// Creates a SQLite database file readable by its owner only, and keeps it (and its `-wal`
/// and `-shm` companions) that way: records name children.
enum SQLiteFile {
    /// The companion files SQLite creates beside the database in WAL mode.
    static func companions(of path: String) -> [String] { [path, path + "-wal", path + "-shm"] }

    /// Runs `body` (which opens the database) with umask 077, after creating the folder (0700)
    /// and the file (0600) if missing; then tightens all three files to 0600.
    ///
    /// The umask is process-wide, so it is held only around creation; the explicit `chmod`
    /// afterwards covers files that existed before.
    static func withPrivateCreation<T>(path: String, _ body: () throws -> T) throws -> T {
        let previous = umask(0o077)
        defer { umask(previous) }
        let folder = (path as NSString).deletingLastPathComponent
        if !folder.isEmpty, !FileManager.default.fileExists(atPath: folder) {
            do {
                try FileManager.default.createDirectory(
                    atPath: folder, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
            } catch {
                throw StoreError(.storeFailed, "Cannot create the store's folder \(folder); check its parent's permissions.")
            }
        }
        let fd = open(path, O_RDWR | O_CREAT, 0o600)
        guard fd >= 0 else {
            throw StoreError(.storeFailed, "Cannot create or open the store file \(path) (errno \(errno)); check the path and its permissions.")
        }
        close(fd)
        let result = try body()
        try restrict(path)
        return result
    }

    /// chmod 600 on the database and whichever companions exist.
    static func restrict(_ path: String) throws {
        for file in companions(of: path) where FileManager.default.fileExists(atPath: file) {
            guard chmod(file, 0o600) == 0 else {
                throw StoreError(.storeFailed, "Cannot make \(file) private (errno \(errno)); the store is not opened.")
            }
        }
    }
}
