import Foundation
import IntakeDocument

/// A third column of labels right of the values: the signature label of a party block set
/// beside its name, role and agency rows, with the picture under that label.
extension PdfColumnModel {
    /// How far right of the first value span a span must start to open another column.
    static let sideGap = 60.0

    /// Where spans that start well right of a value on the same line begin, on two lines or more.
    static func sideColumn(_ lines: [PdfLine], valueX: Double) -> Double? {
        var votes: [Double] = []
        for line in lines {
            let right = line.spans.filter { $0[0].rect.x0 >= valueX - 6 }
            guard let first = right.first?[0].rect.x0 else { continue }
            if let span = right.dropFirst().first(where: { $0[0].tick == nil && $0[0].rect.x0 - first >= sideGap && hasLetters($0) }) {
                votes.append(span[0].rect.x0)
            }
        }
        return dominant(votes)
    }

    /// The line's spans in the side column (a tick box there is an option, not a label).
    static func sideSpans(_ line: PdfLine, _ sideX: Double) -> [[PdfWord]] {
        line.spans.filter { $0[0].rect.x0 >= sideX - 6 && $0[0].tick == nil && hasLetters($0) }
    }

    /// The line without its side-column spans.
    func withoutSide(_ line: PdfLine) -> PdfLine {
        guard let sideX else { return line }
        let side = Self.sideSpans(line, sideX)
        guard !side.isEmpty else { return line }
        var main = line
        main.spans = line.spans.filter { span in !side.contains { $0[0].rect == span[0].rect } }
        if !main.spans.isEmpty { main.rect = PdfLayoutBuilder.union(main.words.map(\.rect)) }
        return main
    }

    private static func hasLetters(_ span: [PdfWord]) -> Bool {
        span.contains { $0.tick == nil && $0.text.unicodeScalars.contains { CharacterSet.letters.contains($0) } }
    }
}
