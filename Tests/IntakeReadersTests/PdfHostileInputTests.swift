import Foundation
import IntakeDocument
import IntakeReaders
import IntakeTestSupport
import Testing

/// Inputs a sender can get wrong or make hostile: each must give its typed code, never a crash.
@Suite("PDF reader on broken and hostile input")
struct PdfHostileInputTests {
    private func code(reading data: Data, limits: ReadLimits = .default) -> IntakeError.Code? {
        do {
            _ = try PdfReader(limits: limits).read(data)
            return nil
        } catch {
            return (error as? IntakeError)?.code
        }
    }

    @Test("Zero bytes, not a PDF, and the first half of a real one are damaged")
    func damaged() throws {
        #expect(code(reading: Data()) == .pdfDamaged)
        #expect(code(reading: Data(String(repeating: "This is not a PDF. ", count: 50).utf8)) == .pdfDamaged)
        let whole = try PdfTestFiles.shared("filled/bolton-rpde-form-03.pdf")
        #expect(code(reading: whole.prefix(whole.count / 2)) == .pdfDamaged)
        #expect(code(reading: Data("%PDF-1.7\n".utf8)) == .pdfDamaged)
    }

    @Test("A damaged-file message is our own words and poppler's error code, never poppler's text")
    func damagedMessageCarriesNoLibraryText() throws {
        let whole = try PdfTestFiles.shared("filled/bolton-rpde-form-03.pdf")
        for data in [Data(String(repeating: "This is not a PDF. ", count: 50).utf8), whole.prefix(whole.count / 2)] {
            let error = try #require(throws: IntakeError.self) { try PdfReader().read(data) }
            #expect(error.code == .pdfDamaged)
            let pattern = #/The PDF is damaged, truncated or not a PDF \((poppler )?error -?\d+\); ask for a new copy\./#
            #expect(error.message.wholeMatch(of: pattern) != nil, "\(error.message)")
        }
    }

    @Test("A password-protected PDF (encrypted here with qpdf) is reported, not opened")
    func encrypted() throws {
        let locked = try PdfTestFiles.encrypted("plain", userPassword: "user")
        let error = try #require(throws: IntakeError.self) { try PdfReader().read(locked) }
        #expect(error.code == .pdfEncrypted)
        // The unencrypted original reads.
        #expect(try PdfReader().read(PdfTestFiles.fixture("plain")).plainText.contains("Nothing to see here."))
    }

    @Test("Page and size limits are enforced before any page is read")
    func limits() throws {
        var limits = ReadLimits()
        limits.maxPDFPages = 3
        let policy = try PdfTestFiles.shared("filled/bolton-policy.pdf")
        #expect(code(reading: policy, limits: limits) == .pdfTooManyPages)
        limits = ReadLimits()
        limits.maxFileBytes = 1_000
        #expect(code(reading: policy, limits: limits) == .fileTooLarge)
    }

    @Test("Reads on many threads at once give the same document")
    func concurrentReads() async throws {
        let data = try PdfTestFiles.shared("filled/bolton-rpde-form-04.pdf")
        let expected = try PdfReader().read(data)
        let documents = try await withThrowingTaskGroup(of: Document.self) { group in
            for _ in 0..<8 { group.addTask { try PdfReader().read(data) } }
            return try await group.reduce(into: []) { $0.append($1) }
        }
        #expect(documents.count == 8 && documents.allSatisfy { $0 == expected })
    }
}
