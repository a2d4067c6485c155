import Foundation
import IntakeDocument

/// Rebuilds what a person sees on form pages: label | value tables and the prose around them.
///
/// Generic geometry, no form knowledge: the value column is where second spans and text fields
/// start (``PdfColumnModel``); a new row starts where label-column text follows a gap larger
/// than the label font's line pitch, once the value beside the previous label has ended; text
/// across both columns in the value font is a full-width row (a value below its label).
/// Rows run on across pages. Field values join the row of the label beside them.
struct PdfTableRebuilder {
    struct Result {
        var body: [Block]
        /// For each object passed in, the table/row/cell it lies in (nil outside tables).
        var objectCells: [Origin?]
        var fieldCells: [Int: Origin]
    }

    final class RowBuild {
        var spanning: Bool
        /// A party heading from a column left of the labels.
        var isParty = false
        private(set) var label: [PdfPiece] = []
        private(set) var value: [PdfPiece] = []
        /// Side-column text that starts in this row (it may run down beside the rows after).
        private(set) var side: [PdfPiece] = []
        var objects: [(index: Int, rect: Rect)] = []
        /// Top and bottom of all pieces and bottom of the value pieces (page keys), kept as
        /// pieces are added: a row may gather thousands of pieces and is asked at each one.
        private(set) var top: Double = 0
        private(set) var bottom: Double = 0
        private(set) var valueBottom: Double = -1
        init(spanning: Bool) { self.spanning = spanning }
        var pieces: [PdfPiece] { label + value }
        var isEmpty: Bool { label.isEmpty && value.isEmpty && side.isEmpty }

        func addLabel(_ piece: PdfPiece) {
            extend(with: piece)
            label.append(piece)
        }

        func addValue(_ piece: PdfPiece) {
            extend(with: piece)
            value.append(piece)
            valueBottom = max(valueBottom, PdfTableRebuilder.key(piece.page, piece.rect.y1))
        }

        func addSide(_ piece: PdfPiece) {
            if isEmpty { extend(with: piece) }
            side.append(piece)
        }

        private func extend(with piece: PdfPiece) {
            let pieceTop = PdfTableRebuilder.key(piece.page, piece.rect.y0)
            let pieceBottom = PdfTableRebuilder.key(piece.page, piece.rect.y1)
            (top, bottom) = isEmpty ? (pieceTop, pieceBottom) : (min(top, pieceTop), max(bottom, pieceBottom))
        }
    }

    enum Segment { case prose([PdfPiece]), table([RowBuild]) }

    let lines: [PdfLine]
    let fields: [PlacedField]
    /// Pictures, ink and signature widgets to place in cells: page and rect.
    let objects: [(page: Int, rect: Rect)]

    static func key(_ page: Int, _ y: Double) -> Double { Double(page) * 100_000 + y }

    func build() -> Result {
        let columns = PdfColumnModel(lines: lines, fields: fields)
        var events: [(key: Double, pieces: [PdfPiece])] = lines.map { (Self.key($0.page, $0.rect.y0), columns.pieces(of: $0)) }
        if columns.valueX != nil {
            for (index, placed) in fields.enumerated() {
                guard let text = placed.shownText else { continue }
                let piece = PdfPiece(role: .value, page: placed.page, rect: placed.rect, words: [], fieldText: text, fieldIndex: index)
                // A field box starts a little above the label beside it: sort it by the middle of
                // its first line, after that label.
                events.append((Self.key(placed.page, placed.rect.y0) + min(placed.rect.height, 16) / 2, [piece]))
            }
        }
        events.sort { $0.key < $1.key }
        let pitch = PdfPitchModel(pieces: events.flatMap(\.pieces))
        let segments = segment(events, columns: columns, pitch: pitch)
        return emit(segments, columns: columns, pitch: pitch)
    }

    // MARK: - Rows

