import Foundation
import IntakeDocument
@testable import IntakeReaders
import IntakeTestSupport
import Testing

/// /work/shared/forms (CI: ../shared beside the package root).
private func sharedForm(_ relativePath: String) throws -> Data {
    try Data(contentsOf: TestPaths.shared.appendingPathComponent("forms/\(relativePath)"))
}

/// The first 512-byte sector of an OLE compound file, then a directory sector naming `entry`
/// in UTF-16LE, as Office writes them.
func oleCompoundFile(directoryEntry entry: String) -> Data {
    var header = Data([0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1])
    header.append(Data(count: 512 - header.count))
    var directory = Data(entry.utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] })
    directory.append(Data(count: 128 - directory.count))
    return header + directory + Data(count: 384)
}

@Suite struct SnifferTests {
    @Test func sharedFormsAreSniffedByContent() throws {
        #expect(FormatSniffer.sniff(try sharedForm("blank/croydon-escalation-notification.docx"), fileName: nil) == .docx)
        #expect(FormatSniffer.sniff(try sharedForm("blank/croydon-escalation-notification.pdf"), fileName: nil) == .pdf)
        #expect(FormatSniffer.sniff(try sharedForm("filled/croydon-escalation-notification-03.eml"), fileName: nil) == .eml)
        // The name does not decide: a PDF called .docx is a PDF.
        #expect(FormatSniffer.sniff(try sharedForm("filled/west-sussex-escalation-template-02.pdf"), fileName: "form.docx") == .pdf)
    }

    @Test func emptyFileIsEmpty() {
        #expect(FormatSniffer.sniff(Data(), fileName: "form.docx") == .empty)
    }

    @Test func pdfSignatureCountsOnlyInTheFirstKilobyte() {
        let late = Data(repeating: 0x20, count: 1100) + Data("%PDF-1.7\n".utf8)
        let early = Data(repeating: 0x20, count: 100) + Data("%PDF-1.7\n".utf8)
        #expect(FormatSniffer.sniff(early, fileName: nil) == .pdf)
        #expect(FormatSniffer.sniff(late, fileName: nil) == .unknown)
    }

    @Test func oleFilesAreLegacyOrEncrypted() {
        #expect(FormatSniffer.sniff(oleCompoundFile(directoryEntry: "EncryptedPackage"), fileName: "form.docx") == .encryptedOOXML)
        #expect(FormatSniffer.sniff(oleCompoundFile(directoryEntry: "WordDocument"), fileName: "form.docx") == .wordBinary)
        #expect(FormatSniffer.sniff(oleCompoundFile(directoryEntry: "__substg1.0_0037001F"), fileName: "form.doc") == .outlookMessage)
        #expect(FormatSniffer.sniff(oleCompoundFile(directoryEntry: "Workbook"), fileName: "form.doc") == .legacyBinary)
        // The ASCII name is not a directory entry.
        let asciiOnly = oleCompoundFile(directoryEntry: "WordDocument") + Data("EncryptedPackage".utf8)
        #expect(FormatSniffer.sniff(asciiOnly, fileName: nil) == .wordBinary)
    }

    @Test func zipIsLeftToTheDocxReader() {
        #expect(FormatSniffer.sniff(Data([0x50, 0x4B, 0x03, 0x04, 0, 0]), fileName: "x.pdf") == .docx)
        #expect(FormatSniffer.sniff(Data([0x50, 0x4B, 0x05, 0x06, 0, 0]), fileName: nil) == .unknown)
    }

    /// A ZIP whose first entry is ODF's uncompressed `mimetype`, then the next local header.
    private func openDocument(_ mimetype: String) -> Data {
        Data([0x50, 0x4B, 0x03, 0x04]) + Data(count: 26) + Data(("mimetype" + mimetype).utf8) + Data([0x50, 0x4B, 0x03, 0x04])
    }

