import ArgumentParser
import Foundation
import IntakeRecord
import IntakeReports
import IntakeStore

/// `intake themes`: the annual themes report from the stored records, as one self-contained
/// HTML page and a CSV beside it, in a folder readable by its owner only.
struct ThemesCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "themes",
        abstract: "Write the themes report (themes.html and themes.csv) for a period from the stored records.")

    @Option(help: "Disputes whose first submission is on or after this day (YYYY-MM-DD).") var from: Day?
    @Option(help: "Disputes whose first submission is on or before this day (YYYY-MM-DD).") var to: Day?
    @Option(help: "One partnership: its id (e.g. bolton) or its name as the mappings give it.") var partnership: String?
    @Option(help: "The folder to write themes.html and themes.csv into (created if missing).") var out: String
    @OptionGroup var pipelineOptions: PipelineOptions
    @OptionGroup var store: StoreOptions

    func validate() throws {
        if let from, let to, to < from { throw ValidationError("--to (\(to)) is before --from (\(from)).") }
    }

    func run() async throws {
        let configuration = try pipelineOptions.loadConfiguration()
        let context = ReportContext(mappings: configuration.mappings, calendar: configuration.calendar, asOf: configuration.asOf)
        let partnershipID = try partnership.map { name in
            guard let policy = configuration.mappings.policies.first(where: { policy in
                [policy.partnership, policy.shortName, policy.name].contains { $0.caseInsensitiveCompare(name) == .orderedSame }
            }) else {
                let known = configuration.mappings.policies.map(\.partnership).sorted().joined(separator: ", ")
                throw ValidationError("--partnership \(name) names no partnership in the mappings (\(known)).")
            }
            return policy.partnership
        }
        let stored = try await store.withStore { try await $0.records(matching: RecordFilter(partnership: partnershipID)) }
        let submissions = stored.map { ThemesReport.Submission(id: $0.id, caseID: $0.caseID, record: $0.record, storedAt: $0.storedAt) }
        let report = ThemesReport(submissions: submissions, period: .init(from: from, to: to), partnership: partnershipID, context: context)
        let folder = URL(fileURLWithPath: out)
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        for (name, text) in [("themes.html", report.renderHTML()), ("themes.csv", report.renderCSV())] {
            let url = folder.appendingPathComponent(name)
            try Data(text.utf8).write(to: url, options: .atomic)
            try FileManager.default.setAttributes([.posixPermissions: 0o600], ofItemAtPath: url.path)
        }
        StandardError.write("themes: \(report.disputeCount) disputes, \(report.submissionCount) submissions; wrote themes.html and themes.csv")
    }
}
