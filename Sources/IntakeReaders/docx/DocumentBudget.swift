import IntakeDocument

/// Counts what one document has produced so far, across all its parts, against ``ReadLimits``.
///
/// Shared by the parsers of one ``DocxReader/read(_:)`` call; not thread-safe.
final class DocumentBudget {
    let limits: ReadLimits
    private(set) var blocks = 0
    private(set) var formItems = 0

    init(limits: ReadLimits) {
        self.limits = limits
    }

    /// One more paragraph, table or table cell.
    func addBlock() throws {
        blocks += 1
        guard blocks <= limits.maxBlocks else {
            throw IntakeError(.docxTooLarge, "The document holds more than \(limits.maxBlocks) paragraphs, tables and cells.")
        }
    }

    /// One more field, tick box, picture or piece of signature evidence.
    func addFormItem() throws {
        formItems += 1
        guard formItems <= limits.maxFormItems else {
            throw IntakeError(.docxTooLarge, "The document holds more than \(limits.maxFormItems) fields, tick boxes, pictures and signature marks.")
        }
    }

    /// Before a row gets its next cell.
    func checkRow(cellCount: Int) throws {
        guard cellCount < limits.maxTableCellsPerRow else {
            throw IntakeError(.docxTooLarge, "A table row holds more than \(limits.maxTableCellsPerRow) cells.")
        }
    }
}
