import Foundation

extension Document {
    /// The document as readable text, for `intake dump` and for eyeballing what a reader saw.
    ///
    /// Metadata lines come first, then one section per non-empty part: `== body ==`,
    /// `== headers ==`, `== footers ==`, `== notes ==`, `== form fields ==`, `== pictures ==`,
    /// `== signatures ==`. A note starts with a `[footnote N]` / `[endnote N]` line.
    /// Ticks read `[x]` / `[ ]` instead of ☒ / ☐. A table is a `[table N]` line, then one
    /// `| cell | cell |` line per row; a cell's further lines are indented to where its text
    /// starts (at most 24 columns), a cell covered by a vertical merge shows `^`. Positioned PDF text
    /// (``pages``) is not repeated: the body holds what was rebuilt from it.
    ///
    /// The output holds document text: it is for the person entitled to read the file, never for logs.
    public func renderedText() -> String {
        var lines = DocumentRenderer.metadataLines(self)
        func section(_ title: String, _ content: [String]) {
            guard !content.isEmpty else { return }
            lines.append("")
            lines.append("== \(title) ==")
            lines.append(contentsOf: content)
        }
        section("body", DocumentRenderer.lines(for: body))
        section("headers", DocumentRenderer.lines(for: headers))
        section("footers", DocumentRenderer.lines(for: footers))
        section("notes", notes.flatMap { ["[\($0.kind.rawValue) \($0.id)]"] + DocumentRenderer.lines(for: $0.blocks) })
        section("form fields", fields.flatMap(DocumentRenderer.lines(for:)))
        section("pictures", pictures.map(DocumentRenderer.line(for:)))
        section("signatures", signatures.map(DocumentRenderer.line(for:)))
        return lines.joined(separator: "\n") + "\n"
    }
}

/// The pieces of ``Document/renderedText()``.
enum DocumentRenderer {
    static func metadataLines(_ document: Document) -> [String] {
        let metadata = document.metadata
        let entries: [(String, String?)] = [
            ("format", document.format.rawValue),
            ("title", metadata.title), ("subject", metadata.subject), ("author", metadata.author),
            ("last modified by", metadata.lastModifiedBy), ("creator", metadata.creator),
            ("producer", metadata.producer),
            ("created", metadata.created.map { $0.formatted(.iso8601) }),
            ("modified", metadata.modified.map { $0.formatted(.iso8601) }),
            ("pages", metadata.pageCount.map(String.init)),
        ]
        return entries.compactMap { name, value in value.map { "\(name): \($0)" } }
    }

    /// Ticks as `[x]` / `[ ]`, which survive any terminal and any grep.
    static func readable(_ text: String) -> String {
        var result = ""
        for character in text {
            switch character {
            case Tick.checkedMark: result += "[x]"
            case Tick.uncheckedMark: result += "[ ]"
            default: result.append(character)
            }
        }
        return result
    }

    static func lines(for blocks: [Block]) -> [String] {
        blocks.flatMap { block -> [String] in
            switch block {
            case .paragraph(let paragraph):
                // Empty paragraphs are Word's spacing, not content.
                let text = readable(paragraph.text)
                return text.allSatisfy(\.isWhitespace) ? [] : text.components(separatedBy: "\n")
            case .table(let table):
                return [table.origin.table.map { "[table \($0)]" } ?? "[table]"] + table.rows.flatMap(lines(for:))
            }
        }
    }

    /// Continuation lines never start further right than this, so a long label cell does not
    /// push its neighbour's text off the screen.
    static let maxContinuationIndent = 24

    /// One `| a | b |` line, or several when a cell holds more than one line: each further
    /// line of a cell starts under the cell's first character (or at ``maxContinuationIndent``).
    static func lines(for row: TableRow) -> [String] {
        var output: [String] = []
        var line = "|"
        for cell in row.cells {
            line += " "
            let indent = String(repeating: " ", count: min(line.count, maxContinuationIndent))
            let content = cellLines(cell)
            line += content[0]
            for next in content.dropFirst() {
                output.append(line)
                line = indent + next
            }
            line += " |"
        }
        output.append(line)
        return output
    }

    static func cellLines(_ cell: TableCell) -> [String] {
        if cell.continuesAbove { return ["^"] }
        var content = lines(for: cell.blocks)
        if content.isEmpty { content = [""] }
        if cell.columnSpan > 1 { content[content.count - 1] += " (spans \(cell.columnSpan) columns)" }
        return content
    }

    static func lines(for field: FormField) -> [String] {
        var head = "- \(field.name)"
        if let alternate = field.alternateName, alternate != field.name { head += " [\(alternate)]" }
        head += " (\(field.kind.rawValue))"
        var valueLines: [String] = []
        if field.isPlaceholder {
            head += ": (placeholder)"
        } else if let checked = field.checked {
            head += ": " + (checked ? "[x]" : "[ ]")
        } else if let signed = field.signed {
            head += ": " + (signed ? "signed" : "unsigned")
        } else if let value = field.value, !value.isEmpty {
            valueLines = value.components(separatedBy: "\n")
            head += ": " + valueLines.removeFirst()
        } else {
            head += ": (empty)"
        }
        if let options = field.options, !options.isEmpty { valueLines.append("options: " + options.joined(separator: " | ")) }
        let place = describe(field.origin, omittingField: true)
        if !place.isEmpty { head += "  at \(place)" }
        return [head] + valueLines.map { "    " + $0 }
    }

    static func line(for picture: Picture) -> String {
        var words = ["picture"]
        if let name = picture.name { words.append(name) }
        if let alt = picture.altText, !alt.isEmpty { words.append("alt \"\(alt)\"") }
        if let type = picture.contentType { words.append(type) }
        if let count = picture.byteCount { words.append("\(count) bytes") }
        let place = describe(picture.origin)
        return "[\(words.joined(separator: " "))]" + (place.isEmpty ? "" : " at \(place)")
    }

    static func line(for signature: SignatureEvidence) -> String {
        var parts = [signature.kind.rawValue]
        if let signed = signature.signed { parts.append(signed ? "signed" : "unsigned") }
        let place = describe(signature.origin)
        if !place.isEmpty { parts.append(place) }
        return "[signature: \(parts.joined(separator: ", "))]"
    }

    /// "page 2, rect 72,100–300,120" or "table 0, row 3, cell 1". The main DOCX part is left
    /// out: it is where nearly everything is, so only other parts (headers, ink) are named.
    static func describe(_ origin: Origin, omittingField: Bool = false) -> String {
        var parts: [String] = []
        if let part = origin.part, part != "word/document.xml" { parts.append(part) }
        if let page = origin.page { parts.append("page \(page)") }
        if let table = origin.table { parts.append("table \(table)") }
        if let row = origin.row { parts.append("row \(row)") }
        if let cell = origin.cell { parts.append("cell \(cell)") }
        if let note = origin.note { parts.append("note \(note)") }
        if !omittingField, let field = origin.field { parts.append("field \(field)") }
        if let rect = origin.rect {
            parts.append("rect \(number(rect.x0)),\(number(rect.y0))–\(number(rect.x1)),\(number(rect.y1))")
        }
        return parts.joined(separator: ", ")
    }

    /// Points to one decimal place, without a trailing ".0".
    static func number(_ value: Double) -> String {
        guard value.isFinite, abs(value) < 1e9 else { return "?" }
        let rounded = (value * 10).rounded() / 10
        return rounded == rounded.rounded() ? String(Int(rounded)) : String(rounded)
    }
}
