import Foundation
import IntakeDocument

/// Builds one `w:tbl`, resolving horizontal (`gridSpan`) and vertical (`vMerge`) merges.
///
/// Grid columns are counted per row from `w:gridBefore`. A `vMerge` restart opens a merge at its
/// grid column; each later continuing cell adds one to the first cell's ``TableCell/rowSpan``,
/// hands it any content, and stays in place empty with ``TableCell/continuesAbove`` set.
final class TableBuilder {
    enum VerticalMerge { case none, restart, continuing }

    /// Widest `w:gridSpan` honoured (Word's own grid stops at 63 columns).
    static let maxGridSpan = 64

    struct RowState {
        var cells: [TableCell] = []
        var nextGridColumn = 0
        /// `w:trPr/w:del`: a row deleted with Track Changes, dropped whole.
        var isDeleted = false
    }

    let index: Int
    let origin: Origin
    private(set) var rows: [TableRow] = []
    var row: RowState?
    /// Grid column → (row, cell) of the cell that started a vertical merge there.
    private var openMerges: [Int: (row: Int, cell: Int)] = [:]

    /// - parameter origin: where the table sits (its part, and note when in one).
    init(index: Int, origin: Origin) {
        self.index = index
        var origin = origin
        origin.table = index
        self.origin = origin
    }

    /// The origin of the cell about to be added to the current row.
    var nextCellOrigin: Origin {
        var cellOrigin = origin
        cellOrigin.row = rows.count
        cellOrigin.cell = row?.cells.count ?? 0
        return cellOrigin
    }

    func startRow() { row = RowState() }

    func finishRow() {
        defer { row = nil }
        guard let row, !row.isDeleted else { return }
        var rowOrigin = origin
        rowOrigin.row = rows.count
        rows.append(TableRow(cells: row.cells, origin: rowOrigin))
    }

    /// Adds a cell to the open row. The row is changed in place (`row!`): a local copy would
    /// share the cell array, so every append would copy it and a long row would cost O(n²).
    func addCell(blocks: [Block], span: Int, merge: VerticalMerge) {
        guard row != nil else { return }
        let origin = nextCellOrigin
        let column = row!.nextGridColumn
        let span = max(1, min(span, Self.maxGridSpan))
        row!.nextGridColumn += span
        if merge == .continuing, let start = openMerges[column], start.row < rows.count,
           start.cell < rows[start.row].cells.count {
            rows[start.row].cells[start.cell].rowSpan += 1
            if blocks.contains(where: { !$0.text.trimmedWhitespace.isEmpty }) {
                rows[start.row].cells[start.cell].blocks += blocks
            }
            row!.cells.append(TableCell(blocks: [], gridColumn: column, columnSpan: span, continuesAbove: true, origin: origin))
        } else {
            for covered in column..<(column + span) { openMerges[covered] = nil }
            if merge == .restart { openMerges[column] = (rows.count, row!.cells.count) }
            row!.cells.append(TableCell(blocks: blocks, gridColumn: column, columnSpan: span, origin: origin))
        }
    }

    func finish() -> Table { Table(rows: rows, origin: origin) }
}
