import IntakeDocument
import Foundation

/// A policy document flattened to lines: one per paragraph, a table row as its cells joined by
/// tabs (the way the seeds texts are written), each cell's inner line breaks resolved.
struct PolicyText {
    /// Normalised lines, blank ones kept (a blank line ends a heading that runs over lines).
    let lines: [String]

    init(paragraphs: [String]) {
        lines = paragraphs.map(Self.normaliseLine)
    }

    /// The first cell of each line.
    func firstCell(_ i: Int) -> String { cells(i).first ?? "" }

    func cells(_ i: Int) -> [String] {
        lines[i].split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
    }

    func isTableRow(_ i: Int) -> Bool { lines[i].containsASCII("\t") }

    /// Whitespace collapsed per cell; a cell's lines are joined with spaces, except that the
    /// fragments of an e-mail address wrapped in a narrow PDF column are glued back together.
    /// Markdown-style cell bars (`1 |`) from text dumps are dropped.
    static func normaliseLine(_ text: String) -> String {
        var cells = text.split(separator: "\t", omittingEmptySubsequences: false).map { cell in
            normaliseCell(String(cell))
        }
        while cells.count > 1, cells.last?.isEmpty == true { cells.removeLast() }
        let line = cells.joined(separator: "\t")
        return line.trimmedSpaces == "|" ? "" : line
    }

    static func normaliseCell(_ text: String) -> String {
        normaliseASCIILine(text) ?? normaliseCellByCharacter(text)
    }

    static func normaliseCellByCharacter(_ text: String) -> String {
        var pieces: [String] = []
        for raw in text.split(whereSeparator: { $0 == "\n" || $0 == "\r" || $0 == "\u{2028}" }) {
            let line = raw.trimmedSpaces
            if let last = pieces.last, isEmailFragment(last), isEmailFragment(line), continuesEmail(last, line) {
                pieces[pieces.count - 1] += line
            } else {
                pieces.append(line)
            }
        }
        var cell = pieces.joined(separator: " ")
            .split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
        if cell.hasSuffix(" |") { cell.removeLast(2) } else if cell == "|" { cell = "" }
        return cell
    }

    /// ``normaliseCell(_:)`` on the bytes of an ASCII cell of one line (most are): splitting a
    /// policy's every cell into characters and back cost 3 % of a DOCX run. Nil otherwise.
    private static func normaliseASCIILine(_ text: String) -> String? {
        var text = text
        return text.withUTF8 { bytes -> String? in
            for byte in bytes where byte >= 0x80 || byte == 0x0A || byte == 0x0D { return nil }
            var out: [UInt8] = []
            out.reserveCapacity(bytes.count)
            var pendingSpace = false
            for byte in bytes {
                // Tab, vertical tab, form feed and space: ASCII's white space without line breaks.
                if byte == 0x20 || (byte >= 0x09 && byte <= 0x0C) { pendingSpace = !out.isEmpty; continue }
                if pendingSpace { out.append(0x20); pendingSpace = false }
                out.append(byte)
            }
            if out.count >= 2, out[out.count - 2] == 0x20, out[out.count - 1] == UInt8(ascii: "|") {
                out.removeLast(2)
            } else if out == [UInt8(ascii: "|")] {
                out = []
            }
            return String(decoding: out, as: UTF8.self)
        }
    }

    static func isEmailFragment(_ s: String) -> Bool { !s.isEmpty && s.allSatisfy(isEmailCharacter) }

    /// Whether `next` is the rest of an address that a narrow column wrapped after `previous`
    /// (`boh-` / `tr.boltonchildpr` / `otection@nhs.n` / `et`), rather than a new word.
    static func continuesEmail(_ previous: String, _ next: String) -> Bool {
        if previous.hasSuffix("-") || previous.hasSuffix(".") || next.hasPrefix("@") || next.hasPrefix(".") { return true }
        if let at = previous.lastIndex(of: "@") {
            // Glue after an address only while its domain is visibly unfinished (`@bol`, `nhs.n`).
            let domain = previous[previous.index(after: at)...]
            let lastLabel = domain.split(separator: ".").last ?? ""
            return !next.contains("@") && next == next.lowercased()
                && (!domain.contains(".") || lastLabel.count < 2)
        }
        if next.contains("@") { return previous == previous.lowercased() || previous.contains(".") || previous.contains("_") }
        return false
    }

    static func isEmailCharacter(_ c: Character) -> Bool {
        c.isASCII && (c.isLetter || c.isNumber || "._%+-@".contains(c))
    }

    /// E-mail addresses in `text`, in order. Only lines holding an "@" are cut into tokens: a
    /// whole policy tokenised by character cost 2 % of all CPU, and a line break always ends a token.
    static func emails(in text: String) -> [String] {
        text.nonEmptyLines.filter { $0.containsASCII("@") }.flatMap(emails(inLine:))
    }

    private static func emails(inLine text: Substring) -> [String] {
        var result: [String] = []
        for token in text.split(whereSeparator: { $0.isWhitespace || "<>()[],;:\"'".contains($0) }) where token.contains("@") {
            var t = token.drop(while: { !isEmailCharacter($0) || $0 == "." || $0 == "-" })
            if t.lowercased().hasPrefix("mailto") { t = t.dropFirst(6) }
            while let last = t.last, !(last.isLetter && last.isASCII) { t = t.dropLast() }
            let parts = t.split(separator: "@", omittingEmptySubsequences: false)
            guard parts.count == 2, !parts[0].isEmpty, parts[0].allSatisfy(isEmailCharacter),
                  parts[1].contains("."), parts[1].allSatisfy({ isEmailCharacter($0) && $0 != "@" }),
                  !parts[1].hasPrefix("."), !parts[1].contains("..") else { continue }
            result.append(String(t))
        }
        return result
    }
}
