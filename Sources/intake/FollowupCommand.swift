import ArgumentParser
import IntakeRecord
import IntakeReports
import IntakeStore

/// `intake followup`: stored submissions waiting for a response, most overdue first.
struct FollowupCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "followup",
        abstract: "List stored submissions whose response is due or overdue, most urgent first.")

    @Option(help: "text, csv or html.") var format: FollowupFormat = .text
    @OptionGroup var pipelineOptions: PipelineOptions
    @OptionGroup var store: StoreOptions

    func run() async throws {
        let configuration = try pipelineOptions.loadConfiguration()
        let context = ReportContext(mappings: configuration.mappings, calendar: configuration.calendar, asOf: configuration.asOf)
        let stored = try await store.withStore { try await $0.records(matching: RecordFilter()) }
        let open = stored.filter { $0.status != .resolved && $0.status != .rejected }.map { (id: $0.id, record: $0.record) }
        let list = FollowUpList(records: open, context: context)
        switch format {
        case .text: print(list.renderText(), terminator: "")
        case .csv: print(list.renderCSV(), terminator: "")
        case .html: print(list.renderHTML(), terminator: "")
        }
    }
}

enum FollowupFormat: String, ExpressibleByArgument, CaseIterable { case text, csv, html }
