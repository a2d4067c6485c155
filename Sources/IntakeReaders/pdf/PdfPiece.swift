import Foundation
import IntakeDocument

/// Part of one visual line as the table rebuilder sees it: the label-column text, the
/// value-column text, text running across both columns, or a prose line outside any table.
/// A filled-in form field's value is a value piece of its own.
struct PdfPiece {
    /// `side`: a label in a third column beside the rows it belongs to (a signature's label
    /// to the right of the party's name, role and agency rows). `party`: a heading in a column
    /// left of the labels, merged down beside the party's rows.
    enum Role { case label, value, full, paragraph, side, party }

    var role: Role
    var page: Int
    var rect: Rect
    var words: [PdfWord]
    /// The value of a text or choice field (not part of the page text); nil for page text.
    var fieldText: String?
    /// Index into the reader's field list, for field pieces.
    var fieldIndex: Int?

    var font: Int? { PdfLine.dominantFont(words) }
    var startsWithTick: Bool { words.first?.tick != nil }
    /// A line that starts with an "X" typed before an option ("X Stage 3: …") is an option of
    /// its own, not the wrapped end of the option above it.
    var startsWithTypedMark: Bool {
        guard let first = words.first?.text, words.count > 1 else { return false }
        return ["X", "x", "[X]", "[x]", "(X)", "(x)", "✓", "✔"].contains(first)
    }
    var startsWithBullet: Bool {
        guard let first = words.first?.text.unicodeScalars.first else { return false }
        return ["•", "▪", "◦", "●", "‣", "\u{F0B7}", "\u{F0A7}"].contains(first)
    }
}

/// The two columns of the document's label | value tables, found from the geometry: where
/// the second span of label/value lines starts and where text fields begin.
struct PdfColumnModel {
    /// Left edge of the value column, nil when the document has no two-column layout.
    let valueX: Double?
    /// Left edge of a third column of labels right of the values, nil when there is none.
    private(set) var sideX: Double?
    /// Left edge of the labels beside a column of party headings, nil when there is none.
    private(set) var innerX: Double?
    /// Fonts seen in label cells and in value cells (the forms set labels in bold).
    private(set) var labelFonts: Set<Int> = []
    private(set) var valueFonts: Set<Int> = []

    init(lines: [PdfLine], fields: [PlacedField]) {
        var votes: [Double] = []
        for line in lines where line.spans.count >= 2 {
            let first = PdfLayoutBuilder.union(line.spans[0].map(\.rect))
            let second = line.spans[1][0].rect.x0
            let letters = line.spans[0].contains { $0.tick == nil && $0.text.unicodeScalars.contains { CharacterSet.letters.contains($0) } }
            if letters && first.width >= 20 && second - first.x0 >= 60 { votes.append(second) }
        }
        for placed in fields where placed.field.kind != .checkbox && placed.field.kind != .radio {
            votes.append(placed.rect.x0)
        }
        valueX = Self.dominant(votes)
        guard let valueX else { return }
        sideX = Self.sideColumn(lines, valueX: valueX)
        innerX = Self.innerColumn(lines, valueX: valueX)
        learnFonts(lines, fields: fields, valueX: valueX)
        // A third column is one of labels: in a value font it is more of the values.
        if let sideX, !isLabelFont(PdfLine.dominantFont(lines.flatMap { Self.sideSpans($0, sideX).flatMap { $0 } })) {
            self.sideX = nil
            learnFonts(lines, fields: fields, valueX: valueX)
        }
    }

    private mutating func learnFonts(_ lines: [PdfLine], fields: [PlacedField], valueX: Double) {
        labelFonts = []
        valueFonts = []
        let boxesByPage = Dictionary(grouping: fields.filter {
            ($0.field.kind == .text || $0.field.kind == .choice) && $0.rect.x0 >= valueX - 6
        }, by: \.page)
        for line in lines {
            let (left, right) = Self.split(splitSide(line).main, at: valueX)
            guard !left.isEmpty, let labelFont = PdfLine.dominantFont(left) else { continue }
            if !right.isEmpty {
                labelFonts.insert(labelFont)
                if let valueFont = PdfLine.dominantFont(right) { valueFonts.insert(valueFont) }
            } else if boxesByPage[line.page, default: []].contains(where: {
                line.rect.y0 >= $0.rect.y0 - 4 && line.rect.y0 <= $0.rect.y1 }) {
                labelFonts.insert(labelFont)
            }
        }
    }

