import Foundation
import IntakeTestSupport
import Testing

/// `intake report`, `intake followup`, `records list --finding` and `extract --reports` as a
/// user runs them, on the samples and a real SQLite store.
@Suite struct ReportCommandTests {
    static let samples = IntakeRun.packageRoot.appendingPathComponent("samples")

    static func temporaryFolder() throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("intake-report-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        return folder
    }

    @Test func reportAsJSONNamesTheFormAndEachProblem() throws {
        let run = try IntakeRun(["report", Self.samples.appendingPathComponent("bolton-rpde-form-02-late.docx").path,
                                 "--as-of", "2026-11-20", "--format", "json"])
        let report = try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as! [String: Any]
        #expect(report["form"] as? String == "Resolving Professional Differences and Escalation (RPDE) Form")
        let problems = report["problems"] as! [[String: Any]]
        #expect(problems.first?["code"] as? String == "response-overdue")
        #expect(run.status == 0, "an overdue response is a warning: the form is accepted")
    }

    @Test func storedRecordsGiveReportsTheFollowUpListAndTheFindingFilter() throws {
        let folder = try Self.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let store = folder.appendingPathComponent("s.sqlite").path
        let reports = folder.appendingPathComponent("reports")
        let files = ["bolton-rpde-form-01.docx", "bolton-rpde-form-04.pdf", "bolton-rpde-form-08.docx"]
            .map { Self.samples.appendingPathComponent($0).path }
        let extract = try IntakeRun(["extract"] + files + ["--as-of", "2026-11-20", "--store", store, "--quiet",
                                                           "--reports", reports.path, "--report-format", "text"])
        #expect(extract.status == 1, "bolton-rpde-form-08 needs attention: \(extract.stderr)")
        let written = try FileManager.default.contentsOfDirectory(atPath: reports.path).sorted()
        #expect(written.count == 3 && written.allSatisfy { $0.hasSuffix(".txt") && !$0.contains("bolton") }, "\(written)")

        let followup = try IntakeRun(["followup", "--as-of", "2026-11-20", "--format", "csv", "--store", store])
        #expect(followup.status == 0, "\(followup.stderr)")
        let rows = followup.stdout.split(separator: "\r\n").map { $0.split(separator: ",", omittingEmptySubsequences: false) }
        #expect(rows.count == 3, "a header and the two forms still waiting: \(followup.stdout)")
        #expect(rows.dropFirst().map { String($0[1]) } == ["overdue", "due"], "most overdue first")
        #expect(rows[2][2] == "2026-11-26", "10 working days after 12 November 2026")

        let listed = try IntakeRun(["records", "list", "--finding", "response-overdue", "--store", store])
        #expect(listed.status == 0, "\(listed.stderr)")
        #expect(listed.stdout.split(separator: "\n").count == 2, "a header and bolton-rpde-form-04: \(listed.stdout)")

        let id = String(rows[1][0])
        let fromStore = try IntakeRun(["report", "--record", id, "--store", store, "--as-of", "2026-11-20"])
        #expect(fromStore.stdout.contains("Partnership: Bolton Safeguarding Children Partnership"), "\(fromStore.stdout)\(fromStore.stderr)")
        #expect(fromStore.stdout.contains("working days passed"))
    }

    @Test func replyEmlForAnEmailSubmission() throws {
        let run = try IntakeRun(["report", Self.samples.appendingPathComponent("bolton-rpde-form-13.eml").path,
                                 "--as-of", "2026-11-20", "--format", "eml"])
        #expect(run.stdout.contains("In-Reply-To: <b1f3d59bfdbc237449b7@mail.agency.example>"), "\(run.stdout.prefix(600))")
        #expect(run.stdout.contains("To: d.ainsworth@riverside-primary.example"))
    }
}
