import Foundation
import Logging

/// Turns the `--store` option into a store.
///
/// - nil: the default SQLite file, ``defaultSQLitePath``;
/// - `postgres://…` or `postgresql://…`: a PostgreSQL server (``PostgresRecordStore``);
/// - anything else: the path of a SQLite file.
public enum StoreLocation {
    public static func open(_ location: String?, logger: Logger) async throws -> any RecordStore {
        // "default" names the default store, so that `--store default` reads the same everywhere.
        guard let location, !location.isEmpty, location != "default" else {
            return try SQLiteRecordStore(path: defaultSQLitePath, logger: logger)
        }
        let lowered = location.lowercased()
        if lowered.hasPrefix("postgres://") || lowered.hasPrefix("postgresql://") {
            return try await PostgresRecordStore(url: location, logger: logger)
        }
        let path = (location as NSString).expandingTildeInPath
        return try SQLiteRecordStore(path: path, logger: logger)
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
