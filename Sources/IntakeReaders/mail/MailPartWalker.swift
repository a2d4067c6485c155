import CGMime
import Foundation
import IntakeDocument

/// Walks a message's MIME tree depth first, in order, collecting the body text and the
/// attachments. Parts are borrowed from the message handle, which must outlive the walk.
struct MailPartWalker {
    let maxParts: Int
    let maxBytes: Int
    private(set) var attachments: [MailAttachment] = []
    private var partCount = 0
    private var decodedBytes = 0
    // Body candidates, best first: plain before HTML, outer message before forwarded ones.
    private var plain: String?
    private var html: String?
    private var nestedPlain: String?
    private var nestedHTML: String?

    init(maxParts: Int, maxBytes: Int) {
        self.maxParts = maxParts
        self.maxBytes = maxBytes
    }

    var bodyText: String {
        if let plain { return plain }
        if let html { return HTMLText.plainText(fromHTML: html) }
        if let nestedPlain { return nestedPlain }
        if let nestedHTML { return HTMLText.plainText(fromHTML: nestedHTML) }
        return ""
    }

    /// Parts that sign a message rather than carry a file.
    private static let signatureTypes: Set<String> = [
        "application/pgp-signature", "application/pkcs7-signature", "application/x-pkcs7-signature",
    ]
    /// Contact cards (an Outlook signature's vCard) and calendar invitations: never forms.
    private static let contactAndCalendarTypes: Set<String> = [
        "text/vcard", "text/x-vcard", "text/directory", "text/calendar", "application/ics",
    ]

    /// - parameter resource: whether the part is a resource of a `multipart/related` body (a
    ///   logo the HTML shows), not its root.
    mutating func visit(_ object: UnsafeMutablePointer<GMimeObject>, nested: Bool, resource: Bool = false) throws {
        partCount += 1
        guard partCount <= maxParts else {
            throw IntakeError(.mailTooManyParts, "The e-mail has more than \(maxParts) MIME parts (ReadLimits.maxMailParts).")
        }
        if intake_gmime_is_multipart(object) != 0 {
            // RFC 2387: the first part of multipart/related is the body, the others what it shows.
            let related = Self.mimeType(of: object) == "multipart/related"
            for index in 0..<intake_gmime_multipart_count(object) {
                if let child = intake_gmime_multipart_child(object, index) {
                    try visit(child, nested: nested, resource: resource || (related && index > 0))
                }
            }
        } else if intake_gmime_is_message_part(object) != 0 {
            // A forwarded message: walk into it; its own parts count against the same limit.
            if let inner = intake_gmime_message_part_message(object), let root = g_mime_message_get_mime_part(inner) {
                try visit(root, nested: true)
            }
        } else if intake_gmime_is_part(object) != 0 {
            try visitLeaf(object, nested: nested, resource: resource)
        }
    }

    private mutating func visitLeaf(_ object: UnsafeMutablePointer<GMimeObject>, nested: Bool, resource: Bool) throws {
        let type = Self.mimeType(of: object)
        let filename = intake_gmime_part_filename(object).map { String(cString: $0) }.flatMap { $0.isEmpty ? nil : $0 }
        if Self.isNotASubmission(object, type: type, filename: filename, resource: resource) { return }
        let isAttachment = intake_gmime_part_is_attachment(object) != 0 || filename != nil
        if !isAttachment {
            if type == "text/plain" || type == "text/html" {
                noteBody(object, html: type == "text/html", nested: nested)
                return
            }
            // Other text (calendars, enriched text) and message/* leaves (delivery reports) are not files.
            if type.hasPrefix("text/") || type.hasPrefix("message/") { return }
        }
        guard let array = intake_gmime_part_decoded_bytes(object) else {
            throw IntakeError(.mailMalformed, "Attachment \(attachments.count) could not be decoded.")
        }
        let data = GByteArrayHandle(array).data
        decodedBytes += data.count
        guard decodedBytes <= maxBytes else {
            throw IntakeError(.fileTooLarge, "The e-mail's attachments decode to more than \(maxBytes) bytes.")
        }
        attachments.append(MailAttachment(
            filename: filename, contentType: type, data: data, index: attachments.count, viaNestedMessage: nested
        ))
    }

    /// Parts an e-mail client adds that nobody attached: signatures (S/MIME, PGP), contact
    /// cards, and pictures the body shows (a related resource, an inline picture, or one the
    /// HTML refers to by Content-ID), such as the `image001.png` logo of every Outlook signature.
    /// A related resource that is explicitly an attachment and not a picture is kept.
    private static func isNotASubmission(_ object: UnsafeMutablePointer<GMimeObject>, type: String, filename: String?, resource: Bool) -> Bool {
        let name = filename?.lowercased() ?? ""
        if signatureTypes.contains(type) || name.hasSuffix(".p7s") { return true }
        if contactAndCalendarTypes.contains(type) || MailAttachment.isContactOrCalendar(name: name) { return true }
        let disposition = intake_gmime_object_disposition(object).map { String(cString: $0).lowercased() }
        let picture = type.hasPrefix("image/")
        if resource { return picture || disposition != "attachment" }
        return picture && (disposition == "inline" || (disposition == nil && intake_gmime_object_has_content_id(object) != 0))
    }

    private mutating func noteBody(_ object: UnsafeMutablePointer<GMimeObject>, html isHTML: Bool, nested: Bool) {
        switch (isHTML, nested) {
        case (false, false) where plain == nil: plain = Self.text(of: object)
        case (true, false) where html == nil: html = Self.text(of: object)
        case (false, true) where nestedPlain == nil: nestedPlain = Self.text(of: object)
        case (true, true) where nestedHTML == nil: nestedHTML = Self.text(of: object)
        default: break
        }
    }

    /// A text part's content in UTF-8 with "\n" line ends, trimmed.
    private static func text(of object: UnsafeMutablePointer<GMimeObject>) -> String {
        guard let raw = intake_gmime_text_part_text(object) else { return "" }
        defer { g_free(raw) }
        return String(cString: raw)
            .replacingOccurrences(of: "\r\n", with: "\n")
            .trimmedWhitespace
    }

    private static func mimeType(of object: UnsafeMutablePointer<GMimeObject>) -> String {
        guard let raw = intake_gmime_object_mime_type(object) else { return "application/octet-stream" }
        defer { g_free(raw) }
        return String(cString: raw).lowercased()
    }
}
