import Foundation
import PostgresNIO

/// A `postgres://user:password@host:port/database?sslmode=…&schema=…` location.
///
/// `sslmode` is `disable`, `prefer` (the default: TLS when the server offers it) or `require`;
/// `schema` keeps Intake's tables in their own schema (created if missing), so that several
/// stores can share one database.
struct PostgresURL: Sendable {
    var host: String
    var port: Int
    var username: String
    var password: String?
    var database: String
    var tls: PostgresClient.Configuration.TLS
    var schema: String?

    init(_ text: String) throws {
        guard let c = URLComponents(string: text), let scheme = c.scheme?.lowercased(),
              scheme == "postgres" || scheme == "postgresql" else {
            throw StoreError(.storeFailed, "The store location is not a postgres:// URL; write postgres://user@host:port/database.")
        }
        guard let host = c.host, !host.isEmpty else {
            throw StoreError(.storeFailed, "The postgres:// URL names no host; write postgres://user@host:port/database.")
        }
        self.host = host
        port = c.port ?? 5432
        username = c.user.flatMap { $0.removingPercentEncoding } ?? "postgres"
        password = c.password.flatMap { $0.removingPercentEncoding }
        let path = c.path.hasPrefix("/") ? String(c.path.dropFirst()) : c.path
        database = path.isEmpty ? username : path
        tls = .prefer(.makeClientConfiguration())
        for item in c.queryItems ?? [] {
            switch (item.name, item.value ?? "") {
            case ("sslmode", "disable"): tls = .disable
            case ("sslmode", "prefer"), ("sslmode", "allow"): tls = .prefer(.makeClientConfiguration())
            case ("sslmode", "require"), ("sslmode", "verify-full"): tls = .require(.makeClientConfiguration())
            case ("schema", let value):
                guard Self.isIdentifier(value) else {
                    throw StoreError(.storeFailed, "The schema in the postgres:// URL must be lower-case letters, digits and _ (starting with a letter).")
                }
                schema = value
            default:
                throw StoreError(.storeFailed, "The postgres:// URL has an unknown option \(item.name)=…; Intake reads sslmode and schema.")
            }
        }
    }

    /// host:port/database, for messages and logs (never the password).
    var display: String { "\(host):\(port)/\(database)" + (schema.map { "?schema=\($0)" } ?? "") }

    var clientConfiguration: PostgresClient.Configuration {
        var configuration = PostgresClient.Configuration(
            host: host, port: port, username: username, password: password, database: database, tls: tls)
        configuration.options.connectTimeout = .seconds(3)
        configuration.options.maximumConnections = 8
        if let schema {
            // Unqualified table names then resolve in the schema, for every pooled connection.
            configuration.options.additionalStartupParameters = [("search_path", schema)]
        }
        return configuration
    }

    static func isIdentifier(_ s: String) -> Bool {
        guard let first = s.unicodeScalars.first, ("a"..."z").contains(first), s.count <= 63 else { return false }
        return s.unicodeScalars.allSatisfy { ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "_" }
    }
}
