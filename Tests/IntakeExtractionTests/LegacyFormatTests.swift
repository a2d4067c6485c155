import Foundation
import IntakePipeline
import IntakeReaders
import IntakeRecord
import Testing

/// Tests/Fixtures/legacy: shared forms saved by LibreOffice in older formats (README there).
enum LegacyFixtures {
    static let folder = Corpus.packageRoot.appendingPathComponent("Tests/Fixtures/legacy")
    /// The DOCX each fixture was saved from, whose truth the fixture's record must match.
    static let original = Corpus.filled.appendingPathComponent("bolton-rpde-form-01.docx")

    static func url(_ name: String) -> URL { folder.appendingPathComponent(name) }

    static func pipeline(_ converter: FormatConverter) throws -> Pipeline {
        var configuration = try PipelineConfiguration.load(mappingsDirectory: Corpus.mappings, asOf: Corpus.asOf)
        configuration.converter = converter
        return Pipeline(configuration: configuration)
    }

    /// A private folder for conversions, so that a test can see what they leave behind.
    static func scratchFolder() throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("intake-legacy-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        return folder
    }

    static func contents(of folder: URL) -> [String] {
        (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
    }

    /// Processes whose command line mentions `text` (a conversion's private folder).
    static func processes(mentioning text: String) -> [String] {
        let pids = (try? FileManager.default.contentsOfDirectory(atPath: "/proc")) ?? []
        return pids.filter { $0.allSatisfy(\.isNumber) }.filter { pid in
            guard let raw = FileManager.default.contents(atPath: "/proc/\(pid)/cmdline") else { return false }
            return String(decoding: raw, as: UTF8.self).contains(text)
        }
    }
}

@Suite struct LegacyFormatTests {
    @Test("a converted document gives the record of the DOCX it was saved from", arguments: ["doc", "odt", "rtf"])
    func convertedDocumentMatchesTheTruth(_ format: String) throws {
        let scratch = try LegacyFixtures.scratchFolder()
        defer { try? FileManager.default.removeItem(at: scratch) }
        let pipeline = try LegacyFixtures.pipeline(FormatConverter(temporaryDirectory: scratch))
        let file = LegacyFixtures.url("bolton-rpde-form-01.\(format)")
        let records = pipeline.process(fileAt: file, displayPath: file.lastPathComponent, logger: Corpus.quietLogger)
        let record = try #require(records.first)
        #expect(records.count == 1)
        #expect(record.source.convertedFrom == format)
        #expect(record.source.format == "docx")
        #expect(record.source.sha256 == (try Pipeline.sha256(fileAt: file)), "keyed by the file itself, not the conversion")
        let truth = try #require(try Corpus.truth(for: LegacyFixtures.original).first)
        let problems = try TruthComparison.differences(record: record, truth: truth)
        #expect(problems.isEmpty, "\(format): \(problems.joined(separator: "; "))")
        #expect(LegacyFixtures.contents(of: scratch).isEmpty, "the conversion's folder is removed")
        let json = String(decoding: try record.jsonLine(), as: UTF8.self)
        #expect(json.contains("\"converted_from\":\"\(format)\""))
    }

    @Test("macro-enabled documents and templates are OOXML, read directly", arguments: ["docm", "dotx"])
    func ooxmlVariantsNeedNoConversion(_ format: String) throws {
        let file = LegacyFixtures.url("bolton-rpde-form-01.\(format)")
        #expect(FormatSniffer.sniff(try Data(contentsOf: file), fileName: nil) == .docx)
        // No LibreOffice at all: these must not need it.
        let pipeline = try LegacyFixtures.pipeline(FormatConverter(environment: ["PATH": "/nonexistent"]))
        let record = try #require(pipeline.process(fileAt: file, displayPath: file.lastPathComponent, logger: Corpus.quietLogger).first)
        #expect(record.source.format == "docx")
        #expect(record.source.convertedFrom == nil)
        let truth = try #require(try Corpus.truth(for: LegacyFixtures.original).first)
        #expect(try TruthComparison.differences(record: record, truth: truth).isEmpty)
    }

