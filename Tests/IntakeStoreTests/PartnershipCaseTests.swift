import Foundation
import IntakeRecord
@testable import IntakeStore
import IntakeTestSupport
import Testing

extension IntakeStoreTests {
    /// For every partnership's form: two stages of one dispute, read from real forms by the
    /// binary and stored in a real store, form one case whose timeline holds both in stage
    /// order; an unrelated form of the same partnership does not join it.
    @Suite("Cases for every partnership") struct PartnershipCaseTests {
        /// One partnership's dispute: the files of its two stages, and an unrelated submission.
        struct Scenario: Sendable, CustomTestStringConvertible {
            var mapping: String
            /// File names in samples/ (or e-mails made around them), earlier stage first.
            var stages: [Submission]
            var unrelated: Submission
            var expectedStages: [Int]
            var testDescription: String { mapping }
        }

        /// A sample file, sent as it is or attached to an e-mail in a thread.
        struct Submission: Sendable {
            var file: String
            var mail: Mail?
        }

        struct Mail: Sendable {
            var messageID: String
            var inReplyTo: String?
            var subject: String
            var date: String
        }

        static let scenarios: [Scenario] = [
            // The same child's case reference (EHM-55871) at stage 3, then at stage 4.
            Scenario(mapping: "bolton/rpde-form",
                     stages: [Submission(file: "bolton-rpde-form-04.pdf"), Submission(file: "bolton-rpde-form-06-stage4.docx")],
                     unrelated: Submission(file: "bolton-rpde-form-01.docx"), expectedStages: [3, 4]),
            // No reference on the monitoring form: the same agencies and child, stage 3 then 4.
            Scenario(mapping: "south-gloucestershire/monitoring-form",
                     stages: [Submission(file: "south-glos-monitoring-form-01.docx"), Submission(file: "south-glos-monitoring-form-10.docx")],
                     unrelated: Submission(file: "south-glos-monitoring-form-07.docx"), expectedStages: [3, 4]),
            // The same case reference (WS/26/40418) at stage 3, then at stage 5.
            Scenario(mapping: "west-sussex/escalation-template",
                     stages: [Submission(file: "west-sussex-escalation-template-01.docx"), Submission(file: "west-sussex-escalation-template-04.pdf")],
                     unrelated: Submission(file: "west-sussex-escalation-template-03.docx"), expectedStages: [3, 5]),
            // No child, no responding agency, no date on the form: the stage 5 update is a reply
            // to the stage 3 e-mail. The same agency's notification in another thread stays apart.
            Scenario(mapping: "croydon/escalation-notification",
                     stages: [
                        Submission(file: "croydon-escalation-notification-01-stage3.docx",
                                   mail: Mail(messageID: "stage3.1@trust.example", subject: "Escalation notification – Stage 3",
                                              date: "Mon, 09 Mar 2026 16:10:00 +0000")),
                        Submission(file: "croydon-escalation-notification-04-stage5.pdf",
                                   mail: Mail(messageID: "stage5.2@trust.example", inReplyTo: "stage3.1@trust.example",
                                              subject: "Re: Escalation notification – Stage 5",
                                              date: "Tue, 24 Mar 2026 10:00:00 +0000")),
                     ],
                     unrelated: Submission(file: "croydon-escalation-notification-02-stage4.docx",
                                           mail: Mail(messageID: "other.9@trust.example", subject: "Escalation notification – Stage 4",
                                                      date: "Wed, 18 Mar 2026 09:00:00 +0000")),
                     expectedStages: [3, 5]),
        ]

