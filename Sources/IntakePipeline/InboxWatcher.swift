import Foundation
import IntakeErrors
import IntakeRecord
import Logging
import ServiceLifecycle

/// Watches an inbox-drop folder and turns every file that lands there into records, unattended.
///
/// A file is read only once its size and modification time have held still for one scan, so
/// a file still being copied in is not read half-written. Files are never moved or deleted.
/// A file counts as done only after `deliver` returns; if delivery fails (the store is down)
/// the file is tried again at the next scan, so nothing is lost, and a store keyed by the
/// file's SHA-256 keeps a file delivered twice (after a restart) as one record. On graceful
/// shutdown (SIGTERM) the file in hand is finished first.
public struct InboxWatcher: Service {
    public let directory: String
    public let processor: any FileProcessor
    public let interval: Duration
    /// Scan until the folder is quiet and every file is delivered, then return.
    public let once: Bool
    public let logger: Logger
    public let deliver: @Sendable ([CaseRecord]) async throws -> Void

    public init(directory: String, processor: any FileProcessor, interval: Duration, once: Bool, logger: Logger,
                deliver: @escaping @Sendable ([CaseRecord]) async throws -> Void) {
        self.directory = directory
        self.processor = processor
        self.interval = interval
        self.once = once
        self.logger = logger
        self.deliver = deliver
    }

    private struct Stamp: Equatable {
        var size: Int
        var modified: Date
    }

    public func run() async throws {
        var done: [String: Stamp] = [:]
        var seen: [String: Stamp] = [:]
        logger.notice("watching", metadata: ["watch.interval": "\(interval)"])
        while !Task.isShuttingDownGracefully && !Task.isCancelled {
            var waiting = 0
            for item in (try? SourceWalker.expand([directory])) ?? [] {
                if Task.isShuttingDownGracefully { break }
                guard let stamp = Self.stamp(item.url), done[item.displayPath] != stamp else { continue }
                guard seen[item.displayPath] == stamp else {
                    seen[item.displayPath] = stamp
                    waiting += 1
                    continue
                }
                let records = await processor.records(for: item, logger: logger)
                do {
                    try await deliver(records)
                    done[item.displayPath] = stamp
                } catch {
                    waiting += 1
                    logger.warning("delivery failed; the file will be tried again", metadata: [
                        "file.sha256": "\(records.first?.source.sha256 ?? "")", "error": "\(Self.code(of: error))",
                    ])
                }
            }
            if once && waiting == 0 { return }
            // Sleep, but wake at once for a graceful shutdown.
            try? await cancelWhenGracefulShutdown { try await Task.sleep(for: interval) }
        }
        logger.notice("stopped watching")
    }

    private static func stamp(_ url: URL) -> Stamp? {
        guard let attributes = try? FileManager.default.attributesOfItem(atPath: url.path),
              let size = (attributes[.size] as? NSNumber)?.intValue,
              let modified = attributes[.modificationDate] as? Date else { return nil }
        return Stamp(size: size, modified: modified)
    }

    /// An error's code only: a code is all an operator needs in the log.
    private static func code(of error: any Error) -> String {
        (error as? IntakeError)?.code.rawValue ?? "error"
    }
}
