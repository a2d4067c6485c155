/// An error Intake reports about an input file or its own configuration.
///
/// The ``code`` is stable and machine-readable (`pdf.encrypted`); the ``message`` says what
/// went wrong and how to remedy it. Neither ever carries a value from inside a document
/// (forms name children): only codes, sizes, limits, part names and field keys.
public struct IntakeError: Error, Sendable, Equatable, CustomStringConvertible {
    public var code: Code
    public var message: String

    public init(_ code: Code, _ message: String) {
        self.code = code
        self.message = message
    }

    public var description: String { "\(code.rawValue): \(message)" }

    /// A stable error code. New codes may be added; existing ones are never renamed.
    public struct Code: RawRepresentable, Sendable, Hashable, Codable, CustomStringConvertible {
        public var rawValue: String
        public init(rawValue: String) { self.rawValue = rawValue }
        public var description: String { rawValue }

        // Files
        public static let fileEmpty = Code(rawValue: "file.empty")
        public static let fileTooLarge = Code(rawValue: "file.too-large")
        public static let fileUnreadable = Code(rawValue: "file.unreadable")
        public static let formatUnknown = Code(rawValue: "format.unknown")
        /// Word 97–2003 `.doc` and other binary formats Intake does not read.
        public static let formatLegacyBinary = Code(rawValue: "format.legacy-binary")

        // Conversion of formats read through other programs (LibreOffice, msgconvert, ytnef)
        /// The program that converts this format is not installed; the message names the package.
        public static let convertUnavailable = Code(rawValue: "convert.unavailable")
        /// The converter ran past its deadline and was stopped.
        public static let convertTimeout = Code(rawValue: "convert.timeout")
        /// The converter ran but gave no usable output (a damaged or protected file).
        public static let convertFailed = Code(rawValue: "convert.failed")

        // ZIP container (DOCX)
        public static let zipDamaged = Code(rawValue: "zip.damaged")
        public static let zipTooManyEntries = Code(rawValue: "zip.too-many-entries")
        public static let zipPartTooLarge = Code(rawValue: "zip.part-too-large")
        public static let zipTotalTooLarge = Code(rawValue: "zip.total-too-large")
        public static let zipCompressionRatio = Code(rawValue: "zip.compression-ratio")
        public static let zipDuplicateName = Code(rawValue: "zip.duplicate-name")
        public static let zipEncrypted = Code(rawValue: "zip.encrypted")

        // XML parts
        public static let xmlDoctype = Code(rawValue: "xml.doctype")
        public static let xmlTooDeep = Code(rawValue: "xml.too-deep")
        public static let xmlMalformed = Code(rawValue: "xml.malformed")

        // DOCX packages
        public static let docxNoMainPart = Code(rawValue: "docx.no-main-part")
        /// An OOXML package that is encrypted (an OLE compound file wrapping `EncryptedPackage`).
        public static let docxEncrypted = Code(rawValue: "docx.encrypted")
        /// Small on disk but too many paragraphs, cells, fields or ticks to read at bounded cost.
        public static let docxTooLarge = Code(rawValue: "docx.too-large")

        // PDF
        public static let pdfEncrypted = Code(rawValue: "pdf.encrypted")
        public static let pdfDamaged = Code(rawValue: "pdf.damaged")
        public static let pdfTooManyPages = Code(rawValue: "pdf.too-many-pages")
        /// Pages with no text layer and no form fields: a scan.
        public static let pdfImageOnly = Code(rawValue: "pdf.image-only")
        public static let pdfNoPages = Code(rawValue: "pdf.no-pages")
        /// More text than the reader's cap: pages can share one content stream, so a small file
        /// can hold millions of characters.
        public static let pdfTooMuchText = Code(rawValue: "pdf.too-much-text")

        // E-mail
        public static let mailMalformed = Code(rawValue: "mail.malformed")
        public static let mailTooManyParts = Code(rawValue: "mail.too-many-parts")

        // Isolated readers
        /// A worker process reading one file died (a crash in a C library on hostile input).
        public static let readerCrashed = Code(rawValue: "reader.crashed")
        /// A worker process reading one file ran past its deadline and was stopped.
        public static let readerTimeout = Code(rawValue: "reader.timeout")

        // Configuration
        public static let mappingInvalid = Code(rawValue: "mapping.invalid")
        /// A date outside the years the working-day calendar covers.
        public static let calendarOutOfRange = Code(rawValue: "calendar.out-of-range")
        /// The calendar file does not follow its format.
        public static let calendarMalformed = Code(rawValue: "calendar.malformed")
        /// The calendar file could not be read.
        public static let calendarUnreadable = Code(rawValue: "calendar.unreadable")
        public static let storeFailed = Code(rawValue: "store.failed")
        public static let storeUnavailable = Code(rawValue: "store.unavailable")
        /// A command that reads stored records was pointed at a store that does not exist.
        public static let storeMissing = Code(rawValue: "store.missing")
        /// A `--store` location that is neither a SQLite file path nor a postgres:// URL.
        public static let storeLocation = Code(rawValue: "store.location")
    }
}
