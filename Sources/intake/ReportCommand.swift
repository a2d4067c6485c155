import ArgumentParser
import Foundation
import IntakePipeline
import IntakeRecord
import IntakeReports

/// `intake report FILE…`: the validation report a submitter reads.
struct ReportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "Tell submitters what is missing or wrong in their forms, and how to fix it.")

    @Argument(help: "Files or folders to report on (.docx, .pdf, .eml).")
    var paths: [String]


    @OptionGroup var pipelineOptions: PipelineOptions
    @OptionGroup var logging: LoggingOptions

    func run() async throws {
        let configuration = try pipelineOptions.loadConfiguration()
        let items = try SourceWalker.expandForCommand(paths)
        var allAccepted = true
        var first = true
        await BatchRunner(processor: Pipeline(configuration: configuration)).run(items, logger: logging.makeLogger()) { _, records in
            for record in records {
                if !first { print("") }
                first = false
                print(SubmitterReport(record: record).render(), terminator: "")
                if record.status != .accepted { allAccepted = false }
            }
        }
        if !allAccepted { throw ExitCode(1) }
    }
}
