import IntakeDocument
import Testing
@testable import IntakeExtraction

/// What locating has found so far decides which labels may still take a field.
@Suite struct LocatedFieldsTests {
    private func region(_ text: String, _ evidence: LabelEvidence) -> ValueRegion {
        ValueRegion(paragraphs: [Paragraph(text: text, origin: Origin(part: "word/document.xml"))], units: 0...0,
                    origin: Origin(part: "word/document.xml"), via: "cell-right", evidence: evidence)
    }

    @Test func aFieldIsSettledWhenFoundWordForWordOrHoldingAValue() {
        var found = LocatedFields()
        found[region: "child.name"] = region("", .similar)
        #expect(found.taken == ["child.name"] && found.settled.isEmpty)
        found[region: "child.name"]?.paragraphs.append(Paragraph(text: "value", origin: Origin(part: "word/document.xml")))
        #expect(found.settled == ["child.name"])
        found[region: "stage"] = region("", .exact)
        #expect(found.taken == ["child.name", "stage"] && found.settled == ["child.name", "stage"])
        found[region: "child.name"] = region(" ", .similar)
        #expect(found.settled == ["stage"])
        found[region: "stage"] = nil
        #expect(found.taken == ["child.name"] && found.settled.isEmpty && found.regions.count == 1)
    }
}
