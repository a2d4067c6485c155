/// A reader's error code (`zip.damaged`, `pdf.encrypted`) in words a sender understands, with
/// how to send the file again. The code is read back from the rejected record's message,
/// where the pipeline puts it in brackets: "The file could not be read (zip.damaged): …".
enum PlainReaderError {
    static func code(in message: String) -> String? {
        guard let open = message.firstIndex(of: "("), let close = message[open...].firstIndex(of: ")") else { return nil }
        return String(message[message.index(after: open)..<close])
    }

    static func sentence(for message: String) -> String {
        let code = code(in: message) ?? ""
        let family = code.split(separator: ".").first.map(String.init) ?? ""
        switch (family, code) {
        case (_, "pdf.encrypted"), (_, "docx.encrypted"), (_, "zip.encrypted"):
            return "The file is protected by a password, so it cannot be opened."
        case (_, "pdf.image-only"):
            return "The PDF is a scanned picture of the form, with no text that can be read."
        case (_, "file.empty"):
            return "The file is empty: it holds no form."
        case ("file", _), (_, "docx.too-large"), (_, "pdf.too-many-pages"), (_, "pdf.too-much-text"),
             (_, "zip.compression-ratio"), (_, "zip.part-too-large"), (_, "zip.too-many-entries"), (_, "zip.total-too-large"):
            return "The file is far larger than a form, so it was not opened."
        case ("zip", _), ("docx", _), ("xml", _):
            return "The Word file is damaged or incomplete (perhaps cut short while it was saved or sent), so it cannot be opened."
        case ("pdf", _):
            return "The PDF is damaged or incomplete, so it cannot be opened."
        case ("convert", _), ("format", _):
            return "The file is in an older format that could not be converted here."
        case ("mail", _):
            return "The e-mail could not be read, so its attachments could not be found."
        case ("reader", _):
            return "The file could not be read in the time allowed."
        default:
            return "The file could not be opened as a form."
        }
    }

    static func fix(for message: String) -> String {
        switch code(in: message) ?? "" {
        case "pdf.encrypted", "docx.encrypted", "zip.encrypted":
            "Please remove the password (save an unprotected copy) and send the form again."
        case "pdf.image-only":
            "Please send the form as the Word file you filled in, or a PDF saved from it rather than scanned."
        default:
            "Please open the form on your computer to check that it is whole, save it again as a Word (.docx) or PDF file, and send it again."
        }
    }
}
