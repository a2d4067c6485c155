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

    @Option(name: .long, help: "Today's date for overdue checks (YYYY-MM-DD), so results can be repeated.")
    var asOf: Day?

    @OptionGroup var mappingsOptions: MappingsOptions

    @Option(name: .long, help: "Also store each record: a SQLite file, a postgres:// URL, or 'default' (\(StoreLocation.defaultSQLitePath)).")
    var store: String?

    @Option(name: .long, help: "Files read at once (default: the number of cores).")
    var jobs: Int?

    @Flag(name: .long, help: "No progress lines on standard error.")
    var quiet = false

    @OptionGroup var logging: LoggingOptions

    func validate() throws {
        if let jobs, jobs < 1 { throw ValidationError("--jobs must be at least 1.") }
    }

    func run() async throws {
        let logger = logging.makeLogger()
        let configuration: PipelineConfiguration
        let items: [SourceWalker.Item]
        do {
            configuration = try PipelineConfiguration.load(mappingsDirectory: try mappingsOptions.directory(),
                                                           asOf: asOf ?? Day.today())
            items = try SourceWalker.expand(paths)
        } catch let error as ValidationError {
            throw error
        } catch {
            throw ValidationError("\(error)")
        }
        var recordStore: (any RecordStore)?
        if let store { recordStore = try await StoreLocation.open(store == "default" ? nil : store, logger: logger) }
        let runner = BatchRunner(pipeline: Pipeline(configuration: configuration),
                                 concurrency: jobs ?? ProcessInfo.processInfo.activeProcessorCount)
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

extension Day {
    /// Today's date in the UK.
    static func today() -> Day {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "Europe/London") ?? .current
        let parts = calendar.dateComponents([.year, .month, .day], from: Date())
        return Day(year: parts.year ?? 2026, month: parts.month ?? 1, day: parts.day ?? 1)!
    }
}
