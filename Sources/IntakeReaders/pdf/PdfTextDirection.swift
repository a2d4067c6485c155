import IntakeDocument

/// Which way a page's text runs, worked out from where poppler put each character.
///
/// Directions count quarter turns clockwise from left to right: 0 left to right, 1 downwards,
/// 2 upside down, 3 upwards. Poppler-glib gives no direction per character, but it gives a
/// word's characters in reading order, so the step from one character to the next says which way
/// they run. Only steps between neighbours on a line count: poppler's text can run one line into
/// the next with no newline between (it does on turned pages). A character with no such step
/// (a one-character word, a tick box, a space) takes the direction of its line of poppler's text.
enum PdfTextDirection {
    /// Each glyph's direction, and the direction most of the page's characters run in.
    static func directions(of glyphs: [PdfGlyph]) -> (each: [Int], dominant: Int) {
        // Each glyph takes part in at most two steps: from the glyph before it, to the one after.
        var found = [Int?](repeating: nil, count: glyphs.count)
        var stepIn: Int?
        for index in glyphs.indices {
            let stepOut = index + 1 < glyphs.count && isInk(glyphs[index]) && isInk(glyphs[index + 1])
                ? step(from: glyphs[index].rect, to: glyphs[index + 1].rect) : nil
            if let stepIn, let stepOut, stepIn != stepOut {
                // A word's last letter touching the next line's first: the line decides, below.
                found[index] = nil
            } else {
                found[index] = stepIn ?? stepOut
            }
            stepIn = stepOut
        }
        var lineStart = 0
        for index in glyphs.indices where glyphs[index].scalar == "\n" || index == glyphs.count - 1 {
            var lineVotes = [0, 0, 0, 0]
            for inLine in lineStart...index { if let direction = found[inLine] { lineVotes[direction] += 1 } }
            if let direction = majority(lineVotes) {
                for inLine in lineStart...index where found[inLine] == nil { found[inLine] = direction }
            }
            lineStart = index + 1
        }
        var pageVotes = [0, 0, 0, 0]
        for (index, direction) in found.enumerated() where isInk(glyphs[index]) {
            if let direction { pageVotes[direction] += 1 }
        }
        let dominant = majority(pageVotes) ?? 0
        return (found.map { $0 ?? dominant }, dominant)
    }

    private static func isInk(_ glyph: PdfGlyph) -> Bool {
        !glyph.scalar.isWhitespaceScalar && (glyph.rect.width > 0 || glyph.rect.height > 0)
    }

    /// The direction from one character to the next, nil when they are not neighbours on a line:
    /// across the line the boxes overlap by more than half, along it they are at most a small
    /// gap apart.
    private static func step(from previous: Rect, to next: Rect) -> Int? {
        let dx = next.midX - previous.midX, dy = next.midY - previous.midY
        if abs(dy) < 0.5 * min(previous.height, next.height), abs(dx) > 0.01,
           abs(dx) <= (previous.width + next.width) / 2 + 0.5 * max(previous.height, next.height) {
            return dx > 0 ? 0 : 2
        }
        if abs(dx) < 0.5 * min(previous.width, next.width), abs(dy) > 0.01,
           abs(dy) <= (previous.height + next.height) / 2 + 0.5 * max(previous.width, next.width) {
            return dy > 0 ? 1 : 3
        }
        return nil
    }

    /// The direction with the most votes; on a tie the lowest-numbered (upright first) wins.
    private static func majority(_ votes: [Int]) -> Int? {
        guard let best = votes.max(), best > 0 else { return nil }
        return votes.firstIndex(of: best)
    }
}
