import Foundation
import IntakeDocument

extension PdfTableRebuilder {
    /// Places objects in rows, turns a label-only row above a full-width value into one
    /// full-width cell, and writes the blocks with their origins.
    fileprivate typealias Band = (table: Int, row: Int, top: Double, bottom: Double)

    func emit(_ segments: [Segment], columns: PdfColumnModel, pitch: PdfPitchModel) -> Result {
        var objectCells = [Origin?](repeating: nil, count: objects.count)
        var fieldCells: [Int: Origin] = [:]
        var body: [Block] = []
        var tableIndex = 0
        for segment in segments {
            switch segment {
            case .prose(let pieces):
                body += PdfParagraphAssembler.paragraphs(of: pieces, pitch: pitch, origin: Origin())
                    .filter { !$0.text.isEmpty }.map(Block.paragraph)
            case .table(let rows):
                assignObjects(to: rows, columns: columns)
                let sides = sideCells(rows, columns: columns)
                for (index, row) in rows.enumerated() where !row.spanning && row.value.isEmpty
                    && !row.objects.contains(where: { cellIndex(of: $0.rect, in: row, columns: columns) == 1 }) {
                    if index + 1 < rows.count, rows[index + 1].spanning { row.spanning = true }
                }
                var tableRows: [TableRow] = []
                for (rowIndex, row) in rows.enumerated() {
                    let base = Origin(page: (row.pieces.first?.page ?? row.objects.first.map { objects[$0.index].page }),
                                      table: tableIndex, row: rowIndex)
                    let sideCell = sides[rowIndex]
                    let cellPieces: [[PdfPiece]] = row.spanning ? [row.pieces]
                        : [row.label, row.value] + (sideCell.map { $0.continues ? [] : [row.side] } ?? [])
                    var cells: [TableCell] = []
                    for (cellIndex, pieces) in cellPieces.enumerated() {
                        var origin = base
                        origin.cell = cellIndex
                        if let page = pieces.first?.page { origin.page = page }
                        var rects = pieces.filter { $0.page == origin.page }.map(\.rect)
                        for object in row.objects where self.cellIndex(of: object.rect, in: row, columns: columns) == cellIndex {
                            objectCells[object.index] = origin
                            if objects[object.index].page == origin.page { rects.append(object.rect) }
                        }
                        origin.rect = rects.isEmpty ? nil : PdfLayoutBuilder.union(rects)
                        for case let index? in pieces.map(\.fieldIndex) { fieldCells[index] = origin }
                        let blocks = PdfParagraphAssembler.paragraphs(of: pieces, pitch: pitch, origin: origin).map(Block.paragraph)
                        cells.append(TableCell(blocks: blocks, gridColumn: cellIndex, columnSpan: row.spanning ? 2 : 1,
                                               rowSpan: cellIndex == 2 ? sideCell?.rows ?? 1 : 1, origin: origin))
                    }
                    if let sideCell, sideCell.continues {
                        var origin = base
                        origin.cell = 2
                        cells.append(TableCell(blocks: [], gridColumn: 2, continuesAbove: true, origin: origin))
                    }
                    var rowOrigin = base
                    rowOrigin.rect = Self.union(cells.compactMap { $0.origin.page == base.page ? $0.origin.rect : nil })
                    tableRows.append(TableRow(cells: cells, origin: rowOrigin))
                }
                var tableOrigin = Origin(page: tableRows.first?.origin.page, table: tableIndex)
                tableOrigin.rect = Self.union(tableRows.compactMap { $0.origin.page == tableOrigin.page ? $0.origin.rect : nil })
                body.append(.table(Table(rows: tableRows, origin: tableOrigin)))
                tableIndex += 1
            }
        }
        return Result(body: body, objectCells: objectCells, fieldCells: fieldCells)
    }

    private static func union(_ rects: [Rect]) -> Rect? { rects.isEmpty ? nil : PdfLayoutBuilder.union(rects) }

    /// Each object goes to the row whose vertical band (from its top to the next row's top)
    /// holds the object's centre.
    private func assignObjects(to rows: [RowBuild], columns: PdfColumnModel) {
        let tops = rows.map { $0.isEmpty ? .infinity : $0.top - 2 }
        let bottoms = rows.indices.map { $0 + 1 < rows.count ? rows[$0 + 1].top - 2 : rows[$0].bottom + 80 }
        // Rows are built top to bottom, so their bands normally follow each other without
        // gaps or overlaps and the band is found by bisection; otherwise the first band that
        // holds the centre wins, as a scan finds it.
        let ordered = zip(tops, tops.dropFirst()).allSatisfy { $0 <= $1 }
        for (index, object) in objects.enumerated() {
            let centre = Self.key(object.page, object.rect.midY)
            let rowIndex = ordered ? Self.lastBand(startingAtOrBefore: centre, tops: tops)
                : rows.indices.first { centre >= tops[$0] && centre < bottoms[$0] }
            if let rowIndex, centre >= tops[rowIndex] && centre < bottoms[rowIndex] {
                rows[rowIndex].objects.append((index, object.rect))
            }
        }
    }

    /// In sorted `tops`, the last index whose top is at or above `centre`.
    private static func lastBand(startingAtOrBefore centre: Double, tops: [Double]) -> Int? {
        var low = 0, high = tops.count
        while low < high {
            let middle = (low + high) / 2
            if tops[middle] <= centre { low = middle + 1 } else { high = middle }
        }
        return low > 0 ? low - 1 : nil
    }

    private func cellIndex(of rect: Rect, in row: RowBuild, columns: PdfColumnModel) -> Int {
        guard !row.spanning, let valueX = columns.valueX else { return 0 }
        if let sideX = columns.sideX, rect.midX >= sideX - 6 { return 2 }
        return rect.midX >= valueX - 6 ? 1 : 0
    }

    /// For each row, its side-column cell: one that starts there (with the rows it spans, as
    /// a vertically merged cell), one that continues from above, or none. A picture in the
    /// side column belongs to the side cell it sits under, as in the Word table it came from.
    private func sideCells(_ rows: [RowBuild], columns: PdfColumnModel) -> [(continues: Bool, rows: Int)?] {
        guard columns.sideX != nil else { return rows.map { _ in nil } }
        var owner: Int?
        var result: [(continues: Bool, rows: Int)?] = Array(repeating: nil, count: rows.count)
        for (index, row) in rows.enumerated() {
            if row.spanning { owner = nil; continue }
            let sideObjects = row.objects.filter { cellIndex(of: $0.rect, in: row, columns: columns) == 2 }
            if !row.side.isEmpty || owner == nil && !sideObjects.isEmpty {
                owner = index
                result[index] = (false, 1)
                continue
            }
            guard let start = owner else { continue }
            result[start]?.rows += 1
            result[index] = (true, 1)
            rows[start].objects += sideObjects
            row.objects.removeAll { object in sideObjects.contains { $0.index == object.index } }
        }
        return result
    }
}
