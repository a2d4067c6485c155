import Foundation
import IntakeDocument
import IntakeMapping

/// The normalised text of a document, computed once and searched by recognition.
struct DocumentText {
    /// The first paragraphs of the body, the page headers and the metadata title: where a
    /// title counts. A policy quotes a form's title deep inside; a form shows it at the top.
    let head: String
    /// Everything: body, headers, footers, metadata.
    let all: String
    /// Each unit's cells, normalised, for counting labels that stand in a cell or before a colon.
    let cellTexts: Set<String>

    static let headParagraphs = 12

    init(document: Document, units: [LayoutUnit]) {
        let metadata = [document.metadata.title, document.metadata.subject].compactMap { $0 }
        let headers = (document.headers + document.footers).map(\.text)
        let bodyHead = units.lazy.map(\.text).filter { !$0.trimmingCharacters(in: .whitespaces).isEmpty }
            .prefix(Self.headParagraphs)
        head = LabelText.normalize((metadata + headers + bodyHead).joined(separator: "\n"))
        all = LabelText.normalize((metadata + headers + units.map(\.text)).joined(separator: "\n"))
        var cells = Set<String>()
        for unit in units {
            for cell in unit.cells {
                for paragraph in cell.paragraphs {
                    let text = paragraph.text
                    cells.insert(LabelText.normalize(text))
                    if let colon = text.firstIndex(of: ":") {
                        cells.insert(LabelText.normalize(String(text[..<colon])))
                    }
                }
                cells.insert(LabelText.normalize(cell.text))
            }
        }
        cellTexts = cells
    }

    func contains(_ phrase: String) -> Bool { all.contains(LabelText.normalize(phrase)) }
    func headContains(_ phrase: String) -> Bool { head.contains(LabelText.normalize(phrase)) }
}
