import Foundation

/// The kind of file a document's bytes hold, decided from the content.
public enum SourceFormat: String, Sendable {
    case docx, pdf, eml
    /// An OLE compound file that is not an encrypted OOXML package: Word 97–2003 `.doc` and kin.
    case legacyBinary = "legacy-binary"
    /// An OOXML package encrypted with a password (an OLE compound file holding `EncryptedPackage`).
    case encryptedOOXML = "encrypted-ooxml"
    case unknown, empty
}

/// Decides a file's format from its bytes, never from its name: e-mail attachments are often
/// misnamed, and a renamed `.doc` must not reach the DOCX reader.
///
/// Checks, in order: empty; a ZIP local file header at offset 0 (`PK\u{3}\u{4}`, DOCX: the
/// reader decides whether the package really is one); the OLE compound file signature at
/// offset 0; `%PDF-` within the first 1024 bytes (where PDF readers accept it); RFC 822
/// headers. Signatures fixed at offset 0 go first so that a ZIP storing a PDF uncompressed
/// near its start is still a ZIP.
public enum FormatSniffer {
    static let zipSignature: [UInt8] = [0x50, 0x4B, 0x03, 0x04]
    static let oleSignature: [UInt8] = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]
    /// The directory entry name of an encrypted OOXML package (MS-OFFCRYPTO), in UTF-16LE.
    static let encryptedPackageName: [UInt8] = Array("EncryptedPackage".utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] })
    static let pdfSignature: [UInt8] = Array("%PDF-".utf8)
    static let pdfSearchWindow = 1024

    /// - parameter fileName: accepted so callers pass what they know; it never decides the format.
    public static func sniff(_ data: Data, fileName: String?) -> SourceFormat {
        if data.isEmpty { return .empty }
        if data.starts(with: zipSignature) { return .docx }
        if data.starts(with: oleSignature) {
            return contains(encryptedPackageName, in: data) ? .encryptedOOXML : .legacyBinary
        }
        if contains(pdfSignature, in: data.prefix(pdfSearchWindow)) { return .pdf }
        if MailHeaderSniffer.looksLikeMessage(data) { return .eml }
        return .unknown
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
