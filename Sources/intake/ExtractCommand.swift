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
            progress and logs to standard error: on a terminal a bar redrawn in place, otherwise \
            a line every --progress-interval seconds, then a summary (by status, kind, finding, \
            the slowest files by hash). .doc, .odt and .rtf are read through LibreOffice, Outlook \
            .msg through msgconvert. Ctrl-C finishes the files in hand, stores their records and \
            exits 130; --resume then passes over what is stored. Exit status: 0 when every \
            record is accepted, 1 when any needs attention or is rejected, 2 for a usage error.
            """)

    @Argument(help: "Files or folders to read (.docx, .pdf, .eml; .doc, .odt, .rtf, .msg through their converters).")
    var paths: [String]


    @OptionGroup var pipelineOptions: PipelineOptions

    @Option(name: .long, help: "Also store each record (creating the store if needed): a SQLite file, a postgres:// URL, or 'default' ($INTAKE_STORE, else \(StoreLocation.defaultSQLitePath)).")
    var store: String?

    @Flag(name: .long, help: "With --store: pass over files whose record is already stored (resume a stopped batch).")
    var resume = false

    @Flag(name: .long, help: "With a postgres:// --store: divide the files with other `extract --share` processes on the same store (on any machine); each file is read by one of them.")
    var share = false

    @Option(name: .long, help: "With --share: seconds after which a file claimed by a process that never finished it may be claimed again.")
    var claimLease: Double = 600

    @Option(name: .long, help: "Also write each record's submitter report into this folder, named by the file's SHA-256.")
    var reports: String?

    @Option(name: .long, help: "With --reports: text, html, json or eml (a ready reply to an e-mail's sender).")
    var reportFormat: ReportFormat = .html

    @Option(name: .long, help: "Files read at once (default: the number of cores).")
    var jobs: Int?

    @Flag(name: .long, help: "Read each file in a worker process with a deadline: a crash or hang costs one rejected record.")
    var isolate = false

    @OptionGroup var isolation: IsolationOptions

    @Flag(name: .long, help: "No progress or summary on standard error.")
    var quiet = false

    @Option(name: .long, help: "Off a terminal, seconds between progress lines (on a terminal the bar is redrawn in place).")
    var progressInterval: Double = 5

    @OptionGroup var logging: LoggingOptions

    func validate() throws {
        if let jobs, jobs < 1 { throw ValidationError("--jobs must be at least 1.") }
        if resume && store == nil { throw ValidationError("--resume needs --store: it skips what the store already holds.") }
        if share && !(store ?? "").hasPrefix("postgres") {
            throw ValidationError("--share needs a postgres:// --store: the processes divide the files through it.")
        }
        if !(claimLease > 0) { throw ValidationError("--claim-lease must be more than 0 seconds.") }
        if !(progressInterval > 0) { throw ValidationError("--progress-interval must be more than 0 seconds.") }
    }

    func run() async throws {
        let logger = logging.makeLogger()
        let configuration = try pipelineOptions.loadConfiguration()
        var items = try SourceWalker.expandForCommand(paths)
        var recordStore: (any RecordStore)?
        if let store { recordStore = try await StoreLocation.open(store, logger: logger) }
        let pipeline = Pipeline(configuration: configuration)
        let reportFiles = try reports.map { try ReportFiles(path: $0, format: reportFormat, configuration: configuration) }
        if resume, let recordStore {
            items = try await Self.unstored(items, in: recordStore, pipeline: pipeline, quiet: quiet)
        }
        var processor: any FileProcessor = isolate
            ? isolation.isolatedProcessor(configuration: configuration, logging: logging)
            : pipeline
        var shared: SharedBatchProcessor?
        if share, let claims = recordStore as? any WorkClaims {
            shared = SharedBatchProcessor(inner: processor, claims: claims, lease: .milliseconds(Int64(claimLease * 1000)))
            processor = shared!
        }
        let runner = BatchRunner(processor: processor, concurrency: jobs ?? ProcessInfo.processInfo.activeProcessorCount)
        let stop = StopRequest.onInterrupt(quiet: quiet)
        var tally = BatchTally(total: items.count)
        var progress = BatchProgress(interval: .milliseconds(Int64(progressInterval * 1000)))
        var failure: (any Error)?
        do {
            try await runner.run(items, logger: logger, isStopping: stop.isRequested) { item, records, took in
                for record in records {
                    FileHandle.standardOutput.write(try record.jsonLine())
                    if let recordStore { try await recordStore.save(record) }
                    try reportFiles?.write(record)
                }
                if records.isEmpty {
                    tally.passOver()  // another --share process has it
                } else {
                    try await shared?.finish(item)
                    tally.add(records, took: took)
                }
                if !quiet { progress.update(tally) }
            }
        } catch {
            failure = error
        }
        try await recordStore?.close()
        if !quiet {
            progress.update(tally, final: true)
            tally.summary(elapsed: progress.elapsed, stopped: stop.isRequested()).forEach(StandardError.write)
        }
        if let failure { throw failure }
        if stop.isRequested() { throw ExitCode(130) }
        if !tally.allAccepted { throw ExitCode(1) }
    }
}

extension ExtractCommand {
    /// The items not all of whose records the store holds yet. An e-mail's records are keyed by
    /// its attachments, so it is parsed (an Outlook message converted) to find their hashes.
    static func unstored(_ items: [SourceWalker.Item], in store: any RecordStore, pipeline: Pipeline, quiet: Bool) async throws -> [SourceWalker.Item] {
        var kept: [SourceWalker.Item] = []
        for item in items {
            guard let keys = try? pipeline.recordKeys(fileAt: item.url), !keys.isEmpty else {
                kept.append(item)
                continue
            }
            for key in keys where try await !store.hasRecord(sha256: key) {
                kept.append(item)
                break
            }
        }
        if !quiet { StandardError.write("resume: \(items.count - kept.count) of \(items.count) files already stored, passed over") }
        return kept
    }
}
