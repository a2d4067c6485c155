/// Raw SQL for the store's own tests (through `@testable import`): counting rows to check what
/// was really written, and planting faults (a failing trigger) to check that writes are atomic.
/// Not part of the public API.
protocol StoreInspection {
    /// The first column of the first row, as an integer.
    func scalar(_ sql: String) async throws -> Int
    /// Runs one statement (SQLite: several separated by `;`).
    func execute(_ sql: String) async throws
    /// The first column of every row, as text (a catalogue's names, say).
    func texts(_ sql: String) async throws -> [String]
    /// Applies the migrations again, as opening the store does; returns the names applied.
    func migrateAgain() async throws -> [String]
}
