import Foundation
import IntakeRecord
import Logging

/// Processes many files on all cores and hands back their records in input order.
///
/// At most `concurrency` files are in flight, so memory stays bounded however many files
/// there are; results that finish early wait in a small reorder buffer.
public struct BatchRunner: Sendable {
    public let processor: any FileProcessor
    public let concurrency: Int

    public init(processor: any FileProcessor, concurrency: Int = ProcessInfo.processInfo.activeProcessorCount) {
        self.processor = processor
        self.concurrency = max(1, concurrency)
    }

    /// Calls `emit` once per file, in the order of `items`, with that file's records.
    public func run(
        _ items: [SourceWalker.Item], logger: Logger,
        emit: (SourceWalker.Item, [CaseRecord]) async throws -> Void
    ) async rethrows {
        try await withThrowingTaskGroup(of: (Int, [CaseRecord]).self) { group in
            var next = 0
            var pending: [Int: [CaseRecord]] = [:]
            var emitted = 0
            func start(_ index: Int) {
                let item = items[index]
                let processor = self.processor
                group.addTask {
                    (index, await processor.records(for: item, logger: logger))
                }
            }
            while next < items.count && next < concurrency { start(next); next += 1 }
            while let (index, records) = try await group.next() {
                pending[index] = records
                while let ready = pending.removeValue(forKey: emitted) {
                    try await emit(items[emitted], ready)
                    emitted += 1
                }
                if next < items.count { start(next); next += 1 }
            }
        }
    }
}
