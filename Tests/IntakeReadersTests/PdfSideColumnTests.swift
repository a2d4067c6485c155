import Foundation
import IntakeDocument
import IntakeReaders
import IntakeTestSupport
import Testing

/// Party blocks exported from Word with merged cells (corpus/dev2): the signature label in a
/// third column beside the name, role and agency rows with the picture under it, or the party
/// heading in a column left of the labels.
@Suite struct PdfSideColumnTests {
    static let corpus = TestPaths.packageRoot.appendingPathComponent("corpus")

    @Test func aThirdColumnOfLabelsIsACellOfItsOwnMergedDownTheRowsBesideIt() throws {
        let data = try Data(contentsOf: Self.corpus.appendingPathComponent("dev2/south-glos-monitoring-form-013-stage4.pdf"))
        let document = try PdfReader().read(data)
        let rows = document.pdfTestRows
        let name = try #require(rows.firstIndex { $0.label == "Initiating mgr – name (print)" })
        // The values no longer carry the side column's words.
        #expect(rows[name].value == "Dylan Gallagher")
        #expect(rows[name + 1].value == "Senior Social Worker")
        let side = try #require(rows[name].row.cells.count == 3 ? rows[name].row.cells[2] : nil)
        #expect(side.text == "Initiating Manager Signature")
        #expect(side.rowSpan == 3)
        #expect(rows[name + 1].row.cells.last?.continuesAbove == true)
        #expect(rows[name + 2].row.cells.last?.continuesAbove == true)
        // The picture under the label belongs to the label's cell.
        let pictureCells = document.pictures.compactMap { $0.origin.cell == 2 ? $0.origin.row : nil }
        #expect(pictureCells.contains(rows[name].row.origin.row ?? -1))
    }

    @Test func aColumnOfPartyHeadingsLeftOfTheLabelsIsARowAcrossAboveThePartysRows() throws {
        let data = try Data(contentsOf: Self.corpus.appendingPathComponent("dev2/south-glos-monitoring-form-019.pdf"))
        let rows = try PdfReader().read(data).pdfTestRows
        let heading = try #require(rows.firstIndex { $0.label == "Who raised the dispute? (manager)" })
        #expect(rows[heading].row.cells.count == 1)
        #expect(rows[heading + 1].label == "Initiating Manager Signature")
        #expect(rows[heading + 2].label == "Name" && rows[heading + 2].value == "Omar Varga")
        #expect(rows.contains { $0.label == "Receiving manager (dispute sent to)" })
    }

    @Test("The shared two-column forms keep two columns", arguments: [
        "filled/bolton-rpde-form-03.pdf", "filled/croydon-escalation-notification-02-stage5.pdf",
        "filled/south-glos-monitoring-form-02.pdf", "filled/west-sussex-escalation-template-02.pdf",
        "blank/bolton-rpde-form.pdf", "blank/south-gloucestershire-monitoring-form.pdf",
    ])
    func twoColumnFormsHaveNoSideColumn(path: String) throws {
        let document = try PdfTestFiles.read(path)
        #expect(!document.allTables.isEmpty)
        #expect(document.allTables.allSatisfy { $0.rows.allSatisfy { $0.cells.count <= 2 } })
    }
}