        @Test("every form mapping has a case scenario here")
        func everyMappingIsCovered() throws {
            let folder = StoreHarness.packageRoot.appendingPathComponent("mappings/forms")
            let files = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".yaml") }
            let mappings = try files.map { name -> String in
                let text = try String(contentsOf: folder.appendingPathComponent(name), encoding: .utf8)
                let line = try #require(text.split(separator: "\n").first { $0.hasPrefix("mapping: ") })
                return String(line.dropFirst("mapping: ".count))
            }
            #expect(Set(mappings) == Set(Self.scenarios.map(\.mapping)))
        }

        @Test("two stages of one dispute form one case with both in its timeline",
              arguments: Backend.allCases, Self.scenarios)
        func stagesFormOneCase(_ backend: Backend, _ scenario: Scenario) async throws {
            let location = try StoreHarness.freshLocation(backend)
            let folder = try StoreHarness.temporaryFolder()
            let paths = try (scenario.stages + [scenario.unrelated]).map { try Self.place($0, in: folder).path }
            let extracted = try await IntakeProcess.run(["extract"] + paths + ["--store", location, "--as-of", "2026-11-20", "--quiet",
                                                                               "--log-level", "debug"])
            #expect(extracted.status == 0 || extracted.status == 1, "\(extracted.stderr)")
            // Thread ids are kept as ids in the record, and never logged, not even at debug level.
            #expect(!extracted.stderr.isEmpty)
            #expect(!extracted.stderr.contains("trust.example"), "a log line names a message id")

            let store = try await StoreHarness.open(location)
            let stored = try await store.records(matching: RecordFilter()).filter { $0.record.mapping == scenario.mapping }
            func record(_ submission: Submission) throws -> StoredRecord {
                try #require(stored.first { ($0.record.source.attachmentName ?? URL(fileURLWithPath: $0.record.source.path).lastPathComponent) == submission.file },
                             "no record of \(submission.file)")
            }
            let stages = try scenario.stages.map(record)
            let unrelated = try record(scenario.unrelated)
            #expect(stages.allSatisfy { $0.status == .accepted }, "\(stages.map(\.record.findings))")
            let caseID = try #require(stages[0].caseID, "the first stage forms no case")
            #expect(stages.map(\.caseID) == Array(repeating: caseID, count: stages.count))
            #expect(unrelated.caseID != caseID)

            let detail = try #require(try await store.caseDetail(id: caseID))
            #expect(detail.timeline.map(\.id) == stages.map(\.id))
            #expect(detail.timeline.map(\.stage) == scenario.expectedStages)
            #expect(detail.summary.recordCount == 2)
            #expect(detail.summary.latestStage == scenario.expectedStages.last)
            #expect(detail.summary.partnership == stages[0].record.partnership)
            // What `intake cases show` prints: both stages, with the mapping's document dates.
            let shown = try await IntakeProcess.run(["cases", "show", String(caseID), "--store", location])
            #expect(shown.status == 0, "\(shown.stderr)")
            let rows = shown.stdout.split(separator: "\n").dropFirst(2)
            #expect(rows.map { String($0.prefix(while: { $0 != " " })) } == scenario.expectedStages.map(String.init))
            for record in stages {
                let date = try #require(record.record.caseFacts?.documentDate)
                #expect(rows.contains { $0.contains(date) && $0.contains(String(record.sha256.prefix(12))) })
            }
            try await StoreHarness.cleanUp(store, location: location)
        }

        /// The sample itself, or an e-mail carrying it (base64, with its thread headers).
        static func place(_ submission: Submission, in folder: URL) throws -> URL {
            let sample = StoreHarness.packageRoot.appendingPathComponent("samples/\(submission.file)")
            guard let mail = submission.mail else { return sample }
            let body = try Data(contentsOf: sample).base64EncodedString(options: [.lineLength76Characters, .endLineWithLineFeed])
            var headers = [
                "From: Notifier <notifier@trust.example>", "To: board@croydon.example",
                "Subject: =?utf-8?b?\(Data(mail.subject.utf8).base64EncodedString())?=",
                "Date: \(mail.date)", "Message-ID: <\(mail.messageID)>",
            ]
            if let parent = mail.inReplyTo { headers += ["In-Reply-To: <\(parent)>", "References: <\(parent)>"] }
            let text = (headers + [
                "MIME-Version: 1.0", "Content-Type: multipart/mixed; boundary=\"b\"", "",
                "--b", "Content-Type: text/plain; charset=utf-8", "", "Please find the notification attached.", "",
                "--b", "Content-Type: application/octet-stream", "Content-Transfer-Encoding: base64",
                "Content-Disposition: attachment; filename=\"\(submission.file)\"", "", body, "--b--", "",
            ]).joined(separator: "\n")
            let url = folder.appendingPathComponent(mail.messageID.prefix(while: { $0 != "@" }) + ".eml")
            try Data(text.utf8).write(to: url)
            return url
        }
    }
}
