/// Applies ``StoreMigrations/all`` to either store over its ``StoreConnection``, in the one
/// transaction the store opened (PostgreSQL takes its migration lock first; SQLite's IMMEDIATE
/// transaction already excludes every other writer). What is applied goes in each store's own
/// table as before this runner existed, so stores made by earlier code open and upgrade as
/// they are.
enum StoreMigrator {
    /// Applies what is not yet applied, in order; returns those migrations' names.
    @discardableResult
    static func migrate(on db: some StoreConnection, migrations: [StoreMigration] = StoreMigrations.all) async throws -> [String] {
        let ledger = Ledger(dialect: db.sql.dialect)
        try await db.execute(ledger.create, [])
        let done = Set(try await db.query(ledger.select, []).compactMap(\.values.first))
        var applied: [String] = []
        for migration in migrations {
            guard let mark = ledger.mark(migration), !done.contains(mark) else { continue }
            for statement in migration.statements(ledger.dialect) { try await db.execute(statement, []) }
            try await db.execute(ledger.insert, ledger.arguments(migration, mark: mark))
            applied.append(migration.name)
        }
        return applied
    }

    /// Each store's table of applied migrations, in the shape earlier code made it: GRDB's
    /// `grdb_migrations` for SQLite, `schema_migrations` for PostgreSQL.
    struct Ledger {
        let dialect: StoreSQL.Dialect

        var create: String {
            switch dialect {
            case .sqlite: "CREATE TABLE IF NOT EXISTS grdb_migrations (identifier TEXT NOT NULL PRIMARY KEY)"
            case .postgres:
                "CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)"
            }
        }

        var select: String {
            dialect == .sqlite ? "SELECT identifier FROM grdb_migrations" : "SELECT version FROM schema_migrations"
        }

        var insert: String {
            switch dialect {
            case .sqlite: "INSERT INTO grdb_migrations (identifier) VALUES (?)"
            case .postgres: "INSERT INTO schema_migrations (version, name, applied_at) VALUES ($1, $2, $3)"
            }
        }

        /// How the ledger names `migration`; nil when it does not apply to this store.
        func mark(_ migration: StoreMigration) -> StoreValue? {
            switch dialect {
            case .sqlite: migration.sqliteIdentifier.map(StoreValue.text)
            case .postgres: migration.postgresVersion.map { .integer(Int64($0)) }
            }
        }

        func arguments(_ migration: StoreMigration, mark: StoreValue) -> [any StoreArgument] {
            dialect == .sqlite ? [mark] : [mark, migration.name, RecordRows.now()]
        }
    }
}

extension StoreValue: StoreArgument {
    var storeValue: StoreValue { self }
}
