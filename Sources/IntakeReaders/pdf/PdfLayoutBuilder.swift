import Foundation
import IntakeDocument

/// A tick box seen on a page: a box or mark character, or an AcroForm check box / radio button.
struct PdfTickMark: Equatable {
    var checked: Bool
    var style: TickStyle
}

/// A run of characters with no space or gap inside, or one tick box.
struct PdfWord {
    var text: String
    var rect: Rect
    var font: Int?
    var tick: PdfTickMark?

    /// How the word is written into text: a tick as ☒/☐.
    var shownText: String { tick.map { String(TickGlyph.mark($0.checked)) } ?? text }
}

/// One visual line of a page: words sorted left to right, split into spans at wide gaps.
struct PdfLine {
    var page: Int
    var spans: [[PdfWord]]
    var rect: Rect

    var words: [PdfWord] { spans.flatMap { $0 } }
    var height: Double { rect.height }
    var hasLetters: Bool { words.contains { $0.tick == nil && $0.text.unicodeScalars.contains { CharacterSet.letters.contains($0) } } }

    /// The font most of the line's characters use (ticks left out).
    static func dominantFont(_ words: [PdfWord]) -> Int? {
        var counts: [Int: Int] = [:]
        for word in words where word.tick == nil { if let font = word.font { counts[font, default: 0] += word.text.count } }
        return counts.max { ($0.value, -$0.key) < ($1.value, -$1.key) }?.key
    }
}

/// Turns poppler's characters (one rectangle each) into visual lines and spans.
///
/// Poppler's own line order follows its reading-order guess and can glue a label and the
/// value beside it into one line, or split one visual line in two: lines are rebuilt from
/// geometry alone.
///
/// Glyphs come on the upright page. Text running another way there (a note up the margin) is
/// laid out on the page turned its way, so its words stay whole, then turned back: such a line
/// keeps its true, tall rectangle and is read where its top is.
enum PdfLayoutBuilder {
    /// - parameter width, height: the upright page's size.
    static func lines(glyphs: [PdfGlyph], tickBoxes: [PdfWord], page: Int, width: Double, height: Double) -> [PdfLine] {
        var result = groupIntoLines(words(from: glyphs.filter { $0.direction == 0 }) + tickBoxes, page: page)
        let across = Dictionary(grouping: glyphs.filter { $0.direction != 0 }, by: \.direction)
        for (direction, group) in across.sorted(by: { $0.key < $1.key }) {
            // Turned so this text runs left to right, laid out, and turned back.
            let turn = PdfQuarterTurn(quarters: -direction)
            let turned = turn.size(width: width, height: height)
            let along = group.map { glyph in
                var glyph = glyph
                glyph.rect = turn.apply(glyph.rect, width: width, height: height)
                return glyph
            }
            let back = { (rect: Rect) in turn.inverse.apply(rect, width: turned.width, height: turned.height) }
            result += groupIntoLines(words(from: along), page: page).map { line in
                PdfLine(page: page, spans: line.spans.map { span in
                    span.map { word in
                        var word = word
                        word.rect = back(word.rect)
                        return word
                    }
                }, rect: back(line.rect))
            }
        }
        return result.sorted { ($0.rect.y0, $0.rect.x0) < ($1.rect.y0, $1.rect.x0) }
    }

    static func pageLayout(number: Int, width: Double, height: Double, lines: [PdfLine]) -> PageLayout {
        PageLayout(number: number, width: width, height: height, lines: lines.map { line in
            TextLine(spans: line.spans.map { span in
                TextSpan(text: span.map(\.shownText).joined(separator: " "), rect: union(span.map(\.rect)))
            }, rect: line.rect)
        })
    }

    static func union(_ rects: [Rect]) -> Rect {
        rects.dropFirst().reduce(rects.first ?? Rect(x0: 0, y0: 0, x1: 0, y1: 0)) { $0.union($1) }
    }

    // MARK: - Words

    private static func words(from glyphs: [PdfGlyph]) -> [PdfWord] {
        var result: [PdfWord] = []
        var current: PdfWord?
        var lastX1 = 0.0
        func flush() {
            if let word = current { result.append(word) }
            current = nil
        }
        for glyph in glyphs {
            if glyph.scalar.isWhitespaceScalar || glyph.rect.width <= 0 && glyph.rect.height <= 0 {
                flush()
                continue
            }
            if let checked = TickGlyph.state(ofTextScalar: glyph.scalar) {
                flush()
                let style: TickStyle = (0xF000...0xF0FF).contains(glyph.scalar.value) ? .wingdings : .unicode
                result.append(PdfWord(text: String(glyph.scalar), rect: glyph.rect, font: glyph.font,
                                      tick: PdfTickMark(checked: checked, style: style)))
                continue
            }
            if let word = current {
                let height = max(1, min(word.rect.height, glyph.rect.height))
                let gap = glyph.rect.x0 - lastX1
                let sameLine = abs(glyph.rect.midY - word.rect.midY) < 0.4 * height
                if sameLine && gap < 0.2 * height && gap > -0.5 * height {
                    // Mutated in place: a copy would duplicate the text on every glyph.
                    current?.text.unicodeScalars.append(glyph.scalar)
                    current?.rect = word.rect.union(glyph.rect)
                    lastX1 = glyph.rect.x1
                    continue
                }
                flush()
            }
            current = PdfWord(text: String(glyph.scalar), rect: glyph.rect, font: glyph.font)
            lastX1 = glyph.rect.x1
        }
        flush()
        return result
    }

    // MARK: - Lines and spans

    /// How many of the most recent lines a word is compared with. Words come sorted by top, so
    /// a line that ends above the current word can never take a later word either: the line a
    /// word joins is one of the last few started. The window keeps a page of many lines linear.
    static let lineWindow = 32

    private static func groupIntoLines(_ words: [PdfWord], page: Int) -> [PdfLine] {
        var groups: [(rect: Rect, words: [PdfWord])] = []
        for word in words.sorted(by: { ($0.rect.y0, $0.rect.x0) < ($1.rect.y0, $1.rect.x0) }) {
            let match = groups.indices.suffix(lineWindow).last { index in
                let rect = groups[index].rect
                let overlap = min(rect.y1, word.rect.y1) - max(rect.y0, word.rect.y0)
                return overlap >= 0.5 * max(0.5, min(rect.height, word.rect.height))
            }
            if let match {
                groups[match].words.append(word)
                groups[match].rect = groups[match].rect.union(word.rect)
            } else {
                groups.append((word.rect, [word]))
            }
        }
        return groups.map { group in
            let sorted = group.words.sorted { $0.rect.x0 < $1.rect.x0 }
            return PdfLine(page: page, spans: spans(of: sorted), rect: group.rect)
        }.sorted { ($0.rect.y0, $0.rect.x0) < ($1.rect.y0, $1.rect.x0) }
    }

    /// Splits where the gap between two words is much wider than a word space (a table
    /// column); a tick box always stays with the words after it.
    private static func spans(of words: [PdfWord]) -> [[PdfWord]] {
        let heights = words.filter { $0.tick == nil }.map(\.rect.height).sorted()
        let height = heights.isEmpty ? 10 : heights[heights.count / 2]
        var result: [[PdfWord]] = []
        for word in words {
            if let previous = result.last?.last,
               previous.tick != nil || word.rect.x0 - previous.rect.x1 <= 0.45 * height {
                result[result.count - 1].append(word)
            } else {
                result.append([word])
            }
        }
        return result
    }
}
