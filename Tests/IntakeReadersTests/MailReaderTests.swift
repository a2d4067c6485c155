import Foundation
import IntakeDocument
@testable import IntakeReaders
import IntakeTestSupport
import Testing

/// A fixture from Tests/IntakeReadersTests/Fixtures/mail.
private func mailFixture(_ name: String) throws -> Data {
    let url = try #require(Bundle.module.url(forResource: name, withExtension: nil, subdirectory: "Fixtures/mail"))
    return try Data(contentsOf: url)
}

/// /work/shared/forms/filled (CI: ../shared beside the package root).
private func filledForm(_ name: String) throws -> Data {
    try Data(contentsOf: TestPaths.filled.appendingPathComponent(name))
}

private func expectError(_ code: IntakeError.Code, _ body: () throws -> Void) {
    do {
        try body()
        Issue.record("expected \(code), nothing was thrown")
    } catch let error as IntakeError {
        #expect(error.code == code)
    } catch {
        Issue.record("expected \(code), got \(error)")
    }
}

@Suite struct MailReaderTests {
    @Test func croydonNotificationHasBothAttachmentsInOrder() throws {
        let mail = try MailReader().read(filledForm("croydon-escalation-notification-03.eml"))
        #expect(mail.sender == "nadia.ashworth@council.agency.example")
        #expect(mail.subject == "Escalation notification – Stage 3")
        #expect(mail.date == Date(timeIntervalSince1970: 1_773_072_600))  // 2026-03-09T16:10:00Z
        #expect(mail.bodyText.hasPrefix("Dear colleagues,\n\nPlease find attached the form"))
        #expect(mail.bodyText.contains("discussed. Let me know"))  // soft line break joined
        #expect(mail.attachments.map(\.filename) == ["Escalation notification.docx", "Covering letter.pdf"])
        #expect(mail.attachments.map(\.index) == [0, 1])
        #expect(mail.attachments.allSatisfy { !$0.viaNestedMessage })
        #expect(mail.attachments[0].contentType == "application/vnd.openxmlformats-officedocument.wordprocessingml.document")
        #expect(mail.attachments[0].data.starts(with: [0x50, 0x4B, 0x03, 0x04]))
        #expect(mail.attachments[1].contentType == "application/pdf")
        #expect(mail.attachments[1].data.starts(with: Array("%PDF-".utf8)))
    }

    @Test func threadHeadersAreReadAsBareMessageIDs() throws {
        let corpus = try MailReader().read(filledForm("croydon-escalation-notification-03.eml"))
        #expect(corpus.thread == MailThread(messageID: "179533655076.32598.11973190458519200474.corpus1@agency.example"))
        // A reply: In-Reply-To names the parent; References the chain, folded over lines and with a comment.
        let reply = try MailReader().read(Data("""
            From: a@example.org
            Subject: Re: Escalation notification - Stage 4
            Message-ID: <stage4.2@agency.example>
            In-Reply-To: <stage3.1@agency.example>
            References: <root.0@agency.example> (the first)
             <stage3.1@agency.example>

            body

            """.utf8))
        #expect(reply.thread.messageID == "stage4.2@agency.example")
        #expect(reply.thread.inReplyTo == ["stage3.1@agency.example"])
        #expect(reply.thread.references == ["root.0@agency.example", "stage3.1@agency.example"])
        let bare = try MailReader().read(Data("From: a@example.org\nSubject: s\n\nbody\n".utf8))
        #expect(bare.thread == MailThread())
    }

    @Test func quotedPrintableAttachmentIsDecoded() throws {
        let mail = try MailReader().read(mailFixture("quoted-printable-attachment.eml"))
        #expect(mail.sender == "referrals@example.org")
        #expect(mail.subject == "Plain ASCII subject")
        #expect(mail.date == Date(timeIntervalSince1970: 1_773_130_530))  // 08:15:30Z
        #expect(mail.bodyText == "Body of the message.")
        let attachment = try #require(mail.attachments.first)
        #expect(mail.attachments.count == 1)
        #expect(attachment.filename == "summary.csv")
        #expect(attachment.contentType == "text/csv")
        let expected = "stage,agency,note\n3,Front Door – CSC,\"a=b with a long line that is wrapped by a soft line break\""
        // The line end before a boundary belongs to the boundary (RFC 2046 §5.1.1).
        #expect(String(decoding: attachment.data, as: UTF8.self) == expected)
    }

    @Test func rfc2231ContinuedFileNameIsJoinedAndDecoded() throws {
        let mail = try MailReader().read(mailFixture("rfc2231-filename.eml"))
        let attachment = try #require(mail.attachments.first)
        #expect(attachment.filename == "Escalation form – Stage 2.docx")
        #expect(attachment.data == Data([0x50, 0x4B, 0x03, 0x04] + (0..<3).flatMap { _ in (0...255).map(UInt8.init) }))
    }

    @Test func rfc2047EncodedFileNameAndSubjectAreDecoded() throws {
        let mail = try MailReader().read(mailFixture("rfc2047-filename.eml"))
        #expect(mail.sender == "renee.dupont@example.org")
        #expect(mail.subject == "Réunion notes and more")
        let attachment = try #require(mail.attachments.first)
        #expect(attachment.filename == "Réunion notes.pdf")
        #expect(attachment.data == Data("%PDF-1.7\n% fake body for the test\n%%EOF\n".utf8))
    }

