import Foundation

/// What ``MailReader`` found in one e-mail: who sent it, what it says, and the files it carries.
///
/// Readers know nothing of forms: the pipeline hands each attachment's bytes to
/// `DocumentReader` and keeps ``MailAttachment/index`` so a record can say which one it came from.
public struct MailMessage: Sendable {
    /// The bare address of the first `From` mailbox (falling back to `Sender`), lowercased.
    public var sender: String?
    /// The subject with RFC 2047 encoded words decoded.
    public var subject: String?
    public var date: Date?
    /// Where it sits in its thread: its own Message-ID and the ids it answers (In-Reply-To) and
    /// follows (References), angle brackets removed. Identifiers only, never logged.
    public var thread: MailThread
    /// The first `text/plain` part that is not an attachment; failing that, the first
    /// `text/html` part with its markup stripped. Empty when the message has neither.
    public var bodyText: String
    /// Every attachment in the order it appears, those inside forwarded messages included.
    public var attachments: [MailAttachment]

    public init(sender: String? = nil, subject: String? = nil, date: Date? = nil, thread: MailThread = MailThread(),
                bodyText: String = "", attachments: [MailAttachment] = []) {
        self.sender = sender
        self.subject = subject
        self.date = date
        self.thread = thread
        self.bodyText = bodyText
        self.attachments = attachments
    }
}

/// The thread headers of an e-mail, as message ids without angle brackets.
public struct MailThread: Sendable, Equatable {
    public var messageID: String?
    public var inReplyTo: [String]
    public var references: [String]

    public init(messageID: String? = nil, inReplyTo: [String] = [], references: [String] = []) {
        self.messageID = messageID
        self.inReplyTo = inReplyTo
        self.references = references
    }
}

/// One file carried by an e-mail, its transfer encoding removed.
public struct MailAttachment: Sendable {
    /// The decoded file name (RFC 2231 continuations and RFC 2047 words), when the part has one.
    public var filename: String?
    /// `type/subtype`, lowercased, without parameters.
    public var contentType: String
    public var data: Data
    /// 0-based position among the message's attachments.
    public var index: Int
    /// Whether the attachment sits inside a nested `message/rfc822` part (a forwarded e-mail).
    public var viaNestedMessage: Bool

    public init(filename: String?, contentType: String, data: Data, index: Int, viaNestedMessage: Bool) {
        self.filename = filename
        self.contentType = contentType
        self.data = data
        self.index = index
        self.viaNestedMessage = viaNestedMessage
    }
}

extension MailAttachment {
    /// A `winmail.dat`: Outlook's TNEF wrapping of the real attachments.
    public var isTNEF: Bool {
        contentType == "application/ms-tnef" || contentType == "application/vnd.ms-tnef"
            || filename?.lowercased() == "winmail.dat"
    }

    /// A contact card or calendar file by its name (`.vcf`, `.ics`): never a form.
    public static func isContactOrCalendar(name: String) -> Bool {
        let lowered = name.lowercased()
        return lowered.hasSuffix(".vcf") || lowered.hasSuffix(".ics") || lowered.hasSuffix(".vcs")
    }
}
