import Foundation
import IntakeMapping
import IntakePipeline
import IntakeRecord
import IntakeReports
import Testing

/// The submitter's report built from real forms read by the real pipeline.
@Suite struct SubmitterReportTests {
    @Test func formAndPartnershipComeFromTheMappings() throws {
        let (report, _) = Reports.report("bolton-rpde-form-01.docx")
        #expect(report.formTitle == "Resolving Professional Differences and Escalation (RPDE) Form")
        #expect(report.partnershipName == "Bolton Safeguarding Children Partnership")
        #expect(report.renderText().contains("Form: Resolving Professional Differences and Escalation (RPDE) Form"))

        // Change the titles in a copy of the mappings: the report follows the data.
        let folder = try Reports.editedMappings { name, text in
            name == "bolton-rpde-form.yaml" ? text.replacingOccurrences(of: "short_title: the RPDE form", with: "short_title: the Zebra form")
                .replacingOccurrences(of: "\ntitle: Resolving Professional Differences and Escalation (RPDE) Form", with: "\ntitle: Zebra Escalation Form")
            : name == "bolton.yaml" ? text.replacingOccurrences(of: "name: Bolton Safeguarding Children Partnership", with: "name: Zebra Partnership") : text
        }
        defer { try? FileManager.default.removeItem(at: folder) }
        let configuration = try PipelineConfiguration.load(mappingsDirectory: folder, asOf: Reports.asOf)
        let record = Reports.records("bolton-rpde-form-01.docx", configuration: configuration)[0]
        let renamed = SubmitterReport(record: record, context: ReportContext(mappings: configuration.mappings, calendar: configuration.calendar, asOf: Reports.asOf))
        #expect(renamed.formTitle == "Zebra Escalation Form")
        #expect(renamed.summary.contains("the Zebra form of Zebra Partnership"))
    }

    @Test func everyFormMappingHasItsTitlesAndEveryPolicyItsShortName() {
        for form in Reports.context.mappings.forms {
            #expect(!form.title.isEmpty && form.shortTitle.hasPrefix("the "), "\(form.file)")
            #expect(Reports.context.mappings.policy(for: form.partnership)?.shortName.isEmpty == false, "\(form.file)")
        }
    }

    @Test func lateResponseCitesThePolicyAndTheBankHolidayCounted() throws {
        let (report, record) = Reports.report("bolton-rpde-form-02-late.docx")
        #expect(record.findings.map(\.code) == [.responseOverdue])
        let problem = try #require(report.problems.first)
        #expect(problem.whyItMatters.contains("Bolton: the response is due within 10 working days of 'Date sent to Agency B SPOC and BSCP'"), "\(problem.whyItMatters)")
        #expect(problem.whyItMatters.contains("Bolton Safeguarding Children Partnership's Resolving Differences and Escalation Process"))
        #expect(problem.whyItMatters.contains("11 working days passed, not counting the 31 August 2026 bank holiday"), "\(problem.whyItMatters)")
        #expect(!problem.problem.contains("Chase"), "the sender is not told to chase themselves")
    }

    @Test func missingSignatureNamesTheLabelAndTheParty() throws {
        let (report, record) = Reports.report("bolton-rpde-form-07.docx")
        let finding = try #require(record.findings.first { $0.code == .missingSignature })
        let problem = try #require(report.problems.first { $0.code == .missingSignature })
        let field = try #require(Reports.context.form(of: record)?.field(finding.field ?? ""))
        #expect(problem.label == field.label)
        #expect(problem.party == field.section)
        #expect(report.renderText().contains("'\(field.label)'"))
        #expect(problem.whatToDo.hasPrefix("Sign '\(field.label)'"))
    }

    @Test func stageProblemsCiteTheStagesTheFormIsUsedAt() throws {
        let record = CaseRecord(source: RecordSource(path: "x.docx", sha256: "00", format: "docx"), kind: "monitoring-form",
                                partnership: "south-gloucestershire", mapping: "south-gloucestershire/monitoring-form",
                                findings: [Finding(code: .missingStage, severity: .error, field: "resolution_stage", message: "No stage.")])
        let report = SubmitterReport(record: record, context: Reports.context)
        #expect(report.problems[0].whyItMatters.contains("uses the monitoring form at stages 3 and 4"), "\(report.problems[0].whyItMatters)")
    }

    @Test func acceptedFormListsWhatWasReadAndNoValues() throws {
        let (report, record) = Reports.report("bolton-rpde-form-01.docx")
        #expect(record.status == .accepted)
        #expect(report.accepted.contains { $0.hasPrefix("Child's name") })
        let text = report.renderText() + report.renderHTML() + report.renderJSON()
        for (key, value) in record.fields {
            guard case .text(let words) = value, words.count > 3 else { continue }
            #expect(!text.contains(words), "the report repeats the value of \(key)")
        }
    }

    @Test func rejectedFilesAreExplainedInPlainWords() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("intake-reject-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        try Data("PK\u{3}\u{4}not really a zip".utf8).write(to: folder.appendingPathComponent("cut.docx"))
        try Data().write(to: folder.appendingPathComponent("empty.pdf"))
        let cut = SubmitterReport(record: Reports.records("cut.docx", folder: folder)[0], context: Reports.context)
        let empty = SubmitterReport(record: Reports.records("empty.pdf", folder: folder)[0], context: Reports.context)
        #expect(cut.status == .rejected && empty.status == .rejected)
        #expect(cut.problems[0].problem.contains("damaged or incomplete"), "\(cut.problems[0].problem)")
        #expect(empty.problems[0].problem.contains("empty"), "\(empty.problems[0].problem)")
        for report in [cut, empty] {
            let text = report.renderText()
            #expect(!text.contains("zip.") && !text.contains("file.empty") && !text.contains("end-of-directory"), "\(text)")
            #expect(!text.lowercased().contains("ask the sender"))
            #expect(text.contains("send the form again"))
        }
    }
}
