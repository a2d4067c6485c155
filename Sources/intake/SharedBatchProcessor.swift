import Foundation
import IntakePipeline
import IntakeRecord
import IntakeStore
import Logging

/// `extract --share`: reads a file only once this process has claimed it in the shared store,
/// so that several processes over one archive (on one machine or several) divide it between
/// them. A file claimed or done by another process gives no records (the batch counts it as
/// passed over); ``finish(_:)`` marks a file done once its records are stored.
struct SharedBatchProcessor: FileProcessor {
    let inner: any FileProcessor
    let claims: any WorkClaims
    /// This process, as other processes see it in the claims: host, process id and a random part.
    let owner = "\(ProcessInfo.processInfo.hostName)/\(getpid())/\(UUID().uuidString.prefix(8))"
    /// After this long a claim whose holder never finished (it died) may be taken again.
    let lease: Duration

    func records(for item: SourceWalker.Item, logger: Logger) async -> [CaseRecord] {
        // A file that cannot be hashed cannot be claimed either: read it, so it gets its rejected record.
        guard let sha = try? Pipeline.sha256(fileAt: item.url) else { return await inner.records(for: item, logger: logger) }
        do {
            guard try await claims.claim(fileSHA256: sha, owner: owner, lease: lease) else {
                logger.debug("claimed elsewhere", metadata: ["file.sha256": "\(sha)"])
                return []
            }
        } catch {
            // The store is out of reach: read the file anyway; storing its records will say so.
            logger.warning("claim failed", metadata: ["file.sha256": "\(sha)", "error.code": "store.unavailable"])
        }
        return await inner.records(for: item, logger: logger)
    }

    /// Marks the file done: called after its records are stored.
    func finish(_ item: SourceWalker.Item) async throws {
        guard let sha = try? Pipeline.sha256(fileAt: item.url) else { return }
        try await claims.finish(fileSHA256: sha, owner: owner)
    }
}
