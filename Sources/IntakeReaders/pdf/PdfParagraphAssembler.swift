import Foundation
import IntakeDocument

/// How far apart two lines of one paragraph sit, per column and font, learnt from the
/// document itself: the smallest line-to-line pitch seen. A larger pitch is a paragraph
/// break (or, in the label column, a new table row).
struct PdfPitchModel {
    private var wrapPitch: [String: Double] = [:]
    /// Line pitch over line height for wrapped lines, across the document (10th percentile):
    /// a column whose lines never wrap (labels of one line each) still gets a sensible pitch.
    private var wrapRatio = 1.32
    /// The right edge of prose across the document: where its wrapped lines end.
    private var proseEdge = 0.0

    init(pieces: [PdfPiece]) {
        var previous: [String: PdfPiece] = [:]
        var ratios: [Double] = []
        for piece in pieces where piece.fieldText == nil {
            if piece.role == .paragraph { proseEdge = max(proseEdge, piece.rect.x1) }
            let key = Self.key(piece)
            if let before = previous[key], before.page == piece.page {
                let pitch = piece.rect.y0 - before.rect.y0, height = before.rect.height
                if pitch >= 0.9 * height && pitch <= 1.6 * height {
                    wrapPitch[key] = min(wrapPitch[key] ?? pitch, pitch)
                    ratios.append(pitch / height)
                }
            }
            previous[key] = piece
        }
        ratios.sort()
        if !ratios.isEmpty { wrapRatio = ratios[ratios.count / 10] }
    }

    private static func key(_ piece: PdfPiece) -> String {
        let column = piece.role == .value ? "v" : piece.role == .label ? "l" : piece.role == .side ? "s" : piece.role == .party ? "p" : "f"
        return "\(column)\(piece.font.map(String.init) ?? "-")"
    }

    /// Whether `next` starts a new paragraph rather than continuing the line above it.
    func isBreak(after previous: PdfPiece, before next: PdfPiece) -> Bool {
        guard previous.page == next.page else { return false }
        let fromRatio = wrapRatio * previous.rect.height
        let expected = min(wrapPitch[Self.key(previous)] ?? fromRatio, fromRatio)
        return next.rect.y0 - previous.rect.y0 > expected * 1.12 + 0.3
    }

    /// Whether `next` starts a new paragraph: a paragraph gap, or a line above it that ended short.
    /// - parameter cellEdge: the right edge of the cell's own text (a table cell's width is
    ///   not known; its longest line is as far as the text is known to reach).
    func endsParagraph(after previous: PdfPiece, before next: PdfPiece, cellEdge: Double) -> Bool {
        isBreak(after: previous, before: next)
            || endsShort(previous, before: next, edge: previous.role == .paragraph ? max(proseEdge, cellEdge) : cellEdge)
    }

    /// A line is wrapped only when the next line's first word did not fit on it: a line that
    /// ends with room for that word to spare ended its paragraph ("Label: value" paragraphs
    /// set one under another with no space between them).
    private func endsShort(_ previous: PdfPiece, before next: PdfPiece, edge: Double) -> Bool {
        guard let first = next.words.first else { return false }
        let height = previous.rect.height
        return previous.rect.x1 + 0.3 * height + first.rect.width < edge - height
    }
}

/// Turns pieces of one cell (or of the prose between tables) into paragraphs: wrapped
/// lines join with a space, a paragraph gap, a tick box or a bullet starts a new paragraph.
/// Ticks are written as ☒/☐ plus a space and listed with the words after them.
enum PdfParagraphAssembler {
    static func paragraphs(of pieces: [PdfPiece], pitch: PdfPitchModel, origin: Origin) -> [Paragraph] {
        var groups: [[PdfPiece]] = []
        let cellEdge = pieces.filter { $0.fieldText == nil }.map(\.rect.x1).max() ?? 0
        for piece in pieces {
            if let last = groups.last?.last, piece.fieldText == nil, last.fieldText == nil,
               !pitch.endsParagraph(after: last, before: piece, cellEdge: cellEdge), !piece.startsWithTick, !piece.startsWithBullet, !piece.startsWithTypedMark,
               piece.role != .paragraph || piece.font == last.font {
                groups[groups.count - 1].append(piece)
            } else {
                groups.append([piece])
            }
        }
        return groups.flatMap { group -> [Paragraph] in
            var groupOrigin = origin
            groupOrigin.page = group[0].page
            groupOrigin.rect = PdfLayoutBuilder.union(group.filter { $0.page == group[0].page }.map(\.rect))
            if let text = group[0].fieldText {
                return text.split(separator: "\n", omittingEmptySubsequences: false)
                    .map { Paragraph(text: String($0).trimmedSpaces, origin: groupOrigin) }
            }
            return [paragraph(words: group.flatMap(\.words), origin: groupOrigin)]
        }
    }

    static func paragraph(words: [PdfWord], origin: Origin) -> Paragraph {
        var text = ""
        // Scalars in `text` so far, kept as it grows (`text.count` would walk the whole string
        // at every tick); scalar counts add up exactly where character counts may not.
        var length = 0
        func append(_ piece: String) {
            text += piece
            length += piece.unicodeScalars.count
        }
        var marks: [(offset: Int, rect: Rect, tick: PdfTickMark)] = []
        var previous: Rect?
        for word in words {
            defer { previous = word.rect }
            // A word broken at a line end with a hyphen ("school-" / "based") joins without a space.
            let hyphenatedWrap = text.hasSuffix("-") && text.dropLast().last?.isLetter == true
                && previous.map { word.rect.midY > $0.y1 } == true && word.text.first?.isLowercase == true
            if !text.isEmpty && !text.hasSuffix(" ") && !hyphenatedWrap { append(" ") }
            if let tick = word.tick {
                marks.append((length, word.rect, tick))
                append(word.shownText + " ")
            } else {
                append(word.text)
            }
        }
        let scalars = Array(text.unicodeScalars)
        let ticks = marks.enumerated().map { index, mark -> Tick in
            let start = mark.offset + 1  // after the one-scalar ☒/☐
            let end = index + 1 < marks.count ? marks[index + 1].offset : scalars.count
            let label = start < end
                ? String(String.UnicodeScalarView(scalars[start..<end])).trimmedWhitespace : ""
            var tickOrigin = origin
            tickOrigin.rect = mark.rect
            return Tick(checked: mark.tick.checked, label: label, style: mark.tick.style, origin: tickOrigin)
        }
        return Paragraph(text: text, ticks: ticks, origin: origin)
    }
}
