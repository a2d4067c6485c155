import PostgresNIO

extension PostgresRecordStore: WorkClaims {
    /// One transaction: a new claim is an `INSERT … ON CONFLICT DO NOTHING`; a lapsed one is
    /// taken over after `SELECT … FOR UPDATE SKIP LOCKED`, so that of several processes
    /// reaching for the same lapsed claim one gets it and the others pass over it at once,
    /// without waiting for each other.
    public func claim(fileSHA256 sha256: String, owner: String, lease: Duration) async throws -> Bool {
        let logger = self.logger
        let seconds = Int64(max(1, lease.components.seconds))
        return try await transaction("claiming a file") { db in
            let inserted = try await db.rows("""
                INSERT INTO batch_claims (sha256, owner) VALUES ($1, $2) ON CONFLICT (sha256) DO NOTHING RETURNING owner
                """, [sha256, owner], logger: logger)
            if !inserted.isEmpty { return true }
            let lapsed = try await db.rows("""
                SELECT owner FROM batch_claims
                WHERE sha256 = $1 AND NOT done AND claimed_at < now() - $2::bigint * interval '1 second'
                FOR UPDATE SKIP LOCKED
                """, [sha256, seconds], logger: logger)
            guard !lapsed.isEmpty else { return false }
            try await db.rows("UPDATE batch_claims SET owner = $2, claimed_at = now() WHERE sha256 = $1",
                              [sha256, owner], logger: logger)
            return true
        }
    }

    public func finish(fileSHA256 sha256: String, owner: String) async throws {
        let logger = self.logger
        try await transaction("finishing a claim") { db in
            try await db.rows("UPDATE batch_claims SET done = true WHERE sha256 = $1 AND owner = $2", [sha256, owner], logger: logger)
        }
    }
}
