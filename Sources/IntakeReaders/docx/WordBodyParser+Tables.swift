import IntakeDocument

extension WordBodyParser {
    func handleTable() throws {
        let table = TableBuilder(index: tableCount, part: part)
        tableCount += 1
        tables.append(table)
        try handleChildren()
        tables.removeLast()
        containers[containers.count - 1].append(.table(table.finish()))
    }

    func handleRow() throws {
        guard let table = tables.last else { return try handleChildren() }
        table.startRow()
        try reader.forEachChild {
            guard reader.kind == .element else { return }
            if reader.isElement(.w, "trPr") || reader.isElement(.w, "tblPrEx") {
                try readRowProperties(table)
            } else {
                try handleElement()
            }
        }
        table.finishRow()
    }

    private func readRowProperties(_ table: TableBuilder) throws {
        try reader.forEachChild {
            guard reader.kind == .element, reader.namespace == .w else { return }
            switch reader.localName {
            case "del": table.row?.isDeleted = true
            case "gridBefore":
                let before = reader.attribute("val", .w).flatMap { Int($0) } ?? 0
                table.row?.nextGridColumn += max(0, min(before, 1_000))
            default: break
            }
        }
    }

    func handleCell() throws {
        guard let table = tables.last, let row = table.row else { return try handleChildren() }
        // A deleted row's cells are not read at all: their fields and pictures are gone too.
        guard !row.isDeleted else { return try reader.skipElement() }
        var span = 1
        var merge = TableBuilder.VerticalMerge.none
        containers.append([])
        try reader.forEachChild {
            guard reader.kind == .element else { return }
            if reader.isElement(.w, "tcPr") {
                try reader.forEachChild {
                    if reader.isElement(.w, "gridSpan") {
                        span = reader.attribute("val", .w).flatMap { Int($0) }.map { max(1, min($0, 1_000)) } ?? 1
                    } else if reader.isElement(.w, "vMerge") {
                        merge = reader.attribute("val", .w) == "restart" ? .restart : .continuing
                    }
                }
            } else {
                try handleElement()
            }
        }
        let blocks = containers.popLast() ?? []
        table.addCell(blocks: blocks, span: span, merge: merge)
    }

    /// `w:txbxContent`: a text box's paragraphs join the flow after the paragraph holding it.
    func handleTextBox() throws {
        containers.append([])
        // A text box is a new paragraph context: the holder's open fields do not reach into it.
        let savedFields = fieldStack
        fieldStack = []
        try handleChildren()
        fieldStack = savedFields
        let blocks = containers.popLast() ?? []
        if paragraphs.isEmpty {
            containers[containers.count - 1] += blocks
        } else {
            paragraphs[paragraphs.count - 1].deferredBlocks += blocks
        }
    }
}
