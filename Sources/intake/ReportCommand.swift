import ArgumentParser
import Foundation
import IntakePipeline
import IntakeRecord
import IntakeReports

/// `intake report FILE…` or `intake report --record ID`: the report a submitter reads.
struct ReportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "Tell submitters what is missing or wrong in their forms, and how to fix it.")

    @Argument(help: "Files or folders to report on (.docx, .pdf, .eml).")
    var paths: [String] = []

    @Option(help: "A stored record's id (see `intake records list`) to report on instead of files.")
    var record: Int64?

    @Option(help: "text, html, json, or eml (a reply to the sender of an e-mail submission, never sent).")
    var format: ReportFormat = .text

    @OptionGroup var pipelineOptions: PipelineOptions
    @OptionGroup var store: StoreOptions

    func validate() throws {
        if paths.isEmpty == (record == nil) { throw ValidationError("Give files to report on, or --record ID, not both.") }
    }

    func run() async throws {
        let configuration = try pipelineOptions.loadConfiguration()
        let context = ReportContext(mappings: configuration.mappings, calendar: configuration.calendar, asOf: configuration.asOf)
        var allAccepted = true
        var first = true
        func emit(_ record: CaseRecord) {
            if !first && format != .json { print("") }
            first = false
            print(format.render(SubmitterReport(record: record, context: context), record: record), terminator: "")
            if record.status != .accepted { allAccepted = false }
        }
        if let id = record {
            guard let stored = try await store.withStore({ try await $0.record(id: id) }) else {
                throw CommandFailure("No record has id \(id).")
            }
            emit(stored.record)
        } else {
            let items = try SourceWalker.expandForCommand(paths)
            await BatchRunner(processor: Pipeline(configuration: configuration))
                .run(items, logger: store.logging.makeLogger()) { _, records in records.forEach(emit) }
        }
        if !allAccepted { throw ExitCode(1) }
    }
}

enum ReportFormat: String, ExpressibleByArgument, CaseIterable {
    case text, html, json, eml

    func render(_ report: SubmitterReport, record: CaseRecord) -> String {
        switch self {
        case .text: report.renderText()
        case .html: report.renderHTML() + "\n"
        case .json: report.renderJSON()
        case .eml: ReplyMail(report: report, record: record).render()
        }
    }

    /// The file extension a report of this format is written with.
    var fileExtension: String { self == .text ? "txt" : rawValue }
}
