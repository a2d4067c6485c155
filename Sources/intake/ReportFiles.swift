import Foundation
import IntakePipeline
import IntakeRecord
import IntakeReports

/// `extract --reports DIR`: one submitter's report per record, named by the document's SHA-256
/// (never its file name), in a folder readable by its owner only: reports quote the form's labels
/// and the sender's address.
struct ReportFiles {
    let directory: URL
    let format: ReportFormat
    let context: ReportContext

    init(path: String, format: ReportFormat, configuration: PipelineConfiguration) throws {
        directory = URL(fileURLWithPath: path)
        self.format = format
        context = ReportContext(mappings: configuration.mappings, calendar: configuration.calendar, asOf: configuration.asOf)
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true,
                                                attributes: [.posixPermissions: 0o700])
    }

    func write(_ record: CaseRecord) throws {
        let text = format.render(SubmitterReport(record: record, context: context), record: record)
        let name = "\(record.source.sha256.prefix(16)).\(format.fileExtension)"
        let url = directory.appendingPathComponent(name)
        try Data(text.utf8).write(to: url, options: .atomic)
        try FileManager.default.setAttributes([.posixPermissions: 0o600], ofItemAtPath: url.path)
    }
}
