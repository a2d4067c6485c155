import Foundation
import IntakeDocument

/// Collects one paragraph's text and tick boxes while its runs are read.
///
/// A tick is written as ☒/☐ plus one space; spaces the document itself put right after the
/// box are dropped so "☐  Stage 1" reads "☐ Stage 1". Labels are cut when the paragraph ends:
/// the text after each box up to the next box or the end, trimmed.
struct ParagraphBuilder {
    private struct Mark {
        var checked: Bool
        var style: TickStyle
        var field: String?
        /// UTF-8 offsets of the mark ("☒ ") in ``text``.
        var start: Int
        var end: Int
    }

    private(set) var text = ""
    private var marks: [Mark] = []
    private var justAfterMark = false
    var style: String?
    let origin: Origin
    /// Text-box content met inside this paragraph: placed after it in the flow.
    var deferredBlocks: [Block] = []

    init(origin: Origin) {
        self.origin = origin
    }

    /// Appends text and returns what was actually added (for content-control values).
    mutating func append(_ piece: String) -> String {
        var piece = Substring(piece)
        if justAfterMark {
            piece = piece.drop { $0 == " " }
            if piece.isEmpty { return "" }
            justAfterMark = false
        }
        text += piece
        return String(piece)
    }

    /// Writes a tick box and returns the text written.
    mutating func appendMark(checked: Bool, style: TickStyle, field: String?) -> String {
        let written = "\(TickGlyph.mark(checked)) "
        let start = text.utf8.count
        text += written
        marks.append(Mark(checked: checked, style: style, field: field, start: start, end: text.utf8.count))
        justAfterMark = true
        return written
    }

    func finish() -> Paragraph {
        let bytes = Array(text.utf8)
        var ticks: [Tick] = []
        for (index, mark) in marks.enumerated() {
            let labelEnd = index + 1 < marks.count ? marks[index + 1].start : bytes.count
            let label = String(decoding: bytes[mark.end..<max(mark.end, labelEnd)], as: UTF8.self)
                .trimmedWhitespace
            var tickOrigin = origin
            tickOrigin.field = mark.field
            ticks.append(Tick(checked: mark.checked, label: label, style: mark.style, origin: tickOrigin))
        }
        return Paragraph(text: text, ticks: ticks, style: style, origin: origin)
    }
}
