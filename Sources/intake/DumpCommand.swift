import ArgumentParser
import Foundation
import IntakeDocument
import IntakePipeline
import IntakeReaders

/// `intake dump FILE`: what the reader saw, before any form is recognised.
struct DumpCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "dump",
        abstract: "Print what the reader saw in a file: text, tables, ticks, fields, pictures, signatures.",
        discussion: "Shows the document's content: run it on your own files only. An .eml shows each attachment.")

    @Argument(help: "A .docx, .pdf or .eml file.")
    var file: String

    @Flag(name: .long, help: "Print the document model as JSON.")
    var json = false

    func run() throws {
        let data: Data
        do { data = try Pipeline.readBounded(URL(fileURLWithPath: file), limit: ReadLimits.default.maxFileBytes) }
        catch let error as IntakeError { throw ValidationError("\(error)") }
        catch { throw ValidationError("The file cannot be opened.") }
        var failed = false
        for (index, (name, bytes)) in try documents(in: data).enumerated() {
            do {
                let document = try DocumentReader().read(bytes, fileName: name)
                print(try render(document, name: name))
            } catch let error as IntakeError {
                failed = true
                // Attachment names can name a child: say which by position only.
                StandardError.write("document \(index + 1): \(error)")
            }
        }
        if failed { throw ExitCode(1) }
    }

    /// The file itself, or each attachment of an e-mail.
    private func documents(in data: Data) throws -> [(String, Data)] {
        let name = (file as NSString).lastPathComponent
        guard FormatSniffer.sniff(data, fileName: name) == .eml else { return [(name, data)] }
        let message = try MailReader().read(data)
        if !json {
            print("E-mail: \(message.attachments.count) attachment(s)")
        }
        return message.attachments.map { ($0.filename ?? "attachment-\($0.index + 1)", $0.data) }
    }

    private func render(_ document: Document, name: String) throws -> String {
        guard json else { return "=== \(name)\n" + document.renderedText() }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .iso8601
        return String(decoding: try encoder.encode(document), as: UTF8.self)
    }
}
