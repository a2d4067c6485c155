import Foundation
import IntakeDocument

/// The one entry point for a document file's bytes: sniffs the format from the content and
/// hands the bytes to the reader for it.
///
/// ```swift
/// let document = try DocumentReader().read(Data(contentsOf: url), fileName: url.lastPathComponent)
/// ```
///
/// `.doc`, `.odt` and `.rtf` are converted to DOCX through ``converter`` (LibreOffice) first.
/// E-mails are not documents: ``read(_:fileName:)`` refuses them with `.formatUnknown`, and
/// the pipeline sends them through ``MailReader`` and each attachment back through here.
/// Safe to use from many threads at once.
public struct DocumentReader: Sendable {
    public var limits: ReadLimits
    public var converter: FormatConverter

    public init(limits: ReadLimits = .default, converter: FormatConverter = FormatConverter()) {
        self.limits = limits
        self.converter = converter
    }

    /// Whether documents of this format are converted before they are read.
    public static func needsConversion(_ format: SourceFormat) -> Bool {
        [.wordBinary, .odt, .rtf].contains(format)
    }

    /// - parameter fileName: does not decide the format (the bytes do), and is kept out of
///   error messages because file names can name children.
    /// - throws: `IntakeError`: `.fileEmpty`, `.fileTooLarge` (``ReadLimits/maxFileBytes``),
    ///   `.docxEncrypted`, `.formatLegacyBinary`, `.formatUnknown` (e-mails included), whatever
    ///   the converter throws (`convert.*`), or whatever the DOCX or PDF reader throws.
    public func read(_ data: Data, fileName: String?) throws -> Document {
        guard !data.isEmpty else { throw IntakeError(.fileEmpty, "The file is empty.") }
        guard data.count <= limits.maxFileBytes else {
            throw IntakeError(.fileTooLarge, "The file is \(data.count) bytes; the limit is \(limits.maxFileBytes) bytes (ReadLimits.maxFileBytes).")
        }
        switch FormatSniffer.sniff(data, fileName: fileName) {
        case let format where Self.needsConversion(format):
            return try DocxReader(limits: limits).read(try converter.wordDocument(from: data, format: format))
        case .docx:
            return try DocxReader(limits: limits).read(data)
        case .pdf:
            return try PdfReader(limits: limits).read(data)
        case .encryptedOOXML:
            throw IntakeError(.docxEncrypted, "The Word document is password-protected; ask the sender for an unprotected copy.")
        case .legacyBinary:
            throw IntakeError(.formatLegacyBinary, "The file is a binary Office file other than a Word document (a spreadsheet or slides); ask for the form as .docx or PDF.")
        case .eml, .outlookMessage:
            throw IntakeError(.formatUnknown, "The file is an e-mail, not a document; read it with MailReader and read each attachment.")
        case .empty:
            throw IntakeError(.fileEmpty, "The file is empty.")
        case .unknown, .wordBinary, .odt, .rtf:
            throw IntakeError(.formatUnknown, "The file is neither a .docx nor a PDF (checked by content, not by name).")
        }
    }
}
