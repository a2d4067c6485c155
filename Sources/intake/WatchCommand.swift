import ArgumentParser
import Foundation
import IntakePipeline
import IntakeRecord
import IntakeStore
import Logging
import ServiceLifecycle

/// `intake watch DIR`: the unattended inbox-drop watcher.
struct WatchCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "watch",
        abstract: "Watch an inbox folder and store a record for every file dropped into it.",
        discussion: """
            Runs until SIGTERM or SIGINT, finishing the file in hand. Files are never moved or \
            deleted; a file is read once its size has held still for one scan. Each record is \
            stored (the same file twice is one record) and printed as JSON Lines on stdout.
            """)

    @Argument(help: "The inbox folder.")
    var directory: String

    @Option(name: .long, help: "Where to store: a SQLite file, a postgres:// URL, or 'default' (\(StoreLocation.defaultSQLitePath)).")
    var store: String = "default"

    @Option(name: .long, help: "Seconds between scans.")
    var interval: Double = 5

    @Flag(name: .long, help: "Read files in this process instead of one worker process per file (faster, less safe).")
    var inProcess = false

    @OptionGroup var isolation: IsolationOptions

    @Flag(name: .long, help: "Process what is in the folder now, then exit.")
    var once = false


    @OptionGroup var pipelineOptions: PipelineOptions
    @OptionGroup var logging: LoggingOptions

    func validate() throws {
        guard interval > 0, interval <= 3600 else { throw ValidationError("--interval must be more than 0 and at most 3600 seconds.") }
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: directory, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw ValidationError("No such folder: \(directory)")
        }
    }

    func run() async throws {
        let logger = logging.makeLogger()
        let configuration = try pipelineOptions.loadConfiguration()
        let recordStore = try await StoreLocation.open(store, logger: logger)
        let watcher = InboxWatcher(
            directory: directory,
            processor: inProcess ? Pipeline(configuration: configuration)
                : isolation.isolatedProcessor(configuration: configuration, logging: logging),
            interval: .milliseconds(Int(interval * 1000)), once: once, logger: logger
        ) { records in
            for record in records {
                try await recordStore.save(record)
                FileHandle.standardOutput.write(try record.jsonLine())
            }
        }
        let group = ServiceGroup(configuration: .init(
            services: [.init(service: watcher, successTerminationBehavior: .gracefullyShutdownGroup)],
            gracefulShutdownSignals: [.sigterm, .sigint], logger: logger))
        do {
            try await group.run()
        } catch {
            try? await recordStore.close()
            throw error
        }
        try await recordStore.close()
    }
}
