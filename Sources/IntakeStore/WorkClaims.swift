/// Lets several processes on one shared store divide a batch of files between them, on one
/// machine or several: before reading a file a process claims it by the file's SHA-256, and
/// marks it done once its records are stored. A file another process has claimed, or done, is
/// passed over; a claim whose holder died lapses after its lease and may be taken again.
///
/// ```swift
/// if try await claims.claim(fileSHA256: sha, owner: me, lease: .seconds(600)) {
///     … read the file, store its records …
///     try await claims.finish(fileSHA256: sha, owner: me)
/// }
/// ```
///
/// Only ``PostgresRecordStore`` implements it: a SQLite file is one machine's store.
public protocol WorkClaims: Sendable {
    /// Takes the file for `owner`: true when it was free, or claimed by a holder whose lease has
    /// lapsed and not done; false when another process holds it or has done it.
    func claim(fileSHA256: String, owner: String, lease: Duration) async throws -> Bool

    /// Marks a claimed file done: it is never claimed again.
    func finish(fileSHA256: String, owner: String) async throws
}
