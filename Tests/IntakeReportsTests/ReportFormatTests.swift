import Foundation
import IntakeRecord
import IntakeReports
import Testing

/// Every format carries every finding's explanation; HTML is well formed and escaped; the
/// reply e-mail parses back with the right headers.
@Suite struct ReportFormatTests {
    /// A Bolton record with one finding of each code, each on a real field of the mapping.
    static let everyCode: CaseRecord = {
        let keys = ["child.name", "responder.signature", "stage", "stage", "dispute.resolved", "date.sent", "raiser.email",
                    "raiser.phone", "date.responded", "date.responded", "date.sent", "partnership_request.reason",
                    "dispute.resolved", nil, nil, nil, "date.responded", "raiser.agency"]
        let findings = FindingCode.allCases.enumerated().map { index, code in
            Finding(code: code, severity: index % 2 == 0 ? .error : .warning, field: keys[index % keys.count],
                    message: code == .unreadableDocument ? "The file could not be read (pdf.damaged): no trailer." : "Finding \(code.rawValue).")
        }
        return CaseRecord(source: RecordSource(path: "/in/form.docx", sha256: String(repeating: "a", count: 64), format: "docx"),
                          kind: "rpde-form", partnership: "bolton", mapping: "bolton/rpde-form", findings: findings)
    }()

    @Test func everyFindingCodeIsExplainedInEveryFormat() throws {
        let report = SubmitterReport(record: Self.everyCode, context: Reports.context)
        #expect(report.problems.count == FindingCode.allCases.count)
        #expect(report.problems.first { $0.code == .invalidEmail }?.party == "Agency A practitioner", "the party comes from the field's section")
        let text = report.renderText()
        #expect(text.contains("'Email' (Agency A practitioner): "), "\(text)")
        let html = ParsedHTML(report.renderHTML()).text
        let json = try JSONSerialization.jsonObject(with: Data(report.renderJSON().utf8)) as! [String: Any]
        let problems = json["problems"] as! [[String: Any]]
        let mail = try #require(ParsedMail(ReplyMail(report: report, record: Self.everyCode).render()))
        for problem in report.problems {
            for sentence in [problem.whyItMatters, problem.whatToDo] {
                #expect(!sentence.isEmpty, "\(problem.code)")
                #expect(text.contains(sentence), "text lacks \(problem.code)")
                #expect(html.contains(sentence), "HTML lacks \(problem.code)")
                #expect(mail.parts["text/plain"]?.contains(sentence) == true, "e-mail text lacks \(problem.code)")
                #expect(ParsedHTML(mail.parts["text/html"] ?? "").text.contains(sentence), "e-mail HTML lacks \(problem.code)")
            }
            #expect(problems.contains { $0["code"] as? String == problem.code.rawValue && $0["why_it_matters"] as? String == problem.whyItMatters
                && $0["what_to_do"] as? String == problem.whatToDo }, "JSON lacks \(problem.code)")
        }
    }

    @Test("HTML parses without errors", arguments: ["bolton-rpde-form-01.docx", "bolton-rpde-form-02-late.docx",
                                                    "bolton-rpde-form-07.docx", "croydon-escalation-notification-05.eml"])
    func htmlParsesWithoutErrors(_ name: String) {
        for record in Reports.records(name) {
            let parsed = ParsedHTML(SubmitterReport(record: record, context: Reports.context).renderHTML())
            #expect(parsed.errors.isEmpty, "\(name): \(parsed.errors)")
            #expect(parsed.elementNames.contains("h1") && !parsed.elementNames.contains("script"))
        }
    }

    @Test func scriptsAndQuotesInEveryTextFieldAreShownNotRun() throws {
        let hostile = "<script>alert(\"x\")</script> 'q' \"q\" </p><img src=x onerror=alert(1)>"
        let folder = try Reports.editedMappings { name, text in
            guard name == "bolton-rpde-form.yaml" || name == "bolton.yaml" else { return text }
            return text.replacingOccurrences(of: "short_title: the RPDE form", with: "short_title: '\(hostile.replacingOccurrences(of: "'", with: "''"))'")
                .replacingOccurrences(of: "\ntitle: Resolving Professional Differences and Escalation (RPDE) Form", with: "\ntitle: '\(hostile.replacingOccurrences(of: "'", with: "''"))'")
                .replacingOccurrences(of: "\nname: Bolton Safeguarding Children Partnership", with: "\nname: '\(hostile.replacingOccurrences(of: "'", with: "''"))'")
        }
        defer { try? FileManager.default.removeItem(at: folder) }
        let configuration = try IntakePipelineLoad.configuration(folder)
        let context = ReportContext(mappings: configuration.mappings, calendar: configuration.calendar, asOf: Reports.asOf)
        var record = Self.everyCode
        record.source = RecordSource(path: "/in/\(hostile).docx", sha256: "b", format: "docx", attachmentOf: "/in/m.eml",
                                     attachmentName: hostile, sender: "a@b.example", subject: hostile)
        record.findings = record.findings.map { var f = $0; f.message = hostile; return f }
        let report = SubmitterReport(record: record, context: context)
        #expect(report.formTitle == hostile && report.partnershipName == hostile)
        for html in [report.renderHTML(), ParsedMail(ReplyMail(report: report, record: record).render())?.parts["text/html"] ?? ""] {
            let parsed = ParsedHTML(html)
            #expect(parsed.errors.isEmpty, "\(parsed.errors)")
            #expect(!html.lowercased().contains("<script") && !html.contains("<img"))
            #expect(!parsed.elementNames.contains("script") && !parsed.elementNames.contains("img"))
            #expect(parsed.text.contains(hostile), "the hostile text is shown as text")
        }
    }

    @Test func replyToAnEmailSubmissionParsesBackWithItsHeaders() throws {
        let records = Reports.records("bolton-rpde-form-13.eml")
        let record = try #require(records.first { $0.kind == "rpde-form" })
        let mail = try #require(ParsedMail(ReplyMail(report: SubmitterReport(record: record, context: Reports.context), record: record).render()))
        #expect(mail.headers["To"]?.contains("d.ainsworth@riverside-primary.example") == true, "\(mail.headers)")
        #expect(mail.headers["Subject"] == "Re: " + (record.source.subject ?? "-"))
        #expect(mail.headers["Subject"]?.hasPrefix("Re: RPDE form – Stage 3 (Formal Resolution)") == true)
        #expect(mail.headers["In-Reply-To"] == "<b1f3d59bfdbc237449b7@mail.agency.example>")
        #expect(mail.headers["References"]?.hasSuffix("<b1f3d59bfdbc237449b7@mail.agency.example>") == true)
        #expect(mail.parts.keys.sorted() == ["text/html", "text/plain"], "a multipart with the text and the HTML part")
        #expect(mail.parts["text/plain"]?.contains("Report for") == true)
        #expect(ParsedHTML(mail.parts["text/html"] ?? "").errors.isEmpty)
        #expect(mail.parts["text/plain"]?.contains("Sent by e-mail") == true, "the report mentions the e-mail")
    }
}
