extension Document {
    /// Every paragraph of the body in reading order, table cells included (depth first).
    public var allBodyParagraphs: [Paragraph] { Self.paragraphs(in: body) }

    /// Header and footer paragraphs.
    public var headerFooterParagraphs: [Paragraph] { Self.paragraphs(in: headers + footers) }

    /// Every paragraph of the footnotes and endnotes, in note order.
    public var noteParagraphs: [Paragraph] { notes.flatMap { Self.paragraphs(in: $0.blocks) } }

    /// All the text a person would read, body first, then headers and footers.
    public var plainText: String {
        (body + headers + footers).map(\.text).joined(separator: "\n")
    }

    /// Every table of the body, nested ones included, in reading order.
    public var allTables: [Table] {
        var result: [Table] = []
        func visit(_ blocks: [Block]) {
            for block in blocks {
                guard case .table(let table) = block else { continue }
                result.append(table)
                for row in table.rows { for cell in row.cells { visit(cell.blocks) } }
            }
        }
        visit(body)
        return result
    }

    static func paragraphs(in blocks: [Block]) -> [Paragraph] {
        blocks.flatMap { block -> [Paragraph] in
            switch block {
            case .paragraph(let paragraph): [paragraph]
            case .table(let table): table.rows.flatMap { $0.cells.flatMap { paragraphs(in: $0.blocks) } }
            }
        }
    }
}
