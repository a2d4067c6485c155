import Foundation
import IntakeTestSupport
import Testing
@testable import IntakeExtraction

/// Policy cells normalised on their bytes must come out as the character-by-character path gives.
@Suite struct PolicyTextTests {
    @Test func everySeedCellIsNormalisedAsByCharacter() throws {
        let seeds = TestPaths.shared.appending(path: "seeds")
        var cells = ["", " ", "|", " | ", "Stage 2 |", "a\u{0B}b\u{0C}c", "  Senior   manager\t", "x|", "| |"]
        for name in try FileManager.default.contentsOfDirectory(atPath: seeds.path) {
            let text = try String(contentsOf: seeds.appending(path: name), encoding: .utf8)
            for line in text.components(separatedBy: "\n") { cells += line.components(separatedBy: "\t") }
        }
        #expect(cells.count > 500)
        for cell in cells {
            #expect(PolicyText.normaliseCell(cell) == PolicyText.normaliseCellByCharacter(cell), "\(cell.debugDescription)")
        }
    }
}
