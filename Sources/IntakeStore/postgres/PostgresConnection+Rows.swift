import Logging
import PostgresNIO

extension PostgresConnection {
    /// Runs one statement with positional binds and collects its rows.
    @discardableResult
    func rows(_ sql: String, _ values: [any StoreArgument] = [], logger: Logger) async throws -> [PostgresRow] {
        var bindings = PostgresBindings(capacity: values.count)
        for value in values {
            switch value.storeValue {
            case .null: bindings.appendNull()
            case .integer(let n): bindings.append(n)
            case .text(let s): bindings.append(s)
            }
        }
        return try await query(PostgresQuery(unsafeSQL: sql, binds: bindings), logger: logger).collect()
    }
}

extension StoreRow {
    /// Integers of any width as integers, NULL as null, anything else as its text (JSON
    /// columns are selected as `::text`).
    init(_ row: PostgresRow) throws {
        values = try row.map { cell in
            guard cell.bytes != nil else { return .null }
            switch cell.dataType {
            case .int2, .int4, .int8: return .integer(try cell.decode(Int64.self))
            default: return .text(try cell.decode(String.self))
            }
        }
    }
}
