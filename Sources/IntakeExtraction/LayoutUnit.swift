import Foundation
import IntakeDocument

/// One line of a form as extraction walks it: a table row, or a paragraph outside tables.
///
/// Forms put a label and its value in neighbouring cells, or a value in the unit below its
/// label, or after a colon in the same paragraph; flattening the body into one sequence of
/// units lets each of those placements be a simple step along the sequence.
struct LayoutUnit {
    var cells: [UnitCell]
    /// The area on the page (PDF), when the reader knows it.
    var rect: Rect?
    var page: Int?

    var text: String { cells.map(\.text).joined(separator: "\t") }
}

struct UnitCell {
    var paragraphs: [Paragraph] { didSet { text = Self.joined(paragraphs) } }
    var origin: Origin
    /// Non-empty paragraphs joined with newlines; kept, as matching asks for it again and again.
    private(set) var text: String

    init(paragraphs: [Paragraph], origin: Origin) {
        self.paragraphs = paragraphs
        self.origin = origin
        self.text = Self.joined(paragraphs)
    }

    private static func joined(_ paragraphs: [Paragraph]) -> String {
        // Most cells hold one paragraph: no arrays to build for it.
        if paragraphs.count == 1 { return paragraphs[0].text.trimmedWhitespace }
        return paragraphs.map { $0.text.trimmedWhitespace }.filter { !$0.isEmpty }.joined(separator: "\n")
    }
}

extension Document {
    /// The body as a flat sequence of units, in reading order. A row holding a nested table
    /// gives its cells' own paragraphs and the nested rows as units of their own.
    func layoutUnits() -> [LayoutUnit] {
        var units: [LayoutUnit] = []
        func visit(_ blocks: [Block]) {
            for block in blocks {
                switch block {
                case .paragraph(let paragraph):
                    let cell = UnitCell(paragraphs: [paragraph], origin: paragraph.origin)
                    units.append(LayoutUnit(cells: [cell], rect: paragraph.origin.rect, page: paragraph.origin.page))
                case .table(let table):
                    for row in table.rows { visitRow(row) }
                }
            }
        }
        func visitRow(_ row: TableRow) {
            let hasNested = row.cells.contains { cell in cell.blocks.contains { if case .table = $0 { true } else { false } } }
            if hasNested {
                for cell in row.cells { visit(cell.blocks) }
                return
            }
            let cells = row.cells.filter { !$0.continuesAbove }.map { cell in
                UnitCell(paragraphs: cell.blocks.compactMap { if case .paragraph(let p) = $0 { p } else { nil } },
                         origin: cell.origin)
            }
            guard !cells.isEmpty else { return }
            // A label merged down over this row ("Summary…" spanning two rows): the row's one
            // remaining cell carries on the value beside that label in the row above.
            if row.cells.first?.continuesAbove == true, cells.count == 1, let previous = units.indices.last,
               units[previous].cells.count >= 2, units[previous].cells.last?.origin.table == cells[0].origin.table {
                units[previous].cells[units[previous].cells.count - 1].paragraphs += cells[0].paragraphs
                return
            }
            let rects = cells.compactMap(\.origin.rect) + [row.origin.rect].compactMap { $0 }
            let rect = rects.dropFirst().reduce(rects.first) { $0?.union($1) }
            units.append(LayoutUnit(cells: cells, rect: rect, page: row.origin.page ?? cells.first?.origin.page))
        }
        visit(body)
        return units
    }
}
