import GRDB
import Synchronization

/// The SQLite side of ``StoreConnection``: the store's one writer connection, inside the
/// IMMEDIATE transaction ``SQLiteRecordStore/transaction(_:_:)`` opened on it.
///
/// Each statement is its own GRDB access, so that the shared async code can run between them;
/// the transaction spans those accesses (GRDB's `allowsUnsafeTransactions`), and the store's
/// ``SQLiteWriteLock`` keeps every other write of this process off the connection meanwhile.
struct SQLiteConnection: StoreConnection {
    let pool: DatabasePool
    let sql = StoreSQL(dialect: .sqlite)

    func execute(_ statement: String, _ arguments: [any StoreArgument]) async throws {
        let arguments = Self.arguments(arguments)
        try await pool.writeWithoutTransaction { db in try db.execute(sql: statement, arguments: arguments) }
    }

    func query(_ statement: String, _ arguments: [any StoreArgument]) async throws -> [StoreRow] {
        let arguments = Self.arguments(arguments)
        return try await pool.writeWithoutTransaction { db in
            try Row.fetchAll(db, sql: statement, arguments: arguments).map(StoreRow.init)
        }
    }

    /// The IMMEDIATE transaction already excludes every other writer, in any process.
    func lockSource(_ sha256: String) async throws {}
    func lockCases() async throws {}

    static func arguments(_ values: [any StoreArgument]) -> StatementArguments {
        StatementArguments(values.map { value -> DatabaseValue in
            switch value.storeValue {
            case .null: .null
            case .integer(let n): n.databaseValue
            case .text(let s): s.databaseValue
            }
        })
    }
}

extension StoreRow {
    init(_ row: Row) {
        values = row.databaseValues.map { value in
            switch value.storage {
            case .null: .null
            case .int64(let n): .integer(n)
            case .double(let d): .text(String(d))
            case .string(let s): .text(s)
            case .blob(let data): .text(String(decoding: data, as: UTF8.self))
            }
        }
    }
}

/// One write transaction at a time on a store's writer connection, within this process (other
/// processes wait on SQLite's own lock, up to the busy timeout). Waiters go in arrival order.
final class SQLiteWriteLock: Sendable {
    private let state = Mutex<(held: Bool, waiting: [CheckedContinuation<Void, Never>])>((false, []))

    func run<T: Sendable>(_ body: () async throws -> T) async throws -> T {
        await acquire()
        defer { release() }
        return try await body()
    }

    private func acquire() async {
        await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
            let now = state.withLock { state -> Bool in
                if !state.held {
                    state.held = true
                    return true
                }
                state.waiting.append(continuation)
                return false
            }
            if now { continuation.resume() }
        }
    }

    private func release() {
        let next = state.withLock { state -> CheckedContinuation<Void, Never>? in
            guard !state.waiting.isEmpty else {
                state.held = false
                return nil
            }
            return state.waiting.removeFirst()
        }
        next?.resume()
    }
}

extension SQLiteRecordStore {
    /// Runs `body` in one IMMEDIATE transaction over ``SQLiteConnection``: committed when it
    /// returns, rolled back when it throws (or its task is cancelled).
    func transaction<T: Sendable>(_ operation: String, _ body: (SQLiteConnection) async throws -> T) async throws -> T {
        let pool = self.pool
        return try await writeLock.run {
            do {
                try await pool.writeWithoutTransaction { db in try db.execute(sql: "BEGIN IMMEDIATE") }
                do {
                    let result = try await body(SQLiteConnection(pool: pool))
                    try await pool.writeWithoutTransaction { db in try db.execute(sql: "COMMIT") }
                    return result
                } catch {
                    Self.rollBack(pool)
                    throw error
                }
            } catch {
                throw Self.storeError(error, while: operation)
            }
        }
    }

    /// Synchronous, so that a cancelled task (whose async GRDB accesses fail at once) still
    /// ends its transaction.
    private static func rollBack(_ pool: DatabasePool) {
        try? pool.writeWithoutTransaction { db in
            if db.isInsideTransaction { try db.execute(sql: "ROLLBACK") }
        }
    }
}
