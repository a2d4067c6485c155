import Foundation

/// The kind of file a document's bytes hold, decided from the content.
public enum SourceFormat: String, Sendable {
    case docx, pdf, eml
    /// Word 97–2003 (an OLE compound file with a `WordDocument` stream), read through LibreOffice.
    case wordBinary = "doc"
    /// An OpenDocument text (a ZIP whose `mimetype` says so), read through LibreOffice.
    case odt
    /// Rich Text Format (`{\rtf`), read through LibreOffice.
    case rtf
    /// An Outlook message (an OLE compound file with `__substg1.0_` streams), read through msgconvert.
    case outlookMessage = "msg"
    /// Another OLE compound file (Excel or PowerPoint 97–2003 and kin).
    case legacyBinary = "legacy-binary"
    /// An OOXML package encrypted with a password (an OLE compound file holding `EncryptedPackage`).
    case encryptedOOXML = "encrypted-ooxml"
    case unknown, empty
}

/// Decides a file's format from its bytes, never from its name: e-mail attachments are often
/// misnamed, and a renamed `.doc` must not reach the DOCX reader.
///
/// Checks, in order: empty; a ZIP local file header at offset 0 (`PK\u{3}\u{4}`: an
/// OpenDocument text when its first entry is a `mimetype` saying so, else DOCX, `.docm` and
/// `.dotx` included, the reader deciding whether the package really is one); the OLE compound
/// file signature at offset 0 (an encrypted OOXML package, an Outlook message, a Word document,
/// or another binary Office file, told by the stream names it holds); `{\rtf` at offset 0; `%PDF-` within the first 1024 bytes (where PDF readers accept it); RFC 822
/// headers. Signatures fixed at offset 0 go first so that a ZIP storing a PDF uncompressed
/// near its start is still a ZIP.
public enum FormatSniffer {
    static let zipSignature: [UInt8] = [0x50, 0x4B, 0x03, 0x04]
    static let oleSignature: [UInt8] = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]
    /// The directory entry name of an encrypted OOXML package (MS-OFFCRYPTO), in UTF-16LE.
    static let encryptedPackageName: [UInt8] = utf16LE("EncryptedPackage")
    static let outlookStreamPrefix: [UInt8] = utf16LE("__substg1.0_")
    static let wordStreamName: [UInt8] = utf16LE("WordDocument")
    /// ODF puts an uncompressed `mimetype` entry first (OpenDocument 1.2 Part 3, 3.3), so its
    /// name and content sit in the first local header at offset 30.
    static let openDocumentMimetype: [UInt8] = Array("mimetypeapplication/vnd.oasis.opendocument.".utf8)
    static let openDocumentTextKinds: [[UInt8]] = ["text", "text-template"].map { Array($0.utf8) }
    static let rtfSignature: [UInt8] = Array("{\\rtf".utf8)
    static let pdfSignature: [UInt8] = Array("%PDF-".utf8)
    static let pdfSearchWindow = 1024

    /// - parameter fileName: accepted so callers pass what they know; it never decides the format.
    public static func sniff(_ data: Data, fileName: String?) -> SourceFormat {
        if data.isEmpty { return .empty }
        if data.starts(with: zipSignature) { return openDocument(data) ?? .docx }
        if data.starts(with: oleSignature) {
            // An Outlook message first: the files it carries may hold any other stream name.
            if contains(outlookStreamPrefix, in: data) { return .outlookMessage }
            if contains(encryptedPackageName, in: data) { return .encryptedOOXML }
            return contains(wordStreamName, in: data) ? .wordBinary : .legacyBinary
        }
        if data.starts(with: rtfSignature) { return .rtf }
        if contains(pdfSignature, in: data.prefix(pdfSearchWindow)) { return .pdf }
        if MailHeaderSniffer.looksLikeMessage(data) { return .eml }
        return .unknown
    }

    /// `.odt` for an OpenDocument text, `.unknown` for another OpenDocument (a spreadsheet),
    /// nil when the ZIP is not OpenDocument.
    static func openDocument(_ data: Data) -> SourceFormat? {
        let start = data.startIndex + 30
        guard data.count > 30 + openDocumentMimetype.count,
              data[start..<start + openDocumentMimetype.count].elementsEqual(openDocumentMimetype) else { return nil }
        let kind = data[(start + openDocumentMimetype.count)...].prefix(64)
        return openDocumentTextKinds.contains { kind.starts(with: $0) && kind.dropFirst($0.count).first.map { $0 == 0x50 } ?? true }
            ? .odt : .unknown  // 0x50: "P", the next local header right after the content
    }

    static func utf16LE(_ text: String) -> [UInt8] {
        Array(text.utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] })
    }

    /// Whether `needle` occurs in `data`: memchr finds each candidate first byte, so a 64 MB
    /// file is scanned in milliseconds.
    static func contains(_ needle: [UInt8], in data: Data) -> Bool {
        guard let first = needle.first else { return true }
        return data.withUnsafeBytes { (haystack: UnsafeRawBufferPointer) -> Bool in
            guard let base = haystack.baseAddress, haystack.count >= needle.count else { return false }
            var offset = 0
            let lastStart = haystack.count - needle.count
            while offset <= lastStart {
                guard let hit = memchr(base + offset, Int32(first), lastStart - offset + 1) else { return false }
                let start = base.distance(to: UnsafeRawPointer(hit))
                if memcmp(base + start, needle, needle.count) == 0 { return true }
                offset = start + 1
            }
            return false
        }
    }
}

/// Recognises the start of an RFC 822 message: header lines ("Name: value", folded lines
/// allowed) from the first line up to a blank line or the end of the window, one of them a
/// header every e-mail carries.
enum MailHeaderSniffer {
    static let window = 16 << 10
    static let telltaleNames: Set<String> = ["from", "subject", "mime-version", "received", "date"]

    static func looksLikeMessage(_ data: Data) -> Bool {
        var bytes = data.prefix(window)
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes = bytes.dropFirst(3) }  // UTF-8 BOM
        var lines = bytes.split(separator: 0x0A, omittingEmptySubsequences: false)
        // A cut-off last line in a full window may be half a header: ignore it.
        if data.count > window, lines.count > 1 { lines.removeLast() }
        var sawTelltale = false
        var headerCount = 0
        for (number, rawLine) in lines.enumerated() {
            let line = rawLine.last == 0x0D ? rawLine.dropLast() : rawLine[...]
            if line.isEmpty { break }  // end of the header block
            if line.first == 0x20 || line.first == 0x09 {
                if number == 0 { return false }  // a continuation needs a header before it
                continue
            }
            // mbox files put an envelope "From sender date" line first.
            if number == 0, line.starts(with: Array("From ".utf8)) { continue }
            guard let name = headerName(line) else { return false }
            headerCount += 1
            if telltaleNames.contains(name) { sawTelltale = true }
        }
        return headerCount > 0 && sawTelltale
    }

    /// The lowercased field name of a "Name: value" line, or nil when the line is not a header.
    /// RFC 5322: printable ASCII other than the colon; obsolete syntax allows spaces before it.
    static func headerName(_ line: Data.SubSequence) -> String? {
        guard let colon = line.firstIndex(of: UInt8(ascii: ":")) else { return nil }
        var name = line[line.startIndex..<colon]
        while name.last == 0x20 || name.last == 0x09 { name = name.dropLast() }
        guard !name.isEmpty, name.allSatisfy({ (33...126).contains($0) }) else { return nil }
        return String(decoding: name, as: UTF8.self).lowercased()
    }
}
