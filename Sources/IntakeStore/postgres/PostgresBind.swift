import Logging
import PostgresNIO

/// A value bound to a `$n` parameter: the few Swift types the store binds.
protocol PostgresBind: Sendable {
    func append(to bindings: inout PostgresBindings)
}

extension String: PostgresBind {
    func append(to bindings: inout PostgresBindings) { bindings.append(self) }
}

extension Int: PostgresBind {
    func append(to bindings: inout PostgresBindings) { bindings.append(Int64(self)) }
}

extension Int64: PostgresBind {
    func append(to bindings: inout PostgresBindings) { bindings.append(self) }
}

extension Optional: PostgresBind where Wrapped: PostgresBind {
    func append(to bindings: inout PostgresBindings) {
        if let self { self.append(to: &bindings) } else { bindings.appendNull() }
    }
}

extension PostgresConnection {
    /// Runs one statement with positional binds and collects its rows.
    @discardableResult
    func rows(_ sql: String, _ values: [any PostgresBind] = [], logger: Logger) async throws -> [PostgresRow] {
        var bindings = PostgresBindings(capacity: values.count)
        for value in values { value.append(to: &bindings) }
        return try await query(PostgresQuery(unsafeSQL: sql, binds: bindings), logger: logger).collect()
    }
}
