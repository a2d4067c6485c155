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

    @Option(name: .long, help: "Today's date for overdue checks (YYYY-MM-DD).")
    var asOf: Day?

    @OptionGroup var mappingsOptions: MappingsOptions
    @OptionGroup var logging: LoggingOptions

    func run() async throws {
        let configuration: PipelineConfiguration
        let items: [SourceWalker.Item]
        do {
            configuration = try PipelineConfiguration.load(mappingsDirectory: try mappingsOptions.directory(), asOf: asOf ?? Day.today())
            items = try SourceWalker.expand(paths)
        } catch let error as ValidationError {
            throw error
        } catch {
            throw ValidationError("\(error)")
        }
        var allAccepted = true
        var first = true
        try await BatchRunner(pipeline: Pipeline(configuration: configuration)).run(items, logger: logging.makeLogger()) { _, records in
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
