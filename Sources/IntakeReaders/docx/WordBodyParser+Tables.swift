import IntakeDocument

extension WordBodyParser {
    func handleTable() throws {
        try resources.budget.addBlock()
        let table = TableBuilder(index: tableCount, origin: partOrigin)
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
        // No local copy of the row: it would share the cell array and make each append copy it.
        guard let table = tables.last, let isDeleted = table.row?.isDeleted else { return try handleChildren() }
        // A deleted row's cells are not read at all: their fields and pictures are gone too.
        guard !isDeleted else { return try reader.skipElement() }
        try resources.budget.checkRow(cellCount: table.row?.cells.count ?? 0)
        try resources.budget.addBlock()
        var span = 1
        var merge = TableBuilder.VerticalMerge.none
        containers.append([])
        try reader.forEachChild {
            guard reader.kind == .element else { return }
            if reader.isElement(.w, "tcPr") {
                try reader.forEachChild {
                    if reader.isElement(.w, "gridSpan") {
                        span = reader.attribute("val", .w).flatMap { Int($0) }.map { max(1, min($0, TableBuilder.maxGridSpan)) } ?? 1
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
        let savedFields = (fieldStack, ignoredFieldDepth)
        fieldStack = []
        ignoredFieldDepth = 0
        try handleChildren()
        // Fields left open inside the box end with it, or their captures would stay open for good.
        for field in fieldStack { _ = field.captureIndex.flatMap(finishCapture) }
        (fieldStack, ignoredFieldDepth) = savedFields
        let blocks = containers.popLast() ?? []
        if paragraphs.isEmpty {
            containers[containers.count - 1] += blocks
        } else {
            paragraphs[paragraphs.count - 1].deferredBlocks += blocks
        }
    }
}
