import IntakeDocument
import IntakeRecord

/// Reads a PDF policy from its positioned text (``Document/pages``) where flowing text loses
/// the table's columns: the stage names of a `STAGE | ACTION | …` table, wrapped over lines in
/// its first column, and e-mail addresses wrapped inside a narrow column (`boh-` /
/// `tr.boltonchildpr` / `otection@nhs.n` / `et`).
struct PolicyLayoutReader {
    let pages: [PageLayout]

    /// Stages of an unnumbered table headed `STAGE`: consecutive first-column fragments make
    /// one name; the other columns' text up to the next name is that stage's section. The
    /// table runs across pages (its header repeats) and ends at a line that crosses from the
    /// first column into the next, i.e. ordinary body text.
    func stages() -> [PolicyStage] {
        var names: [String] = []
        var sections: [String] = []
        var columnEdge: Double?
        var previousHadName = false
        for page in pages {
            for line in page.lines {
                guard let first = line.spans.first else { continue }
                if PolicyStageFinder.isStageHeader(first.text.trimmedSpaces), line.spans.count >= 2 {
                    columnEdge = line.spans[1].rect.x0
                    previousHadName = false
                    continue
                }
                guard let edge = columnEdge else { continue }
                let inFirstColumn = first.rect.x0 < edge - 1
                if inFirstColumn, first.rect.x1 > edge {
                    columnEdge = nil   // body text again
                    continue
                }
                let rest = (inFirstColumn ? line.spans.dropFirst() : line.spans[...]).map(\.text).joined(separator: " ")
                if inFirstColumn {
                    if previousHadName, !names.isEmpty {
                        names[names.count - 1] += " " + first.text
                    } else {
                        names.append(first.text)
                        sections.append("")
                    }
                }
                previousHadName = inFirstColumn
                if !sections.isEmpty { sections[sections.count - 1] += " " + rest }
            }
        }
        guard names.count >= 2 else { return [] }
        return names.indices.map { k in
            PolicyStage(number: k + 1, name: PolicyStageFinder.cleanName(PolicyText.normaliseCell(names[k])),
                        workingDays: PolicyStageFinder.workingDays(in: sections[k], within: true))
        }
    }

    /// E-mail addresses in reading order. Spans that start at the same x form a column, which
    /// runs on across page breaks (a row can break over pages); within it, consecutive one-word
    /// fragments are glued back into addresses.
    func contacts() -> [String] {
        typealias Piece = (position: Position, text: String)
        // A table header repeated after a page break sits between an address's two halves.
        var signatures: [String: Int] = [:]
        for page in pages {
            for line in page.lines where line.spans.count >= 2 && !line.text.contains("@") {
                signatures[line.text, default: 0] += 1
            }
        }
        var columns: [Int: [Piece]] = [:]
        for page in pages {
            for (index, line) in page.lines.enumerated() where signatures[line.text, default: 0] < 2 {
                for span in line.spans {
                    let position = Position(page: page.number, line: index, x: span.rect.x0)
                    columns[Int(span.rect.x0.rounded()), default: []].append((position, span.text.trimmedSpaces))
                }
            }
        }
        var found: [(position: Position, email: String)] = []
        for column in columns.values {
            var glued: [Piece] = []
            for piece in column {
                if let last = glued.last, PolicyText.isEmailFragment(last.text), PolicyText.isEmailFragment(piece.text),
                   PolicyText.continuesEmail(last.text, piece.text) {
                    glued[glued.count - 1].text += piece.text
                } else {
                    glued.append(piece)
                }
            }
            for piece in glued {
                found += PolicyText.emails(in: piece.text).map { (piece.position, $0) }
            }
        }
        found.sort { $0.position < $1.position }
        var seen: Set<String> = []
        return found.map { $0.email.lowercased() }.filter { seen.insert($0).inserted }
    }

    struct Position: Comparable {
        var page: Int
        var line: Int
        var x: Double

        static func < (a: Position, b: Position) -> Bool { (a.page, a.line, a.x) < (b.page, b.line, b.x) }
    }
}
