import CGMime
import Foundation
import IntakeDocument

/// Reads an RFC 822 e-mail (`.eml`) with GMime: sender, subject, date, body text and every
/// attachment, decoded to bytes.
///
/// ```swift
/// let mail = try MailReader().read(Data(contentsOf: url))
/// for attachment in mail.attachments { … DocumentReader().read(attachment.data, fileName: attachment.filename) … }
/// ```
///
/// Attachments inside forwarded messages (`message/rfc822`) are included, flagged
/// ``MailAttachment/viaNestedMessage``. Safe to use from many threads at once: each call
/// parses into its own GMime objects.
public struct MailReader: Sendable {
    public var limits: ReadLimits

    public init(limits: ReadLimits = .default) {
        self.limits = limits
    }

    /// - throws: `IntakeError` with `.fileEmpty`, `.fileTooLarge` (``ReadLimits/maxFileBytes``),
    ///   `.mailTooManyParts` (``ReadLimits/maxMailParts``) or `.mailMalformed`.
    public func read(_ data: Data) throws -> MailMessage {
        guard !data.isEmpty else { throw IntakeError(.fileEmpty, "The e-mail file is empty.") }
        guard data.count <= limits.maxFileBytes else {
            throw IntakeError(.fileTooLarge, "The e-mail is \(data.count) bytes; the limit is \(limits.maxFileBytes) bytes.")
        }
        // GMime's parser recurses once per nested multipart and has no part limit of its own,
        // so refuse a file declaring more parts than allowed before GMime sees it.
        let declared = Self.contentTypeHeaderCount(in: data)
        guard declared <= limits.maxMailParts else { throw tooManyParts() }

        let handle = try GMimeMessageHandle(parsing: data)
        return try withExtendedLifetime(handle) {
            guard let root = g_mime_message_get_mime_part(handle.message) else {
                throw IntakeError(.mailMalformed, "The e-mail has headers but no MIME body.")
            }
            var walker = MailPartWalker(maxParts: limits.maxMailParts, maxBytes: limits.maxFileBytes)
            try walker.visit(root, nested: false)
            return MailMessage(
                sender: Self.sender(of: handle.message),
                subject: Self.subject(of: handle.message),
                date: Self.date(of: handle.message),
                thread: Self.thread(of: handle),
                bodyText: walker.bodyText,
                attachments: walker.attachments
            )
        }
    }

    func tooManyParts() -> IntakeError {
        IntakeError(.mailTooManyParts, "The e-mail has more than \(limits.maxMailParts) MIME parts (ReadLimits.maxMailParts).")
    }

    static func subject(of message: UnsafeMutablePointer<GMimeMessage>) -> String? {
        guard let raw = g_mime_message_get_subject(message) else { return nil }  // borrowed, decoded
        let text = String(cString: raw).trimmedWhitespace
        return text.isEmpty ? nil : text
    }

    static func sender(of message: UnsafeMutablePointer<GMimeMessage>) -> String? {
        let address = intake_gmime_first_mailbox_address(g_mime_message_get_from(message))
            ?? intake_gmime_first_mailbox_address(g_mime_message_get_sender(message))
        guard let address else { return nil }
        let text = String(cString: address).trimmedWhitespace.lowercased()
        return text.isEmpty ? nil : text
    }

    static func date(of message: UnsafeMutablePointer<GMimeMessage>) -> Date? {
        guard let dateTime = g_mime_message_get_date(message) else { return nil }  // borrowed
        let seconds = Double(g_date_time_to_unix(dateTime)) + Double(g_date_time_get_microsecond(dateTime)) / 1e6
        return Date(timeIntervalSince1970: seconds)
    }

    static func thread(of handle: GMimeMessageHandle) -> MailThread {
        let id = g_mime_message_get_message_id(handle.message).map { String(cString: $0) }  // borrowed
        return MailThread(messageID: id.flatMap { $0.isEmpty ? nil : $0 },
                          inReplyTo: messageIDs(inHeader: "In-Reply-To", of: handle),
                          references: messageIDs(inHeader: "References", of: handle))
    }

    /// The ids GMime parses out of a header of message ids (comments and brackets dropped).
    static func messageIDs(inHeader name: String, of handle: GMimeMessageHandle) -> [String] {
        guard let references = intake_gmime_header_references(handle.object, name) else { return [] }
        defer { g_mime_references_free(references) }
        return (0..<g_mime_references_length(references)).compactMap { index in
            g_mime_references_get_message_id(references, index).map { String(cString: $0) }  // borrowed
        }.filter { !$0.isEmpty }
    }

    /// Lines that start a `Content-Type` header (any case, optional space before the colon):
    /// an upper bound on the MIME parts, hence on how deep GMime will recurse.
    static func contentTypeHeaderCount(in data: Data) -> Int {
        let name = Array("content-type".utf8)
        var count = 0
        data.withUnsafeBytes { (bytes: UnsafeRawBufferPointer) in
            var index = 0
            while index < bytes.count {
                var matched = index + name.count <= bytes.count
                var offset = 0
                while matched && offset < name.count {
                    matched = bytes[index + offset] | 0x20 == name[offset]  // ASCII case folding
                    offset += 1
                }
                if matched {
                    var after = index + name.count
                    while after < bytes.count && (bytes[after] == 0x20 || bytes[after] == 0x09) { after += 1 }
                    if after < bytes.count && bytes[after] == UInt8(ascii: ":") { count += 1 }
                }
                // Move to the start of the next line.
                while index < bytes.count && bytes[index] != 0x0A { index += 1 }
                index += 1
            }
        }
        return count
    }
}
