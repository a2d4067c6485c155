import ArgumentParser
import Foundation
import IntakeDocument
import IntakePipeline
import IntakeReaders

/// The documents inside one file a user named: the file itself, or each attachment of an e-mail.
enum DocumentFile {
    /// Reads the file (within the read limits); one that cannot be read is a usage error.
    static func documents(atPath file: String, announce: Bool) throws -> [(String, Data)] {
        let data: Data
        do { data = try Pipeline.readBounded(URL(fileURLWithPath: file), limit: ReadLimits.default.maxFileBytes) }
        catch let error as IntakeError { throw ValidationError("\(error)") }
        catch { throw ValidationError("The file cannot be opened.") }
        return try documents(in: data, file: file, announce: announce)
    }

    static func documents(in data: Data, file: String, announce: Bool) throws -> [(String, Data)] {
        let name = (file as NSString).lastPathComponent
        var data = data
        switch FormatSniffer.sniff(data, fileName: name) {
        case .eml: break
        case .outlookMessage:
            do { data = try FormatConverter().email(fromOutlookMessage: data) } catch { throw ValidationError("\(error)") }
        default: return [(name, data)]
        }
        let message = try MailReader().read(data)
        if announce {
            print("E-mail: \(message.attachments.count) attachment(s)")
        }
        return message.attachments.map { ($0.filename ?? "attachment-\($0.index + 1)", $0.data) }
    }
}
