import Foundation
import IntakeRecord
import Logging

/// Turns one file into its records. ``Pipeline`` does it in this process;
/// ``IsolatedProcessor`` does it in a worker process, so that a reader that crashes or hangs
/// on a hostile file costs one rejected record, not the run.
public protocol FileProcessor: Sendable {
    func records(for item: SourceWalker.Item, logger: Logger) async -> [CaseRecord]
}

extension Pipeline: FileProcessor {
    public func records(for item: SourceWalker.Item, logger: Logger) async -> [CaseRecord] {
        process(fileAt: item.url, displayPath: item.displayPath, logger: logger)
    }
}
