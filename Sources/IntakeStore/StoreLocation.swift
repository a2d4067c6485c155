import Foundation
import Logging

/// Turns the `--store` option into a store.
///
/// - nil or `default`: `$INTAKE_STORE` when set, else the default SQLite file, ``defaultSQLitePath``;
/// - `postgres://…` or `postgresql://…`: a PostgreSQL server (``PostgresRecordStore``);
/// - any other `scheme://…`: refused (`store.location`), never taken for a file name;
/// - anything else: the path of a SQLite file.
///
/// Commands that only read or amend stored records open with ``Access/existing``: a mistyped
/// location is then an error naming it (`store.missing`), never a new empty store.
public enum StoreLocation {
    public enum Access: Sendable {
        /// Create the store (and its folder) when it is missing: the commands that store records.
        case createIfMissing
        /// The store must already exist.
        case existing
    }

    public enum Resolved: Sendable, Equatable {
        case sqlite(path: String)
        case postgres(url: String)
    }

    public static func open(_ location: String?, access: Access = .createIfMissing, logger: Logger) async throws -> any RecordStore {
        switch try resolve(location) {
        case .sqlite(let path):
            if access == .existing && !FileManager.default.fileExists(atPath: path) {
                throw StoreError(.storeMissing, """
                    No store at \(path). Check the path, or store records there first with \
                    `intake extract FILE --store \(path)`.
                    """)
            }
            return try await SQLiteRecordStore(path: path, logger: logger)
        case .postgres(let url):
            return try await PostgresRecordStore(url: url, logger: logger, access: access)
        }
    }

    /// Which store a location names, without opening it; an unknown URL scheme is `store.location`.
    public static func resolve(_ location: String?) throws -> Resolved {
        // "default" names the default store, so that `--store default` reads the same everywhere.
        guard let location, !location.isEmpty, location != "default" else {
            if let configured = ProcessInfo.processInfo.environment["INTAKE_STORE"], !configured.isEmpty, configured != "default" {
                return try resolve(configured)
            }
            return .sqlite(path: defaultSQLitePath)
        }
        if let scheme = location.wholeMatch(of: /([A-Za-z][A-Za-z0-9+.\-]*):\/\/.*/)?.1.lowercased() {
            guard scheme == "postgres" || scheme == "postgresql" else {
                throw StoreError(.storeLocation, """
                    The store location has the scheme \(scheme)://, which Intake does not read: give a SQLite \
                    file path or a postgres:// URL.
                    """)
            }
            return .postgres(url: location)
        }
        return .sqlite(path: (location as NSString).expandingTildeInPath)
    }

    /// `$XDG_DATA_HOME/intake/intake.sqlite`, else `~/.local/share/intake/intake.sqlite`.
    public static var defaultSQLitePath: String {
        let environment = ProcessInfo.processInfo.environment
        let base: String
        if let xdg = environment["XDG_DATA_HOME"], xdg.hasPrefix("/") {
            base = xdg
        } else {
            let home = environment["HOME"].flatMap { $0.isEmpty ? nil : $0 } ?? NSHomeDirectory()
            base = (home as NSString).appendingPathComponent(".local/share")
        }
        return ((base as NSString).appendingPathComponent("intake") as NSString).appendingPathComponent("intake.sqlite")
    }

    /// The location with any password masked, for logs and messages.
    public static func redacted(_ location: String?) -> String {
        guard let location else { return defaultSQLitePath }
        guard var components = URLComponents(string: location), components.scheme?.hasPrefix("postgres") == true else {
            return location
        }
        if components.password != nil { components.password = "***" }
        return components.string ?? "postgres://…"
    }
}
