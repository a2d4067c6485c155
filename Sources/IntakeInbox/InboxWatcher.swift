import Foundation
import IntakeErrors
import IntakePipeline
import IntakeRecord
import IntakeReports
import IntakeStore
import Logging
import ServiceLifecycle

/// Watches an inbox and turns every file that lands in it into records, unattended, filing
/// each file once its records are committed (see ``InboxLayout`` for the folders).
///
/// inotify says when a file was closed or moved in; a rescan every `interval` is the net for
/// what events miss, and the only source with `poll` (network shares). Claims a crash left are
/// finished at start and at every rescan. On graceful shutdown (SIGTERM) the file in hand is
/// finished first; a SIGKILL at any moment loses nothing and doubles nothing (``InboxClerk``).
public struct InboxWatcher: Service {
    public struct Options: Sendable {
        public var interval: Duration
        public var settle: Duration
        public var poll: Bool
        public var once: Bool
        public var inPlace: Bool
        public var ignore: [String]
        /// A claim from another host older than this is taken to be abandoned: its watcher's
        /// process cannot be asked whether it is alive, so its age must say.
        public var claimLease: Duration
        /// The notes folder of a Maildir or an in-place inbox (``InboxLayout/notes``).
        public var notes: String?
        /// Files finished at once, each in its own worker process (or task, in process).
        public var jobs: Int

        public init(interval: Duration = .seconds(5), settle: Duration = .seconds(2), poll: Bool = false, once: Bool = false,
                    inPlace: Bool = false, ignore: [String] = InboxWatcher.defaultIgnore, claimLease: Duration = .seconds(600),
                    notes: String? = nil, jobs: Int = 1) {
            self.interval = interval
            self.settle = settle
            self.poll = poll
            self.once = once
            self.inPlace = inPlace
            self.ignore = ignore
            self.claimLease = claimLease
            self.notes = notes
            self.jobs = max(1, jobs)
        }
    }

    public static let defaultIgnore = InboxScanner.defaultIgnore

    public let layout: InboxLayout
    public let options: Options
    public let tally: InboxTally
    let clerk: InboxClerk
    let store: any RecordStore
    let logger: Logger

    /// - parameter reports: what the submitter's report beside a needs-attention file names and cites.
    public init(directory: String, processor: any FileProcessor, store: any RecordStore, options: Options,
                reports: ReportContext, tally: InboxTally = InboxTally(), logger: Logger,
                output: @escaping @Sendable (CaseRecord) -> Void) {
        layout = InboxLayout(root: directory, inPlace: options.inPlace, notes: options.notes)
        self.options = options
        self.tally = tally
        self.store = store
        self.logger = logger
        let printer = SerialOutput(output)
        clerk = InboxClerk(layout: layout, processor: processor, store: store, reports: reports, output: { printer.print($0) },
                           inHand: ContentInHand(), logger: logger)
    }

    public func run() async throws {
        var scanner = InboxScanner(layout: layout, ignore: options.ignore, settle: options.settle)
        let events = options.poll ? nil : InboxEvents()
        logger.notice("watching", metadata: ["inbox.mode": "\(layout.mode.rawValue)", "inbox.events": "\(events != nil)"])
        let clock = ContinuousClock()
        var lastScan = clock.now - options.interval, lastResume = lastScan
        var waiting = 0, eventsArrived = false
        let inPlaceDone = InPlaceDone()
        // Beats on its own, so a file that takes long to read does not make the watcher look stopped.
        let beating = Task { await beatUntilCancelled() }
        await resumeLeftovers()
        while !Task.isShuttingDownGracefully && !Task.isCancelled {
            let pause = waiting > 0 ? min(max(options.settle / 4, .milliseconds(20)), .milliseconds(250)) : options.interval
            let scanning = eventsArrived || clock.now - lastScan >= pause
            if scanning {
                lastScan = clock.now
                let (entries, folders) = scanner.scan()
                for folder in folders { events?.watch(folder) }
                let found = scanner.ready(entries)
                waiting = found.waiting
                waiting += await handleAll(found.ready, inPlaceDone: inPlaceDone)
            }
            if clock.now - lastResume >= options.interval {
                lastResume = clock.now
                await resumeLeftovers()
            }
            if options.once && scanning && waiting == 0 {
                let left = (try? await InboxClaims.leftovers(in: layout, journal: store, stale: options.claimLease)) ?? []
                if left.isEmpty { break }
            }
            let wait = min(pause, .milliseconds(250))
            if let events {
                let batch = await events.next(milliseconds: Int32(wait.wholeMilliseconds))
                scanner.noteClosed(batch.ready)
                eventsArrived = batch.rescan || !batch.ready.isEmpty
            } else {
                try? await cancelWhenGracefulShutdown { try await Task.sleep(for: wait) }
            }
        }
        beating.cancel()
        await beating.value
        await heartbeat(stopped: true)
        logger.notice("stopped watching")
    }

    /// Claims and finishes one waiting file; a failure (the store down) leaves the claim to be
    /// resumed at the next rescan.
    func handle(_ path: String, inPlaceDone: InPlaceDone) async -> InboxClerk.Outcome? {
        do {
            guard let claim = try await InboxClaims.claim(path, in: layout, journal: store, stale: options.claimLease) else { return nil }
            if layout.mode == .inPlace {
                let key = "inplace:" + claim.token
                if inPlaceDone.contains(key) { return nil }
                if try await store.entry(key) != nil { inPlaceDone.insert(key); return nil }
                let outcome = try await clerk.finish(claim)
                guard outcome != .putBack else { return outcome }
                try await store.setEntry(key, value: "done")
                inPlaceDone.insert(key)
                tally.count(outcome)
                return outcome
            }
            let outcome = try await clerk.finish(claim)
            tally.count(outcome)
            return outcome
        } catch {
            failed(error)
            return nil
        }
    }

    private func resumeLeftovers() async {
        do {
            for claim in try await InboxClaims.leftovers(in: layout, journal: store, stale: options.claimLease) {
                if Task.isShuttingDownGracefully { return }
                let outcome = try await clerk.finish(claim)
                tally.count(outcome)
            }
        } catch {
            failed(error)
        }
    }

    private func failed(_ error: any Error) {
        let code = (error as? IntakeError)?.code.rawValue ?? (error as? InboxFault)?.code ?? "store.failed"
        tally.failed(code)
        logger.warning("a file could not be finished; it will be tried again", metadata: ["error.code": "\(code)"])
    }

    private func beatUntilCancelled() async {
        while !Task.isCancelled {
            await heartbeat(stopped: false)
            try? await Task.sleep(for: options.interval)
        }
    }

    /// What `intake status` reads: when this watcher was last alive, and how it is doing.
    /// Counts and codes only, never a file's name.
    private func heartbeat(stopped: Bool) async {
        let beat = InboxHeartbeat(pid: getpid(), host: InboxLayout.hostName, mode: layout.mode.rawValue,
                                  interval: Double(options.interval.wholeMilliseconds) / 1000, stopped: stopped, tally: tally.snapshot())
        guard let text = try? String(decoding: JSONEncoder().encode(beat), as: UTF8.self) else { return }
        try? await store.setEntry(InboxHeartbeat.key(for: layout.root), value: text)
    }
}
