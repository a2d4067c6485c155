/// One transaction on a store's connection: all that the record-writing code (``RecordWriter``),
/// written once, needs of SQLite or PostgreSQL. Statements come from ``sql``, in the store's
/// dialect; everything run through one connection value commits or rolls back together.
protocol StoreConnection: Sendable {
    var sql: StoreSQL { get }
    func execute(_ statement: String, _ arguments: [any StoreArgument]) async throws
    func query(_ statement: String, _ arguments: [any StoreArgument]) async throws -> [StoreRow]
    /// Makes another writer of the same source wait until this transaction ends, so that it then
    /// finds this one's record (SQLite: nothing to do, its write transaction excludes every other).
    func lockSource(_ sha256: String) async throws
    /// The same for case linking, so that two writers never open two cases for one key.
    func lockCases() async throws
}

/// A value bound to a statement's placeholder.
enum StoreValue: Sendable, Hashable {
    case null
    case integer(Int64)
    case text(String)
}

/// The Swift types the stores bind.
protocol StoreArgument: Sendable {
    var storeValue: StoreValue { get }
}

extension String: StoreArgument {
    var storeValue: StoreValue { .text(self) }
}

extension Int: StoreArgument {
    var storeValue: StoreValue { .integer(Int64(self)) }
}

extension Int64: StoreArgument {
    var storeValue: StoreValue { .integer(self) }
}

extension Optional: StoreArgument where Wrapped: StoreArgument {
    var storeValue: StoreValue { self?.storeValue ?? .null }
}

/// One row a query returned, column by column.
struct StoreRow: Sendable {
    var values: [StoreValue]

    func integer(_ column: Int) throws -> Int64? {
        switch try value(column) {
        case .null: return nil
        case .integer(let n): return n
        case .text: throw StoreError(.storeFailed, "Column \(column) of a stored row is text where a number was expected.")
        }
    }

    func text(_ column: Int) throws -> String? {
        switch try value(column) {
        case .null: return nil
        case .text(let s): return s
        case .integer: throw StoreError(.storeFailed, "Column \(column) of a stored row is a number where text was expected.")
        }
    }

    func requiredInteger(_ column: Int) throws -> Int64 {
        guard let n = try integer(column) else { throw StoreError(.storeFailed, "Column \(column) of a stored row is empty.") }
        return n
    }

    func requiredText(_ column: Int) throws -> String {
        guard let s = try text(column) else { throw StoreError(.storeFailed, "Column \(column) of a stored row is empty.") }
        return s
    }

    private func value(_ column: Int) throws -> StoreValue {
        guard values.indices.contains(column) else { throw StoreError(.storeFailed, "A stored row has no column \(column).") }
        return values[column]
    }
}
