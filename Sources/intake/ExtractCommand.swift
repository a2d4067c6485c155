import ArgumentParser
import Foundation
import IntakePipeline
import IntakeRecord
import IntakeStore
import Logging

/// `intake extract PATH…`: one JSON record per document on standard output.
struct ExtractCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "extract",
        abstract: "Read forms and print one case record per document as JSON Lines.",
        discussion: """
            Folders are walked (hidden files, *.truth.json, MANIFEST.json and *.md inside them are \
            passed over). An .eml gives one record per attachment. Records go to standard output, \
            progress and logs to standard error. Exit status: 0 when every record is accepted, \
            1 when any needs attention or is rejected, 2 for a usage error.
            """)

    @Argument(help: "Files or folders to read (.docx, .pdf, .eml).")
    var paths: [String]


    @OptionGroup var pipelineOptions: PipelineOptions

    @Option(name: .long, help: "Also store each record (creating the store if needed): a SQLite file, a postgres:// URL, or 'default' ($INTAKE_STORE, else \(StoreLocation.defaultSQLitePath)).")
    var store: String?

    @Flag(name: .long, help: "With --store: pass over files whose record is already stored (resume a stopped batch).")
    var resume = false

    @Option(name: .long, help: "Files read at once (default: the number of cores).")
    var jobs: Int?

    @Flag(name: .long, help: "Read each file in a worker process with a deadline: a crash or hang costs one rejected record.")
    var isolate = false

    @OptionGroup var isolation: IsolationOptions

    @Flag(name: .long, help: "No progress lines on standard error.")
    var quiet = false

    @OptionGroup var logging: LoggingOptions

    func validate() throws {
        if let jobs, jobs < 1 { throw ValidationError("--jobs must be at least 1.") }
        if resume && store == nil { throw ValidationError("--resume needs --store: it skips what the store already holds.") }
    }

    func run() async throws {
        let logger = logging.makeLogger()
        let configuration = try pipelineOptions.loadConfiguration()
        var items = try SourceWalker.expandForCommand(paths)
        var recordStore: (any RecordStore)?
        if let store { recordStore = try await StoreLocation.open(store, logger: logger) }
        if resume, let recordStore {
            items = try await Self.unstored(items, in: recordStore, quiet: quiet)
        }
        let processor: any FileProcessor = isolate
            ? isolation.isolatedProcessor(configuration: configuration, logging: logging)
            : Pipeline(configuration: configuration)
        let runner = BatchRunner(processor: processor, concurrency: jobs ?? ProcessInfo.processInfo.activeProcessorCount)
        var allAccepted = true
        var done = 0
        var failure: (any Error)?
        do {
            try await runner.run(items, logger: logger) { _, records in
                done += 1
                for record in records {
                    FileHandle.standardOutput.write(try record.jsonLine())
                    if record.status != .accepted { allAccepted = false }
                    if let recordStore { try await recordStore.save(record) }
                }
                if !quiet {
                    let summary = records.map { "\($0.status.rawValue) \($0.source.sha256.prefix(12))" }.joined(separator: ", ")
                    StandardError.write("[\(done)/\(items.count)] \(summary)")
                }
            }
        } catch {
            failure = error
        }
        try await recordStore?.close()
        if let failure { throw failure }
        if !allAccepted { throw ExitCode(1) }
    }
}

extension ExtractCommand {
    /// The items whose record the store does not hold yet. An e-mail is always read again:
    /// its records are keyed by its attachments.
    static func unstored(_ items: [SourceWalker.Item], in store: any RecordStore, quiet: Bool) async throws -> [SourceWalker.Item] {
        var kept: [SourceWalker.Item] = []
        for item in items {
            guard let sha = try? Pipeline.sha256(fileAt: item.url), try await store.hasRecord(sha256: sha) else {
                kept.append(item)
                continue
            }
        }
        if !quiet { StandardError.write("resume: \(items.count - kept.count) of \(items.count) files already stored, passed over") }
        return kept
    }
}
