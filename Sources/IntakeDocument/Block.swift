/// One piece of a document's flow: a paragraph or a table.
public enum Block: Sendable, Equatable {
    case paragraph(Paragraph)
    case table(Table)

    /// The plain text, table cells separated by tabs and rows by newlines.
    public var text: String {
        switch self {
        case .paragraph(let paragraph): paragraph.text
        case .table(let table): table.rows.map { $0.cells.map(\.text).joined(separator: "\t") }.joined(separator: "\n")
        }
    }
}

extension Block: Codable {
    private enum CodingKeys: String, CodingKey { case type, paragraph, table }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        switch try container.decode(String.self, forKey: .type) {
        case "table": self = .table(try container.decode(Table.self, forKey: .table))
        default: self = .paragraph(try container.decode(Paragraph.self, forKey: .paragraph))
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        switch self {
        case .paragraph(let paragraph):
            try container.encode("paragraph", forKey: .type)
            try container.encode(paragraph, forKey: .paragraph)
        case .table(let table):
            try container.encode("table", forKey: .type)
            try container.encode(table, forKey: .table)
        }
    }
}

/// A run of text as a person reads it: one Word paragraph, or one line group of a PDF.
public struct Paragraph: Sendable, Codable, Equatable {
    /// The text with ticks written as ☒/☐ (see ``Document``). Line breaks inside the
    /// paragraph (`w:br`) are "\n"; tabs are "\t".
    public var text: String
    public var ticks: [Tick]
    /// The paragraph style name where the reader knows it (`Heading1`, `Title`).
    public var style: String?
    public var origin: Origin

    public init(text: String, ticks: [Tick] = [], style: String? = nil, origin: Origin) {
        self.text = text
        self.ticks = ticks
        self.style = style
        self.origin = origin
    }
}

/// A table with merged cells resolved.
public struct Table: Sendable, Codable, Equatable {
    public var rows: [TableRow]
    public var origin: Origin

    public init(rows: [TableRow], origin: Origin) {
        self.rows = rows
        self.origin = origin
    }
}

public struct TableRow: Sendable, Codable, Equatable {
    public var cells: [TableCell]
    public var origin: Origin

    public init(cells: [TableCell], origin: Origin) {
        self.cells = cells
        self.origin = origin
    }
}

/// One cell. Horizontal merges (`gridSpan`) give one cell with ``columnSpan`` > 1. A vertical
/// merge gives the first cell ``rowSpan`` > 1 with all the content; the cells it covers in
/// later rows stay in place, empty, with ``continuesAbove`` set, so column positions hold.
public struct TableCell: Sendable, Codable, Equatable {
    public var blocks: [Block]
    /// The first grid column this cell occupies.
    public var gridColumn: Int
    public var columnSpan: Int
    public var rowSpan: Int
    public var continuesAbove: Bool
    public var origin: Origin

    public init(
        blocks: [Block], gridColumn: Int, columnSpan: Int = 1, rowSpan: Int = 1,
        continuesAbove: Bool = false, origin: Origin
    ) {
        self.blocks = blocks
        self.gridColumn = gridColumn
        self.columnSpan = columnSpan
        self.rowSpan = rowSpan
        self.continuesAbove = continuesAbove
        self.origin = origin
    }

    /// The cell's paragraphs joined with newlines.
    public var text: String { blocks.map(\.text).joined(separator: "\n") }

    /// Every tick in the cell, nested tables included.
    public var ticks: [Tick] {
        blocks.flatMap { block -> [Tick] in
            switch block {
            case .paragraph(let paragraph): paragraph.ticks
            case .table(let table): table.rows.flatMap { $0.cells.flatMap(\.ticks) }
            }
        }
    }
}