    @Test func attachmentsInsideForwardedMessagesAreFound() throws {
        let mail = try MailReader().read(mailFixture("nested-forward.eml"))
        #expect(mail.sender == "forwarder@example.org")
        #expect(mail.bodyText == "Forwarding the original below.")
        #expect(mail.attachments.map(\.filename) == ["inner form.pdf", "outer.bin"])
        #expect(mail.attachments.map(\.viaNestedMessage) == [true, false])
        #expect(mail.attachments.map(\.index) == [0, 1])
        #expect(mail.attachments[0].data == Data("%PDF-1.4\ninner attachment\n%%EOF\n".utf8))
        #expect(mail.attachments[1].data == Data("outer file bytes".utf8))
    }

    @Test func messageWithoutAttachmentsGivesItsBody() throws {
        let mail = try MailReader().read(mailFixture("no-attachments.eml"))
        #expect(mail.attachments.isEmpty)
        #expect(mail.subject == "Just a note")
        #expect(mail.bodyText == "First line of the note.\nSecond line – with a dash.")
    }

    @Test func htmlOnlyBodyIsStrippedAndTheLogoItShowsIsNoAttachment() throws {
        let mail = try MailReader().read(mailFixture("html-only.eml"))
        #expect(mail.date == nil)
        #expect(mail.bodyText == "Hello team,\n\nStage 3 & more\nnext line")  // paragraphs apart, <br> a line
        // The PNG is a multipart/related resource of the HTML (Content-ID), not a submission.
        #expect(mail.attachments.isEmpty)
    }

    @Test func senderFallsBackToSenderHeaderAndLooksInsideGroups() throws {
        let viaSender = try MailReader().read(Data("Sender: Desk <Desk@Example.ORG>\nSubject: s\n\nbody\n".utf8))
        #expect(viaSender.sender == "desk@example.org")
        #expect(viaSender.bodyText == "body")
        let viaGroup = try MailReader().read(Data("From: Front Door: Team.Lead@Example.org, b@example.org;\nSubject: s\n\nbody\n".utf8))
        #expect(viaGroup.sender == "team.lead@example.org")
        let nobody = try MailReader().read(Data("Subject: \nDate: Mon, 09 Mar 2026 16:10:00 +0000\n\nbody\n".utf8))
        #expect(nobody.sender == nil)
        #expect(nobody.subject == nil)
    }

    @Test func signaturePartsAreNotAttachments() throws {
        let text = """
        From: a@example.org
        MIME-Version: 1.0
        Content-Type: multipart/signed; protocol="application/pgp-signature"; boundary="s"

        --s
        Content-Type: text/plain

        Signed body.
        --s
        Content-Type: application/pgp-signature; name="signature.asc"
        Content-Disposition: attachment; filename="signature.asc"

        -----BEGIN PGP SIGNATURE-----
        -----END PGP SIGNATURE-----
        --s--

        """
        let mail = try MailReader().read(Data(text.utf8))
        #expect(mail.bodyText == "Signed body.")
        #expect(mail.attachments.isEmpty)
    }

    @Test func garbageBytesAreMalformed() throws {
        let data = try mailFixture("garbage.bin")
        expectError(.mailMalformed) { _ = try MailReader().read(data) }
    }

    @Test func emptyAndOversizedFilesAreRefused() {
        expectError(.fileEmpty) { _ = try MailReader().read(Data()) }
        var limits = ReadLimits()
        limits.maxFileBytes = 10
        expectError(.fileTooLarge) { _ = try MailReader(limits: limits).read(Data("Subject: a long enough message\n\nbody\n".utf8)) }
    }

    @Test func tooManyPartsAreRefused() throws {
        var limits = ReadLimits()
        limits.maxMailParts = 5
        // Six leaf parts plus the multipart: over the limit both by declaration and by walk.
        var text = "From: a@example.org\nMIME-Version: 1.0\nContent-Type: multipart/mixed; boundary=\"x\"\n\n"
        for index in 0..<6 { text += "--x\nContent-Type: application/octet-stream\n\npart \(index)\n" }
        text += "--x--\n"
        expectError(.mailTooManyParts) { _ = try MailReader(limits: limits).read(Data(text.utf8)) }
        // Parts without their own Content-Type header are still counted while walking.
        var bare = "From: a@example.org\nMIME-Version: 1.0\nContent-Type: multipart/mixed; boundary=\"x\"\n\n"
        for index in 0..<6 { bare += "--x\nContent-Disposition: attachment; filename=\"p\(index).txt\"\n\npart \(index)\n" }
        bare += "--x--\n"
        expectError(.mailTooManyParts) { _ = try MailReader(limits: limits).read(Data(bare.utf8)) }
        limits.maxMailParts = 7
        #expect(try MailReader(limits: limits).read(Data(bare.utf8)).attachments.count == 6)
    }

    @Test func readsConcurrently() async throws {
        let data = try filledForm("croydon-escalation-notification-03.eml")
        let counts = try await withThrowingTaskGroup(of: Int.self) { group in
            for _ in 0..<8 { group.addTask { try MailReader().read(data).attachments.count } }
            return try await group.reduce(into: []) { $0.append($1) }
        }
        #expect(counts == Array(repeating: 2, count: 8))
    }
}
