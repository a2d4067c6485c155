import Foundation
import IntakeReaders

/// The documents inside one file a user named: the file itself, or each attachment of an e-mail.
enum DocumentFile {
    static func documents(in data: Data, file: String, announce: Bool) throws -> [(String, Data)] {
        let name = (file as NSString).lastPathComponent
        guard FormatSniffer.sniff(data, fileName: name) == .eml else { return [(name, data)] }
        let message = try MailReader().read(data)
        if announce {
            print("E-mail: \(message.attachments.count) attachment(s)")
        }
        return message.attachments.map { ($0.filename ?? "attachment-\($0.index + 1)", $0.data) }
    }
}
