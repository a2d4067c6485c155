import CPoppler
import Foundation
import IntakeDocument

/// Owns one `PopplerDocument*` opened from memory; unreferences it in `deinit`.
///
/// Not `Sendable`: one document belongs to one read call on one thread.
final class PopplerDocumentHandle {
    /// The raw poppler-glib document, valid for the lifetime of this object.
    let raw: OpaquePointer

    /// Opens `data` with a NULL password (poppler 22.12 crashes on a failing non-NULL password
    /// in `_from_bytes`), mapping poppler's error codes to typed ``IntakeError`` codes.
    init(data: Data) throws {
        guard !data.isEmpty else { throw IntakeError(.pdfDamaged, "The PDF is empty (0 bytes).") }
        _ = Self.globalParamsKeeper
        let bytes = data.withUnsafeBytes { buffer in g_bytes_new(buffer.baseAddress, gsize(buffer.count)) }
        defer { g_bytes_unref(bytes) }
        var error: UnsafeMutablePointer<GError>?
        guard let document = poppler_document_new_from_bytes(bytes, nil, &error) else {
            throw Self.openError(error)
        }
        if let error { g_error_free(error) }
        raw = document
    }

    deinit { intake_g_object_unref(UnsafeMutableRawPointer(raw)) }

    /// A one-page document opened once and never freed. Poppler builds its global parameters
    /// (font tables, encodings) when the first document opens and throws them away when the
    /// last closes, so reading PDFs one after another rebuilt them for each: 5 % of all CPU.
    nonisolated(unsafe) private static let globalParamsKeeper: OpaquePointer? = {
        let bytes = Array(minimalPDF.utf8)
        let data = bytes.withUnsafeBytes { g_bytes_new($0.baseAddress, gsize($0.count)) }
        defer { g_bytes_unref(data) }
        return poppler_document_new_from_bytes(data, nil, nil)
    }()

    /// The smallest well-formed PDF: a catalogue, a page tree and one empty page, with an exact
    /// cross-reference table so poppler has nothing to repair.
    static var minimalPDF: String {
        let objects = ["<</Type/Catalog/Pages 2 0 R>>", "<</Type/Pages/Kids[3 0 R]/Count 1>>",
                       "<</Type/Page/Parent 2 0 R/MediaBox[0 0 1 1]>>"]
        var text = "%PDF-1.4\n", offsets: [Int] = []
        for (index, object) in objects.enumerated() {
            offsets.append(text.utf8.count)
            text += "\(index + 1) 0 obj\n\(object)\nendobj\n"
        }
        let table = text.utf8.count
        text += "xref\n0 \(objects.count + 1)\n0000000000 65535 f \n"
        for offset in offsets { text += String(repeating: "0", count: 10 - String(offset).count) + "\(offset) 00000 n \n" }
        return text + "trailer\n<</Size \(objects.count + 1)/Root 1 0 R>>\nstartxref\n\(table)\n%%EOF\n"
    }

    var pageCount: Int { Int(poppler_document_get_n_pages(raw)) }

    func page(at index: Int) -> PopplerPageHandle? {
        guard let page = poppler_document_get_page(raw, Int32(index)) else { return nil }
        return PopplerPageHandle(raw: page, document: self)
    }

    /// Title, author and dates. Strings come back owned (`g_free`).
    func metadata(pageCount: Int) -> DocumentMetadata {
        func string(_ read: (OpaquePointer) -> UnsafeMutablePointer<gchar>?) -> String? {
            guard let value = read(raw) else { return nil }
            defer { g_free(value) }
            let text = String(cString: value).trimmedWhitespace
            return text.isEmpty ? nil : text
        }
        func date(_ seconds: time_t) -> Date? { seconds > 0 ? Date(timeIntervalSince1970: TimeInterval(seconds)) : nil }
        return DocumentMetadata(
            title: string(poppler_document_get_title), subject: string(poppler_document_get_subject),
            author: string(poppler_document_get_author), creator: string(poppler_document_get_creator),
            producer: string(poppler_document_get_producer),
            created: date(poppler_document_get_creation_date(raw)),
            modified: date(poppler_document_get_modification_date(raw)), pageCount: pageCount)
    }

    /// Copies the domain and code out of a failed open, frees the `GError`, and says what it means.
    /// Poppler's own message text is never copied: it is free text from the library and may
    /// quote the file (a name, a broken token), so only the domain and code are kept.
    private static func openError(_ error: UnsafeMutablePointer<GError>?) -> IntakeError {
        guard let error else { return IntakeError(.pdfDamaged, "The PDF could not be opened.") }
        let domain = error.pointee.domain, code = error.pointee.code
        let isPoppler = domain == intake_poppler_error_quark()
        g_error_free(error)
        if isPoppler && code == Int32(POPPLER_ERROR_ENCRYPTED.rawValue) {
            return IntakeError(.pdfEncrypted, "The PDF is password-protected; ask the sender for an unprotected copy.")
        }
        let source = isPoppler ? "poppler error" : "error"
        return IntakeError(.pdfDamaged, "The PDF is damaged, truncated or not a PDF (\(source) \(code)); ask for a new copy.")
    }
}
