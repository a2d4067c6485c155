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
        try await run(items, logger: logger, isStopping: { false }) { item, records, _ in try await emit(item, records) }
    }

    /// Calls `emit` once per file read, in the order of `items`, with that file's records and
    /// how long reading it took. Once `isStopping` answers true no new file is started: the
    /// files in hand are finished and emitted, and the run returns (a Ctrl-C stops a batch
    /// with whole records only).
    public func run(
        _ items: [SourceWalker.Item], logger: Logger, isStopping: @escaping @Sendable () -> Bool,
        emit: (SourceWalker.Item, [CaseRecord], Duration) async throws -> Void
    ) async rethrows {
        try await withThrowingTaskGroup(of: (Int, [CaseRecord], Duration).self) { group in
            var next = 0
            var pending: [Int: ([CaseRecord], Duration)] = [:]
            var emitted = 0
            func start(_ index: Int) {
                let item = items[index]
                let processor = self.processor
                group.addTask {
                    let clock = ContinuousClock()
                    let started = clock.now
                    let records = await processor.records(for: item, logger: logger)
                    return (index, records, clock.now - started)
                }
            }
            while next < items.count && next < concurrency && !isStopping() { start(next); next += 1 }
            while let (index, records, took) = try await group.next() {
                pending[index] = (records, took)
                while let (ready, readyTook) = pending.removeValue(forKey: emitted) {
                    try await emit(items[emitted], ready, readyTook)
                    emitted += 1
                }
                if next < items.count && !isStopping() { start(next); next += 1 }
            }
        }
    }
}
