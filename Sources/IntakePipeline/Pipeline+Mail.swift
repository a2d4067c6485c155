import Foundation
import IntakeExtraction
import IntakeReaders
import IntakeRecord
import Logging

extension Pipeline {
    /// Records for an e-mail (an `.eml`, or the e-mail msgconvert made of an Outlook `.msg`):
    /// one per attached file, each with `attachment_of` set to the e-mail's path, or one record
    /// saying the e-mail carries no form. `source` is the e-mail's own.
    func processMail(_ data: Data, source: RecordSource, logger: Logger) -> [CaseRecord] {
        var source = source
        let message: MailMessage
        do {
            message = try mailContents(data)
        } catch {
            return [rejected(source: source, error: error, logger: logger)]
        }
        let received = message.date.map(Self.iso8601) ?? source.receivedAt
        let attachments = message.attachments
        guard !attachments.isEmpty else {
            source.receivedAt = received
            source.sender = message.sender
            source.subject = message.subject
            source.thread = message.thread
            var record = CaseRecord(source: source, findings: [Finding(
                code: .unknownDocument, severity: .error,
                message: "The e-mail carries no form (no attached document; logos, signatures and contact cards are not forms). Ask the sender to attach the form.")])
            record.status = .rejected
            return [record]
        }
        return attachments.map { attachment in
            let name = attachment.filename ?? "attachment-\(attachment.index + 1)"
            let format = FormatSniffer.sniff(attachment.data, fileName: name)
            var attachmentSource = RecordSource(
                path: source.path + "/" + name, sha256: Self.sha256(attachment.data),
                format: Self.formatName(format, fileName: name),
                attachmentOf: source.path, attachmentName: name, receivedAt: received,
                sender: message.sender, subject: message.subject, size: attachment.data.count)
            attachmentSource.thread = message.thread
            guard Self.mightBeForm(format) else { return notAForm(attachmentSource, logger: logger) }
            let context = ExtractionContext(fileName: name, emailSubject: message.subject)
            return record(for: attachment.data, source: attachmentSource, context: context, logger: logger)
        }
    }

    /// The e-mail with its `winmail.dat` attachments replaced by the files they carry.
    func mailContents(_ data: Data) throws -> MailMessage {
        var message = try MailReader(limits: configuration.limits).read(data)
        message.attachments = try expandingTNEF(message.attachments)
        return message
    }

    /// The SHA-256s the records of a file will be keyed by, found without extracting anything
    /// (an e-mail is parsed, an Outlook message converted): a resumed batch passes over a file
    /// all of whose keys are stored. A file that cannot be read gives its own hash, as its
    /// rejected record does.
    public func recordKeys(fileAt url: URL) throws -> [String] {
        let data = try Self.readBounded(url, limit: configuration.limits.maxFileBytes)
        let own = [Self.sha256(data)]
        let mail: Data
        switch FormatSniffer.sniff(data, fileName: nil) {
        case .eml: mail = data
        case .outlookMessage:
            guard let converted = try? converter.email(fromOutlookMessage: data) else { return own }
            mail = converted
        default: return own
        }
        guard let attachments = try? mailContents(mail).attachments, !attachments.isEmpty else { return own }
        return attachments.map { Self.sha256($0.data) }
    }

    /// Whether a file of this format can hold a form: anything else attached (a photo, an old
    /// spreadsheet) is an unknown document, not an unreadable one.
    static func mightBeForm(_ format: SourceFormat) -> Bool {
        ![.unknown, .legacyBinary, .eml, .outlookMessage].contains(format)
    }

    private func notAForm(_ source: RecordSource, logger: Logger) -> CaseRecord {
        logger.info("not a form", metadata: ["file.sha256": "\(source.sha256)", "file.format": "\(source.format)"])
        var record = CaseRecord(source: source, findings: [Finding(
            code: .unknownDocument, severity: .error,
            message: "The attached file is not a document Intake reads (.docx, .doc, .odt, .rtf or PDF), so it holds no form to record. If the form was meant to be attached, ask the sender for it.")])
        record.status = .rejected
        return record
    }

    /// Outlook sends attachments wrapped in `winmail.dat` (TNEF) when it uses its own rich text:
    /// the files inside take its place, in the order ytnef names them.
    private func expandingTNEF(_ attachments: [MailAttachment]) throws -> [MailAttachment] {
        var expanded: [MailAttachment] = []
        for attachment in attachments {
            guard attachment.isTNEF else {
                expanded.append(attachment)
                continue
            }
            for file in try converter.files(fromTNEF: attachment.data) where !MailAttachment.isContactOrCalendar(name: file.name) {
                expanded.append(MailAttachment(filename: file.name, contentType: "application/octet-stream", data: file.data,
                                               index: attachment.index, viaNestedMessage: attachment.viaNestedMessage))
            }
        }
        return expanded.enumerated().map { position, attachment in
            var attachment = attachment
            attachment.index = position
            return attachment
        }
    }
}

extension RecordSource {
    /// The thread headers of the e-mail that carried the document; empty lists are left out.
    var thread: MailThread {
        get { MailThread(messageID: messageID, inReplyTo: inReplyTo ?? [], references: references ?? []) }
        set {
            messageID = newValue.messageID
            inReplyTo = newValue.inReplyTo.isEmpty ? nil : newValue.inReplyTo
            references = newValue.references.isEmpty ? nil : newValue.references
        }
    }
}