    private func segment(_ events: [(key: Double, pieces: [PdfPiece])], columns: PdfColumnModel, pitch: PdfPitchModel) -> [Segment] {
        // A table is where values sit beside labels: value pieces, labels in a label-only font,
        // and labels level with a form field (filled or not).
        let boxesByPage = Dictionary(grouping: fields.filter { !$0.isTickBox }, by: \.page)
        let besideField: (PdfPiece) -> Bool = { piece in
            boxesByPage[piece.page, default: []].contains {
                piece.rect.y0 >= $0.rect.y0 - 4 && piece.rect.y0 <= $0.rect.y1 && $0.rect.x0 > piece.rect.x1
            }
        }
        let isEvidence: ([PdfPiece]) -> Bool = { pieces in
            pieces.contains { $0.role == .value || $0.role == .label && (columns.isLabelFont($0.font) || besideField($0)) }
        }
        guard let first = events.firstIndex(where: { isEvidence($0.pieces) }),
              let last = events.lastIndex(where: { isEvidence($0.pieces) }) else {
            return [.prose(events.flatMap(\.pieces))]
        }
        var rows: [RowBuild] = []
        for event in events[first...last] {
            // Prose-styled text between label | value rows stays in the table as a full-width row.
            place(event.pieces, into: &rows, pitch: pitch)
        }
        let segments: [Segment] = [
            .prose(events[..<first].flatMap { $0.pieces.map(Self.asProse) }),
            .table(rows),
            .prose(events[(last + 1)...].flatMap { $0.pieces.map(Self.asProse) }),
        ]
        return segments
    }

    private static func asProse(_ piece: PdfPiece) -> PdfPiece {
        var piece = piece
        piece.role = .paragraph
        return piece
    }

    private func place(_ pieces: [PdfPiece], into rows: inout [RowBuild], pitch: PdfPitchModel) {
        for party in pieces where party.role == .party { placeParty(party, into: &rows, pitch: pitch) }
        let main = pieces.filter { $0.role != .side && $0.role != .party }
        if !main.isEmpty { placeMain(main, into: &rows, pitch: pitch) }
        for side in pieces where side.role == .side { placeSide(side, into: &rows, pitch: pitch) }
    }

    /// Side text joins the side text above it while it wraps on (a label of two lines beside
    /// two rows), else it starts beside the current row.
    private func placeSide(_ piece: PdfPiece, into rows: inout [RowBuild], pitch: PdfPitchModel) {
        let owner = rows.lastIndex { !$0.side.isEmpty || $0.spanning }.map { rows[$0] }
        if let owner, !owner.spanning, let last = owner.side.last, last.page == piece.page, !pitch.isBreak(after: last, before: piece) {
            owner.addSide(piece)
        } else if let current = rows.last, !current.spanning {
            current.addSide(piece)
        } else {
            let row = RowBuild(spanning: false)
            row.addSide(piece)
            rows.append(row)
        }
    }

    /// A party heading is a row across the table above the party's rows, joined by the lines
    /// that wrap it on beside them.
    private func placeParty(_ piece: PdfPiece, into rows: inout [RowBuild], pitch: PdfPitchModel) {
        if let owner = rows.last(where: { $0.isParty }), let last = owner.value.last, last.page == piece.page,
           !pitch.isBreak(after: last, before: piece), rows.lastIndex(where: { $0.spanning }) == rows.lastIndex(where: { $0.isParty }) {
            owner.addValue(piece)
            return
        }
        let row = RowBuild(spanning: true)
        row.isParty = true
        row.addValue(piece)
        rows.append(row)
    }

    private func placeMain(_ pieces: [PdfPiece], into rows: inout [RowBuild], pitch: PdfPitchModel) {
        let current = rows.last
        if let full = pieces.first(where: { $0.role == .full || $0.role == .paragraph }) {
            if let current, current.spanning, let last = current.value.last,
               key(full) - key(last) <= 2.5 * last.rect.height {
                current.addValue(full)
            } else {
                let row = RowBuild(spanning: true)
                row.addValue(full)
                rows.append(row)
            }
            return
        }
        let value = pieces.first { $0.role == .value }
        if let label = pieces.first(where: { $0.role == .label }) {
            var target = current
            if let row = current, !row.spanning {
                if let previous = row.label.last {
                    let endsAbove = row.valueBottom <= Self.key(label.page, label.rect.y0) + 1.5
                    if pitch.isBreak(after: previous, before: label) && endsAbove || previous.page != label.page { target = nil }
                } else if row.top < key(label) - 8 {
                    target = nil
                }
            } else {
                target = nil
            }
            let row = target ?? RowBuild(spanning: false)
            if target == nil { rows.append(row) }
            row.addLabel(label)
            if let value { row.addValue(value) }
            return
        }
        guard let value else { return }
        if let current, !current.spanning {
            current.addValue(value)
        } else {
            let row = RowBuild(spanning: false)
            row.addValue(value)
            rows.append(row)
        }
    }

    private func key(_ piece: PdfPiece) -> Double { Self.key(piece.page, piece.rect.y0) }
}
