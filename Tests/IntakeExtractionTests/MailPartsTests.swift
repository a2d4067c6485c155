import Foundation
import IntakePipeline
import IntakeReaders
import IntakeRecord
import Testing

/// An e-mail put together part by part, as Outlook and other clients send them.
struct TestMail {
    var parts: [String] = []
    var subject = "Escalation – stage 3"
    /// More header lines (Message-ID, In-Reply-To, References).
    var headers: [String] = []

    /// A base64 part; `headers` are its Content-* lines.
    mutating func add(_ data: Data, headers: [String]) {
        let encoded = data.base64EncodedString(options: [.lineLength76Characters, .endLineWithLineFeed])
        parts.append((headers + ["Content-Transfer-Encoding: base64", "", encoded]).joined(separator: "\n"))
    }

    mutating func attach(_ data: Data, name: String, type: String = "application/octet-stream") {
        add(data, headers: ["Content-Type: \(type); name=\"\(name)\"", "Content-Disposition: attachment; filename=\"\(name)\""])
    }

    /// An HTML body in multipart/related with the logo it shows, as Outlook's signatures are.
    mutating func addBodyWithLogo() {
        let logo = Data([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]) + Data(count: 64)
        parts.append("""
            Content-Type: multipart/related; boundary="related"

            --related
            Content-Type: text/html; charset=utf-8

            <html><body><p>Please see attached.</p><img src="cid:image001.png@01DA"></body></html>
            --related
            Content-Type: image/png; name="image001.png"
            Content-Disposition: inline; filename="image001.png"
            Content-ID: <image001.png@01DA>
            Content-Transfer-Encoding: base64

            \(logo.base64EncodedString())
            --related--
            """)
    }

    var data: Data {
        let head = "From: Pat Jones <pat.jones@agency.example>\nTo: unit@partnership.example\nSubject: \(subject)\n"
            + headers.map { $0 + "\n" }.joined()
            + "Date: Fri, 20 Nov 2026 09:30:00 +0000\nMIME-Version: 1.0\nContent-Type: multipart/mixed; boundary=\"mixed\"\n\n"
        return Data((head + parts.map { "--mixed\n" + $0 + "\n" }.joined() + "--mixed--\n").utf8)
    }
}

@Suite struct MailPartsTests {
    let form = try! Data(contentsOf: LegacyFixtures.original)

    @Test func logosSignaturesAndContactCardsAreNotRecordsButAttachedPhotosAreUnknown() throws {
        var mail = TestMail()
        mail.addBodyWithLogo()
        mail.attach(form, name: "RPDE form.docx", type: "application/vnd.openxmlformats-officedocument.wordprocessingml.document")
        // A photo someone attached, and a spreadsheet: files, but not forms.
        mail.attach(Data([0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x10]) + Data("JFIF".utf8) + Data(count: 200), name: "IMG_2041.jpg", type: "image/jpeg")
        mail.attach(Data("child,stage\nA,3\n".utf8), name: "figures.csv", type: "text/csv")
        mail.attach(Data("BEGIN:VCARD\nVERSION:3.0\nFN:Pat Jones\nEND:VCARD\n".utf8), name: "Pat Jones.vcf", type: "text/vcard")
        mail.add(Data(repeating: 0x30, count: 300), headers: [
            "Content-Type: application/pkcs7-signature; name=\"smime.p7s\"", "Content-Disposition: attachment; filename=\"smime.p7s\""])
        let records = Corpus.pipeline.process(data: mail.data, displayPath: "inbox/message.eml", logger: Corpus.quietLogger)
        #expect(records.map(\.source.attachmentName) == ["RPDE form.docx", "IMG_2041.jpg", "figures.csv"])
        let truth = try #require(try Corpus.truth(for: LegacyFixtures.original).first)
        #expect(try TruthComparison.differences(record: records[0], truth: truth).isEmpty)
        for record in records.dropFirst() {
            #expect(record.status == .rejected)
            #expect(record.findings.map(\.code) == [.unknownDocument], "a file that is not a form is unknown, not unreadable")
            #expect(record.source.attachmentOf == "inbox/message.eml")
        }
        #expect(records[1].source.format == "jpg")
    }