    @Test func oldFormatsAreToldApartByContent() throws {
        let formats = try ["doc", "odt", "rtf", "docm"].map {
            FormatSniffer.sniff(try Data(contentsOf: LegacyFixtures.url("bolton-rpde-form-01.\($0)")), fileName: "form.docx")
        }
        #expect(formats == [.wordBinary, .odt, .rtf, .docx])
    }

    @Test func withoutLibreOfficeTheRecordNamesTheFix() throws {
        let pipeline = try LegacyFixtures.pipeline(FormatConverter(environment: ["PATH": "/nonexistent"]))
        for format in ["doc", "odt", "rtf"] {
            let file = LegacyFixtures.url("bolton-rpde-form-01.\(format)")
            let record = try #require(pipeline.process(fileAt: file, displayPath: "old.\(format)", logger: Corpus.quietLogger).first)
            #expect(record.status == .rejected)
            #expect(record.source.format == format)
            #expect(record.source.convertedFrom == nil)
            let finding = try #require(record.findings.first)
            #expect(finding.code == .unreadableDocument)
            #expect(finding.message.contains("convert.unavailable"))
            #expect(finding.message.contains("libreoffice-writer-nogui"), "the reason names the package to install")
        }
    }

    @Test func aConverterThatCannotBeStartedIsUnavailable() throws {
        let pipeline = try LegacyFixtures.pipeline(FormatConverter(environment: ["INTAKE_SOFFICE": "/nonexistent/soffice"]))
        let file = LegacyFixtures.url("bolton-rpde-form-01.odt")
        let record = try #require(pipeline.process(fileAt: file, displayPath: "old.odt", logger: Corpus.quietLogger).first)
        #expect(record.status == .rejected)
        #expect(record.findings.first?.message.contains("convert.unavailable") == true, "\(record.findings)")
    }

    @Test func aConversionPastItsDeadlineIsStoppedWithEverythingItStarted() throws {
        let scratch = try LegacyFixtures.scratchFolder()
        defer { try? FileManager.default.removeItem(at: scratch) }
        // LibreOffice takes seconds to start: a 200 ms deadline always passes first.
        let pipeline = try LegacyFixtures.pipeline(FormatConverter(timeout: .milliseconds(200), temporaryDirectory: scratch))
        let file = LegacyFixtures.url("bolton-rpde-form-01.doc")
        let record = try #require(pipeline.process(fileAt: file, displayPath: "old.doc", logger: Corpus.quietLogger).first)
        #expect(record.status == .rejected)
        let message = record.findings.first?.message ?? ""
        #expect(message.contains("convert.timeout"), "\(message)")
        #expect(message.contains("saved as .docx"))
        #expect(LegacyFixtures.contents(of: scratch).isEmpty, "the conversion's folder is removed")
        #expect(LegacyFixtures.processes(mentioning: scratch.path).isEmpty, "no LibreOffice process is left running")
    }

    @Test func aFileThatOnlyLooksOldIsRejectedWithTheConvertersReason() throws {
        let scratch = try LegacyFixtures.scratchFolder()
        defer { try? FileManager.default.removeItem(at: scratch) }
        let pipeline = try LegacyFixtures.pipeline(FormatConverter(temporaryDirectory: scratch))
        // RTF's signature and nothing a word processor can open.
        let record = try #require(pipeline.process(data: Data("{\\rtf".utf8) + Data(repeating: 0xFF, count: 64), displayPath: "x.rtf",
                                                   logger: Corpus.quietLogger).first)
        #expect(record.status == .rejected)
        #expect(record.findings.first?.message.contains("convert.failed") == true, "\(record.findings)")
        #expect(LegacyFixtures.contents(of: scratch).isEmpty)
    }
}
