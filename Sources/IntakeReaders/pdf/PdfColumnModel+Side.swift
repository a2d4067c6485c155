import Foundation
import IntakeDocument

/// Party blocks exported from Word with merged cells: a third column of labels right of the
/// values (the party's signature label beside its name, role and agency rows, with the
/// picture under that label), or a column of party headings left of the labels.
extension PdfColumnModel {
    /// How far right of the first value span a span must start to open another column.
    static let sideGap = 60.0

    /// Where spans that start well right of a value on the same line begin. One line is
    /// enough (a single signature label); the column must then be set in a label font.
    static func sideColumn(_ lines: [PdfLine], valueX: Double) -> Double? {
        var votes: [Double] = []
        for line in lines {
            let right = line.spans.filter { $0[0].rect.x0 >= valueX - 6 }
            guard let first = right.first?[0].rect.x0 else { continue }
            if let span = right.dropFirst().first(where: { $0[0].tick == nil && $0[0].rect.x0 - first >= sideGap && hasLetters($0) }) {
                votes.append(span[0].rect.x0)
            }
        }
        return dominant(votes, minimum: 1)
    }

    /// Where labels start that have a heading on their left on the same line, on two lines or more.
    static func innerColumn(_ lines: [PdfLine], valueX: Double) -> Double? {
        var votes: [Double] = []
        for line in lines {
            let left = line.spans.filter { $0[0].rect.x0 < valueX - 6 }
            guard left.count >= 2, left[0][0].tick == nil, hasLetters(left[0]), hasLetters(left[1]),
                  left[1][0].rect.x0 - left[0][0].rect.x0 >= sideGap, left[1][0].rect.x0 < valueX - sideGap else { continue }
            votes.append(left[1][0].rect.x0)
        }
        return dominant(votes)
    }

    /// A party heading's words and the rest of the line, when the line has both.
    func partySplit(_ line: PdfLine) -> (party: [PdfWord], rest: PdfLine)? {
        guard let innerX, line.spans.count >= 2, line.spans[0][0].rect.x0 < innerX - 6,
              line.spans.dropFirst().contains(where: { abs($0[0].rect.x0 - innerX) <= 6 }) else { return nil }
        var rest = line
        rest.spans = line.spans.filter { $0[0].rect.x0 >= innerX - 6 }
        rest.rect = PdfLayoutBuilder.union(rest.words.map(\.rect))
        return (line.spans.filter { $0[0].rect.x0 < innerX - 6 }.flatMap { $0 }, rest)
    }

    /// Whether a span lies in the side column (a tick box there is an option, not a label).
    static func isSide(_ span: [PdfWord], _ sideX: Double) -> Bool {
        span[0].rect.x0 >= sideX - 6 && span[0].tick == nil && hasLetters(span)
    }

    /// The line's side-column spans.
    static func sideSpans(_ line: PdfLine, _ sideX: Double) -> [[PdfWord]] {
        line.spans.filter { isSide($0, sideX) }
    }

    /// The line without its side-column spans, and those spans' words.
    func splitSide(_ line: PdfLine) -> (main: PdfLine, side: [PdfWord]) {
        guard let sideX, line.spans.contains(where: { Self.isSide($0, sideX) }) else { return (line, []) }
        var main = line
        main.spans = line.spans.filter { !Self.isSide($0, sideX) }
        if !main.spans.isEmpty { main.rect = PdfLayoutBuilder.union(main.words.map(\.rect)) }
        return (main, line.spans.filter { Self.isSide($0, sideX) }.flatMap { $0 })
    }

    private static func hasLetters(_ span: [PdfWord]) -> Bool {
        span.contains { $0.tick == nil && $0.text.unicodeScalars.contains { CharacterSet.letters.contains($0) } }
    }
}