    /// Words left of the value column, and words in it.
    static func split(_ line: PdfLine, at valueX: Double) -> (left: [PdfWord], right: [PdfWord]) {
        var left: [PdfWord] = [], right: [PdfWord] = []
        for span in line.spans {
            if span[0].rect.x0 < valueX - 6 { left += span } else { right += span }
        }
        return (left, right)
    }

    /// A font used only for labels: a left-only line in it is a label, not a value below one.
    func isLabelFont(_ font: Int?) -> Bool { font.map { labelFonts.contains($0) && !valueFonts.contains($0) } ?? false }
    func isValueFont(_ font: Int?) -> Bool { font.map { valueFonts.contains($0) && !labelFonts.contains($0) } ?? false }
    /// True when labels and values are told apart by font.
    var isStyled: Bool { !labelFonts.subtracting(valueFonts).isEmpty }

    /// Splits a visual line into pieces by column.
    func pieces(of line: PdfLine) -> [PdfPiece] {
        let (main, side) = splitSide(line)
        guard !side.isEmpty else { return mainPieces(of: line) }
        let piece = PdfPiece(role: .side, page: line.page, rect: PdfLayoutBuilder.union(side.map(\.rect)), words: side)
        return main.spans.isEmpty ? [piece] : mainPieces(of: main) + [piece]
    }

    private func mainPieces(of line: PdfLine) -> [PdfPiece] {
        if let (party, rest) = partySplit(line) {
            let piece = PdfPiece(role: .party, page: line.page, rect: PdfLayoutBuilder.union(party.map(\.rect)), words: party)
            return [piece] + mainPieces(of: rest)
        }
        func piece(_ role: PdfPiece.Role, _ words: [PdfWord]) -> PdfPiece {
            PdfPiece(role: role, page: line.page, rect: PdfLayoutBuilder.union(words.map(\.rect)), words: words)
        }
        guard let valueX else { return [piece(.paragraph, line.words)] }
        let (left, right) = Self.split(line, at: valueX)
        if left.isEmpty { return [piece(.value, right)] }
        let leftRect = PdfLayoutBuilder.union(left.map(\.rect))
        let font = PdfLine.dominantFont(left)
        if !right.isEmpty && leftRect.x1 < valueX + 6 { return [piece(.label, left), piece(.value, right)] }
        if isLabelFont(font) { return right.isEmpty ? [piece(.label, left)] : [piece(.label, left), piece(.value, right)] }
        if isValueFont(font) { return [piece(.full, line.words)] }
        if isStyled { return [piece(.paragraph, line.words)] }
        return [piece(leftRect.x1 > valueX + 6 ? .full : .label, line.words)]
    }

    /// The most common position (within 3 pt); at least `minimum` votes. Ties go to the vote
    /// seen first. Votes near each one are counted in a sorted copy (a page may give thousands).
    static func dominant(_ votes: [Double], minimum: Int = 2) -> Double? {
        let sorted = votes.sorted()
        /// The first index where `isPast` holds; it must hold for every later index too.
        func firstIndex(where isPast: (Double) -> Bool) -> Int {
            var low = 0, high = sorted.count
            while low < high {
                let middle = (low + high) / 2
                if isPast(sorted[middle]) { high = middle } else { low = middle + 1 }
            }
            return low
        }
        var best: (count: Int, x: Double)?
        for vote in votes {
            // The same test as abs(x - vote) <= 3, split into its two monotone halves.
            let lower = firstIndex { $0 - vote >= -3 }, upper = firstIndex { $0 - vote > 3 }
            let count = upper - lower
            if count >= minimum, count > best?.count ?? 0 { best = (count, sorted[lower]) }
        }
        return best?.x
    }
}
