import Foundation
import IntakeMapping
import IntakePipeline
import IntakeRecord
import IntakeReports
import IntakeTestSupport
import Logging

/// Real forms read by the real pipeline, and the report context the CLI builds.
enum Reports {
    static let samples = TestPaths.samples
    static let mappings = TestPaths.mappings
    static let asOf = Day(iso: "2026-11-20")!

    static let configuration = try! PipelineConfiguration.load(mappingsDirectory: mappings, asOf: asOf)
    static let context = ReportContext(mappings: configuration.mappings, calendar: configuration.calendar, asOf: asOf)

    static func records(_ name: String, folder: URL = samples, configuration: PipelineConfiguration = Reports.configuration) -> [CaseRecord] {
        let url = folder.appendingPathComponent(name)
        var logger = Logger(label: "intake.tests", factory: { _ in SwiftLogNoOpLogHandler() })
        logger.logLevel = .critical
        return Pipeline(configuration: configuration).process(fileAt: url, displayPath: url.path, logger: logger)
    }

    static func report(_ name: String) -> (SubmitterReport, CaseRecord) {
        let record = records(name)[0]
        return (SubmitterReport(record: record, context: context), record)
    }

    /// A copy of mappings/ in a temporary folder, changed by `edit` (file name → new text).
    static func editedMappings(_ edit: (String, String) -> String) throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("intake-mappings-\(UUID().uuidString)")
        try FileManager.default.copyItem(at: mappings, to: folder)
        for sub in ["forms", "policies"] {
            let dir = folder.appendingPathComponent(sub)
            for name in try FileManager.default.contentsOfDirectory(atPath: dir.path) {
                let url = dir.appendingPathComponent(name)
                try edit(name, try String(contentsOf: url, encoding: .utf8)).write(to: url, atomically: true, encoding: .utf8)
            }
        }
        return folder
    }
}

enum IntakePipelineLoad {
    static func configuration(_ folder: URL) throws -> PipelineConfiguration {
        try PipelineConfiguration.load(mappingsDirectory: folder, asOf: Reports.asOf)
    }
}
