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
        var failed = false
        for (index, (name, bytes)) in try DocumentFile.documents(atPath: file, announce: !json).enumerated() {
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

    private func render(_ document: Document, name: String) throws -> String {
        guard json else { return "=== \(name)\n" + document.renderedText() }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .iso8601
        return String(decoding: try encoder.encode(document), as: UTF8.self)
    }
}