    @Test func openDocumentTextAndRTFAreToldFromDocx() {
        #expect(FormatSniffer.sniff(openDocument("application/vnd.oasis.opendocument.text"), fileName: "form.docx") == .odt)
        #expect(FormatSniffer.sniff(openDocument("application/vnd.oasis.opendocument.text-template"), fileName: nil) == .odt)
        // Other OpenDocument files hold no form: not DOCX, not text.
        #expect(FormatSniffer.sniff(openDocument("application/vnd.oasis.opendocument.spreadsheet"), fileName: "form.odt") == .unknown)
        #expect(FormatSniffer.sniff(openDocument("application/vnd.oasis.opendocument.text-master"), fileName: nil) == .unknown)
        #expect(FormatSniffer.sniff(Data("{\\rtf1\\ansi hello}".utf8), fileName: "form.docx") == .rtf)
        #expect(FormatSniffer.sniff(Data(" {\\rtf1}".utf8), fileName: "form.rtf") == .unknown)
    }

    @Test func mailHeadersAreRecognised() {
        func sniff(_ text: String) -> SourceFormat { FormatSniffer.sniff(Data(text.utf8), fileName: nil) }
        #expect(sniff("Subject: hello\r\n\r\nbody") == .eml)
        #expect(sniff("Received: from x\n\tby y\nX-Spam: no\nMIME-Version: 1.0\n\nbody") == .eml)
        #expect(sniff("From someone@example.org Mon Mar  9 16:10:00 2026\nFrom: a@example.org\n\nbody") == .eml)
        #expect(sniff("\u{FEFF}Date: Mon, 09 Mar 2026 16:10:00 +0000\n") == .eml)
        // Header-shaped lines without a header every e-mail has.
        #expect(sniff("Name: Alice\nRole: Manager\n\nnotes") == .unknown)
        // Prose that happens to start like a header.
        #expect(sniff("Subject: hello\nthis line is not a header\n") == .unknown)
        #expect(sniff("Dear colleagues,\nplease see below.") == .unknown)
        #expect(sniff(" Subject: folded first line\n") == .unknown)
    }

    @Test func garbageIsUnknown() {
        let bytes = (0..<4096).map { UInt8(truncatingIfNeeded: $0 &* 2_654_435_761 >> 7) }
        #expect(FormatSniffer.sniff(Data(bytes), fileName: "x.eml") == .unknown)
    }
}

@Suite struct SnifferDispatchTests {
    private func code(_ data: Data, limits: ReadLimits = .default) -> IntakeError.Code? {
        do {
            _ = try DocumentReader(limits: limits).read(data, fileName: "attachment.docx")
            return nil
        } catch let error as IntakeError {
            return error.code
        } catch {
            return IntakeError.Code(rawValue: "unexpected")
        }
    }

    @Test func refusalsCarryTheirCodes() throws {
        #expect(code(Data()) == .fileEmpty)
        #expect(code(oleCompoundFile(directoryEntry: "EncryptedPackage")) == .docxEncrypted)
        #expect(code(oleCompoundFile(directoryEntry: "Workbook")) == .formatLegacyBinary)
        #expect(code(Data("just some text".utf8)) == .formatUnknown)
        #expect(code(try sharedForm("filled/croydon-escalation-notification-03.eml")) == .formatUnknown)
    }

    @Test func documentsGoToTheirReaderWhateverTheirName() throws {
        let docx = try DocumentReader().read(try sharedForm("blank/croydon-escalation-notification.docx"), fileName: "form.pdf")
        #expect(docx.format == .docx)
        #expect(!docx.body.isEmpty)
        let pdf = try DocumentReader().read(try sharedForm("blank/croydon-escalation-notification.pdf"), fileName: "form.docx")
        #expect(pdf.format == .pdf)
        #expect(!pdf.body.isEmpty)
    }

    @Test func mailAttachmentsReadAsDocuments() throws {
        let mail = try MailReader().read(try sharedForm("filled/croydon-escalation-notification-03.eml"))
        let formats = try mail.attachments.map { try DocumentReader().read($0.data, fileName: $0.filename).format }
        #expect(formats == [.docx, .pdf])
    }

    @Test func sizeLimitComesBeforeSniffing() {
        var limits = ReadLimits()
        limits.maxFileBytes = 100
        #expect(code(Data(repeating: 0x41, count: 101), limits: limits) == .fileTooLarge)
        #expect(code(Data(repeating: 0x41, count: 100), limits: limits) == .formatUnknown)
    }
}
