import Crypto
import Foundation
#if canImport(Glibc)
import Glibc
#endif
import IntakeDocument
import IntakeExtraction
import IntakeMapping
import IntakeReaders
import IntakeRecord
import IntakeValidation
import Logging
import Synchronization

/// Everything one run needs, loaded once: mappings, the working-day calendar, "today".
public struct PipelineConfiguration: Sendable {
    public var mappings: MappingSet
    public var calendar: WorkingDayCalendar
    public var asOf: Day
    public var limits: ReadLimits
    /// LibreOffice, msgconvert and ytnef, for the formats read through them.
    public var converter: FormatConverter

    public init(mappings: MappingSet, calendar: WorkingDayCalendar, asOf: Day, limits: ReadLimits = .default,
                converter: FormatConverter = FormatConverter()) {
        self.mappings = mappings
        self.calendar = calendar
        self.asOf = asOf
        self.limits = limits
        self.converter = converter
    }

    /// Loads `forms/`, `policies/` and `calendar/england-and-wales.yaml` from a mappings folder.
    public static func load(mappingsDirectory: URL, asOf: Day) throws -> PipelineConfiguration {
        let mappings = try MappingSet.load(from: mappingsDirectory)
        let calendar = try WorkingDayCalendar.load(
            from: mappingsDirectory.appendingPathComponent("calendar/england-and-wales.yaml"))
        return PipelineConfiguration(mappings: mappings, calendar: calendar, asOf: asOf)
    }
}

/// Turns one file into its records: source → reader → classify → extract → validate → record.
///
/// Never throws for a bad file: an unreadable or unknown document becomes a `rejected`
/// record that says why, and the caller goes on with the next file. Safe to share between
/// tasks; each call reads its own file.
public struct Pipeline: Sendable {
    public let configuration: PipelineConfiguration
    private let extractor: Extractor
    private let validator: Validator
    var converter: FormatConverter { configuration.converter }

    public init(configuration: PipelineConfiguration) {
        self.configuration = configuration
        self.extractor = Extractor(mappings: configuration.mappings)
        self.validator = Validator(calendar: configuration.calendar, asOf: configuration.asOf)
    }

    /// Records for the file at `url`, shown as `displayPath`: one for a document, one per
    /// attachment for an e-mail.
    public func process(fileAt url: URL, displayPath: String, logger: Logger) -> [CaseRecord] {
        let data: Data
        do {
            data = try Self.readBounded(url, limit: configuration.limits.maxFileBytes)
        } catch let error as IntakeError {
            return [rejected(source: RecordSource(path: displayPath, sha256: "", format: "unknown"), error: error, logger: logger)]
        } catch {
            let failure = IntakeError(.fileUnreadable, "The file could not be opened or read.")
            return [rejected(source: RecordSource(path: displayPath, sha256: "", format: "unknown"), error: failure, logger: logger)]
        }
        let received = Self.modificationTime(url)
        return process(data: data, displayPath: displayPath, receivedAt: received, logger: logger)
    }

    /// Records for bytes already in memory (the watcher and tests use this).
    public func process(data: Data, displayPath: String, receivedAt: String? = nil, logger: Logger) -> [CaseRecord] {
        let fileName = (displayPath as NSString).lastPathComponent
        let format = FormatSniffer.sniff(data, fileName: fileName)
        let source = RecordSource(path: displayPath, sha256: Self.sha256(data), format: Self.formatName(format, fileName: fileName),
                                  receivedAt: receivedAt, size: data.count)
        switch format {
        case .eml:
            return processMail(data, source: source, logger: logger)
        case .outlookMessage:
            do {
                return processMail(try converter.email(fromOutlookMessage: data), source: source, logger: logger)
            } catch {
                return [rejected(source: source, error: error, logger: logger)]
            }
        default:
            return [record(for: data, source: source, context: ExtractionContext(fileName: fileName), logger: logger)]
        }
    }

