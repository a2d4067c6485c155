import CGMime
import Foundation
import IntakeRecord

/// The submitter's report as a ready reply (`.eml`) to the e-mail the form came in: To the
/// sender, "Re: " the original subject, In-Reply-To and References from the original, and a
/// text and an HTML part. Built with GMime; never sent (the business unit sends it).
///
/// The original's Message-ID and References are read from the e-mail itself, where it is
/// still at its recorded path; without it the reply still has To and Subject.
public struct ReplyMail {
    public let report: SubmitterReport
    public let record: CaseRecord

    public init(report: SubmitterReport, record: CaseRecord) {
        self.report = report
        self.record = record
    }

    /// The e-mail the record came from: the one it was attached to, or itself (an e-mail with no form).
    var originalPath: String? {
        record.source.attachmentOf ?? (record.source.format == "eml" ? record.source.path : nil)
    }

    public func render() -> String {
        GMimeOnce.initialise()
        let message = g_mime_message_new(1)!
        defer { g_object_unref(message) }
        let object = UnsafeMutablePointer<GMimeObject>(OpaquePointer(message))
        if let sender = record.source.sender {
            g_mime_message_add_mailbox(message, GMIME_ADDRESS_TYPE_TO, nil, sender)
        }
        let original = originalPath.flatMap(OriginalHeaders.init(path:))
        let subject = record.source.subject ?? original?.subject
        g_mime_message_set_subject(message, subject.map(Self.replySubject) ?? "Your form: \(report.documentName)", "utf-8")
        if let id = original?.messageID {
            g_mime_object_set_header(object, "In-Reply-To", "<\(id)>", nil)
            let references = [original?.references, "<\(id)>"].compactMap { $0 }.joined(separator: " ")
            g_mime_object_set_header(object, "References", references, nil)
        }
        g_mime_object_set_header(object, "X-Intake-Report", record.source.sha256, nil)
        let alternative = g_mime_multipart_new_with_subtype("alternative")!
        defer { g_object_unref(alternative) }
        for (subtype, text) in [("plain", report.renderText()), ("html", report.renderHTML())] {
            let part = g_mime_text_part_new_with_subtype(subtype)!
            g_mime_text_part_set_text(part, text)
            g_mime_multipart_add(alternative, UnsafeMutablePointer<GMimeObject>(OpaquePointer(part)))
            g_object_unref(part)
        }
        g_mime_message_set_mime_part(message, UnsafeMutablePointer<GMimeObject>(OpaquePointer(alternative)))
        // 7-bit transfer encodings, so that any mail system carries the reply unchanged.
        g_mime_object_encode(object, GMIME_ENCODING_CONSTRAINT_7BIT)
        guard let raw = g_mime_object_to_string(object, nil) else { return "" }
        defer { g_free(raw) }
        return String(cString: raw)
    }

    static func replySubject(_ subject: String) -> String {
        subject.lowercased().hasPrefix("re:") ? subject : "Re: \(subject)"
    }
}

/// The headers of the original e-mail a reply needs.
struct OriginalHeaders {
    var messageID: String?
    var references: String?
    var subject: String?

    init?(path: String) {
        guard let data = FileManager.default.contents(atPath: path) else { return nil }
        GMimeOnce.initialise()
        let parsed = data.withUnsafeBytes { intake_gmime_parse_message($0.baseAddress, $0.count) }
        guard let message = parsed else { return nil }
        defer { g_object_unref(message) }
        messageID = g_mime_message_get_message_id(message).map { String(cString: $0) }
        references = g_mime_object_get_header(intake_gmime_message_object(message), "References").map { String(cString: $0) }
        subject = g_mime_message_get_subject(message).map { String(cString: $0) }
    }
}

enum GMimeOnce {
    private static let done: Bool = { g_mime_init(); return true }()
    static func initialise() { _ = done }
}
