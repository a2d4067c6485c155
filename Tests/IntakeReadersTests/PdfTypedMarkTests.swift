import Foundation
import IntakeDocument
@testable import IntakeReaders
import IntakeTestSupport
import Testing

/// A Word form exported to PDF with an "X" typed before one option: each option line stays a
/// paragraph of its own, so the X belongs to the option after it, not to the one above.
@Suite struct PdfTypedMarkTests {
    static let file = TestPaths.packageRoot.appendingPathComponent("corpus/dev/west-sussex-escalation-template-010.pdf")

    @Test func aTypedXStartsItsOwnLine() throws {
        let document = try PdfReader().read(try Data(contentsOf: Self.file))
        let texts = document.allBodyParagraphs.map(\.text)
        let marked = try #require(texts.first { $0.hasPrefix("X Stage") }, "\(texts)")
        #expect(marked.hasPrefix("X Stage 3"))
        #expect(!texts.contains { $0.contains("Manager to Manager X") })
    }
}