    func record(for data: Data, source: RecordSource, context: ExtractionContext, logger: Logger) -> CaseRecord {
        var source = source
        let format = FormatSniffer.sniff(data, fileName: context.fileName)
        let document: Document
        do {
            document = try DocumentReader(limits: configuration.limits, converter: converter).read(data, fileName: context.fileName)
        } catch {
            return rejected(source: source, error: error, logger: logger)
        }
        if DocumentReader.needsConversion(format) {
            source.format = SourceFormat.docx.rawValue
            source.convertedFrom = format.rawValue
        }
        let record = RecordBuilder(validator: validator).build(
            extraction: extractor.extract(document, context: context), source: source)
        logger.info("extracted", metadata: [
            "file.sha256": "\(source.sha256)", "record.kind": "\(record.kind ?? "none")",
            "record.status": "\(record.status.rawValue)", "record.findings": "\(record.findings.map(\.code.rawValue))",
        ])
        return record
    }

    func rejected(source: RecordSource, error: any Error, logger: Logger) -> CaseRecord {
        let intakeError = error as? IntakeError ?? IntakeError(.fileUnreadable, "The file could not be read.")
        logger.notice("rejected", metadata: ["file.sha256": "\(source.sha256)", "error.code": "\(intakeError.code)"])
        return RecordBuilder.rejected(source: source, error: intakeError)
    }

    /// Reads a regular file, never more than the size limit. The file is opened without
    /// following a symbolic link (`O_NOFOLLOW`: a link dropped in a folder never leads outside
    /// it) and without waiting on a pipe (`O_NONBLOCK`), then the opened file itself is checked
    /// (`fstat`) to be a regular file within the limit; the read stops at the limit.
    public static func readBounded(_ url: URL, limit: Int) throws -> Data {
        let fd = open(url.path, O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC)
        guard fd >= 0 else {
            throw errno == ELOOP
                ? IntakeError(.fileUnreadable, "The file is a symbolic link: only regular files are read, never what a link points to.")
                : IntakeError(.fileUnreadable, "The file could not be opened.")
        }
        let handle = FileHandle(fileDescriptor: fd, closeOnDealloc: true)
        var info = stat()
        guard fstat(fd, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG else {
            throw IntakeError(.fileUnreadable, "Not a regular file (a folder, device or pipe): only files are read.")
        }
        guard Int(info.st_size) <= limit else {
            throw IntakeError(.fileTooLarge, "The file is \(info.st_size) bytes; the limit is \(limit) bytes.")
        }
        let data = try handle.read(upToCount: limit + 1) ?? Data()
        guard data.count <= limit else {
            throw IntakeError(.fileTooLarge, "The file grew past the limit of \(limit) bytes while being read.")
        }
        return data
    }

    /// The SHA-256 a file's record is keyed by (a resumed batch asks the store for it).
    public static func sha256(fileAt url: URL) throws -> String {
        sha256(try Data(contentsOf: url, options: .alwaysMapped))
    }

    static func sha256(_ data: Data) -> String {
        HexDigest.string(SHA256.hash(data: data))
    }

    static func formatName(_ format: SourceFormat, fileName: String) -> String {
        switch format {
        case .docx, .pdf, .eml, .wordBinary, .odt, .rtf, .outlookMessage: format.rawValue
        case .empty, .unknown, .legacyBinary, .encryptedOOXML:
            (fileName as NSString).pathExtension.lowercased().isEmpty ? format.rawValue : (fileName as NSString).pathExtension.lowercased()
        }
    }

    static func modificationTime(_ url: URL) -> String? {
        UTCTimestamp.modificationTime(ofFileAt: url.path)
    }

    static func iso8601(_ date: Date) -> String {
        utcFormatter.withLock { $0.string(from: date) }
    }
}

/// Made once (creating one costs an ICU calendar per file); the lock serialises use.
private let utcFormatter: Mutex<ISO8601DateFormatter> = {
    let formatter = ISO8601DateFormatter()
    formatter.formatOptions = [.withInternetDateTime]
    formatter.timeZone = TimeZone(identifier: "UTC")
    return Mutex(formatter)
}()