    @Test func anEmailWithNoFormGivesOneRecordSayingSo() throws {
        var mail = TestMail()
        mail.addBodyWithLogo()
        mail.attach(Data("BEGIN:VCARD\nVERSION:3.0\nFN:Pat Jones\nEND:VCARD\n".utf8), name: "Pat Jones.vcf", type: "text/x-vcard")
        let records = Corpus.pipeline.process(data: mail.data, displayPath: "inbox/note.eml", logger: Corpus.quietLogger)
        let record = try #require(records.first)
        #expect(records.count == 1)
        #expect(record.status == .rejected)
        #expect(record.source.attachmentOf == nil)
        #expect(record.source.format == "eml")
        #expect(record.source.sender == "pat.jones@agency.example")
        #expect(record.findings.map(\.code) == [.unknownDocument])
        #expect(record.findings.first?.message.contains("carries no form") == true)
    }

    @Test func winmailDatGivesTheRecordsOfTheFilesInside() throws {
        var mail = TestMail()
        mail.attach(try Data(contentsOf: LegacyFixtures.url("winmail.dat")), name: "winmail.dat", type: "application/ms-tnef")
        let records = Corpus.pipeline.process(data: mail.data, displayPath: "inbox/outlook.eml", logger: Corpus.quietLogger)
        let record = try #require(records.first)
        #expect(records.count == 1)
        #expect(record.source.attachmentName == "bolton-rpde-form-01.docx")
        #expect(record.source.sha256 == (try Pipeline.sha256(fileAt: LegacyFixtures.original)))
        let truth = try #require(try Corpus.truth(for: LegacyFixtures.original).first)
        #expect(try TruthComparison.differences(record: record, truth: truth).isEmpty)
    }

    @Test func anOutlookMessageGivesTheRecordsOfTheSameEmail() throws {
        let file = LegacyFixtures.url("escalation.msg")
        let fromMsg = Corpus.pipeline.process(fileAt: file, displayPath: "inbox/escalation.msg", logger: Corpus.quietLogger)
        // The .msg was made by tools/make_msg.pl with this subject, sender, date and attachment.
        var mail = TestMail()
        mail.subject = "Stage 3 escalation"
        mail.attach(form, name: "bolton-rpde-form-01.docx")
        let fromEml = Corpus.pipeline.process(data: mail.data, displayPath: "inbox/escalation.msg", logger: Corpus.quietLogger)
        #expect(fromMsg.count == 1)
        #expect(fromMsg.map(\.fields) == fromEml.map(\.fields))
        #expect(fromMsg.map(\.findings) == fromEml.map(\.findings))
        let source = try #require(fromMsg.first?.source)
        #expect(source.attachmentOf == "inbox/escalation.msg")
        #expect(source.attachmentName == "bolton-rpde-form-01.docx")
        #expect(source.sha256 == fromEml.first?.source.sha256)
        #expect(source.sender == "pat.jones@agency.example")
        #expect(source.subject == "Stage 3 escalation")
        #expect(source.receivedAt == "2026-11-20T09:30:00Z")
    }

    @Test func withoutMsgconvertTheRecordNamesTheFix() throws {
        let pipeline = try LegacyFixtures.pipeline(FormatConverter(environment: ["PATH": "/nonexistent"]))
        let file = LegacyFixtures.url("escalation.msg")
        let records = pipeline.process(fileAt: file, displayPath: "inbox/escalation.msg", logger: Corpus.quietLogger)
        #expect(records.count == 1)
        #expect(records.first?.source.format == "msg")
        #expect(records.first?.status == .rejected)
        #expect(records.first?.findings.first?.message.contains("libemail-outlook-message-perl") == true)
    }
}
