/// Where a piece of a document came from, so that every extracted value can say where it was found.
///
/// Indices are zero-based. `table` counts the tables of one part (DOCX) or of the whole
/// document (PDF) in reading order; nested tables count too.
public struct Origin: Sendable, Codable, Equatable, Hashable {
    /// The package part (`word/document.xml`, `word/header1.xml`) of a DOCX.
    public var part: String?
    /// The 1-based page of a PDF.
    public var page: Int?
    public var table: Int?
    public var row: Int?
    public var cell: Int?
    /// A form field's name, or a content control's tag or alias.
    public var field: String?
    /// Page area, in points from the top-left corner of the page (PDF only).
    public var rect: Rect?
    /// The `w:id` of the footnote or endnote this came from (DOCX; see ``Document/notes``).
    public var note: Int?
    /// The 0-based ordinal of the paragraph, outside tables, that holds this (DOCX), so that a
    /// picture pasted into a "Signed:" paragraph can be placed beside its label.
    public var paragraph: Int?

    public init(
        part: String? = nil, page: Int? = nil, table: Int? = nil, row: Int? = nil,
        cell: Int? = nil, field: String? = nil, rect: Rect? = nil, note: Int? = nil, paragraph: Int? = nil
    ) {
        self.paragraph = paragraph
        self.part = part
        self.page = page
        self.table = table
        self.row = row
        self.cell = cell
        self.field = field
        self.rect = rect
        self.note = note
    }
}

/// A rectangle in page space: points, origin at the top-left corner, y growing downwards.
public struct Rect: Sendable, Codable, Equatable, Hashable {
    public var x0: Double
    public var y0: Double
    public var x1: Double
    public var y1: Double

    public init(x0: Double, y0: Double, x1: Double, y1: Double) {
        self.x0 = min(x0, x1)
        self.y0 = min(y0, y1)
        self.x1 = max(x0, x1)
        self.y1 = max(y0, y1)
    }

    public var width: Double { x1 - x0 }
    public var height: Double { y1 - y0 }
    public var midX: Double { (x0 + x1) / 2 }
    public var midY: Double { (y0 + y1) / 2 }

    public func union(_ other: Rect) -> Rect {
        Rect(x0: min(x0, other.x0), y0: min(y0, other.y0), x1: max(x1, other.x1), y1: max(y1, other.y1))
    }

    /// The area both rectangles share, or nil when they do not overlap.
    public func intersection(_ other: Rect) -> Rect? {
        let a = max(x0, other.x0), b = max(y0, other.y0), c = min(x1, other.x1), d = min(y1, other.y1)
        return a < c && b < d ? Rect(x0: a, y0: b, x1: c, y1: d) : nil
    }

    public func contains(x: Double, y: Double) -> Bool {
        x >= x0 && x <= x1 && y >= y0 && y <= y1
    }
}
