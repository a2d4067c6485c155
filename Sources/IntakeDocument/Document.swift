import Foundation

/// What a reader saw in one file, before anyone knows which form it is.
///
/// Every reader (DOCX, PDF) produces this one model. Readers know nothing of forms: they
/// report paragraphs, tables, ticks, form fields, pictures and signature evidence, each
/// with the ``Origin`` it came from, and leave the meaning to extraction.
///
/// Text conventions shared by all readers:
/// - A recognised tick box is written into the text as ``Tick/checkedMark`` (☒) or
///   ``Tick/uncheckedMark`` (☐), followed by a space, wherever it stood, and listed in the
///   paragraph's ``Paragraph/ticks``.
/// - Placeholder text of a content control is left out (it is not what the person wrote).
/// - Deleted tracked changes are left out; inserted ones are kept.
public struct Document: Sendable, Codable, Equatable {
    public var format: DocumentFormat
    public var metadata: DocumentMetadata
    /// The body in reading order.
    public var body: [Block]
    /// Page headers and footers, kept apart from the body (a partnership's name often lives here).
    public var headers: [Block]
    public var footers: [Block]
    /// Fillable fields: AcroForm fields in a PDF; content controls and legacy form fields in a DOCX.
    public var fields: [FormField]
    public var pictures: [Picture]
    public var signatures: [SignatureEvidence]
    /// Positioned text per page (PDF only): what the body's tables were rebuilt from.
    public var pages: [PageLayout]
    /// Footnotes, then endnotes (DOCX), each in the order of its part; Word's separator notes are
    /// left out. Kept out of ``body`` and ``plainText``: a note is read where its number points,
    /// not in the flow.
    public var notes: [Note]

    public init(
        format: DocumentFormat, metadata: DocumentMetadata = .init(), body: [Block] = [],
        headers: [Block] = [], footers: [Block] = [], fields: [FormField] = [],
        pictures: [Picture] = [], signatures: [SignatureEvidence] = [], pages: [PageLayout] = [],
        notes: [Note] = []
    ) {
        self.format = format
        self.metadata = metadata
        self.body = body
        self.headers = headers
        self.footers = footers
        self.fields = fields
        self.pictures = pictures
        self.signatures = signatures
        self.pages = pages
        self.notes = notes
    }
}

public enum DocumentFormat: String, Sendable, Codable, Equatable, CaseIterable {
    case docx
    case pdf
}

public struct DocumentMetadata: Sendable, Codable, Equatable {
    public var title: String?
    public var subject: String?
    public var author: String?
    public var lastModifiedBy: String?
    public var creator: String?
    public var producer: String?
    public var created: Date?
    public var modified: Date?
    public var pageCount: Int?

    public init(
        title: String? = nil, subject: String? = nil, author: String? = nil,
        lastModifiedBy: String? = nil, creator: String? = nil, producer: String? = nil,
        created: Date? = nil, modified: Date? = nil, pageCount: Int? = nil
    ) {
        self.title = title
        self.subject = subject
        self.author = author
        self.lastModifiedBy = lastModifiedBy
        self.creator = creator
        self.producer = producer
        self.created = created
        self.modified = modified
        self.pageCount = pageCount
    }
}
