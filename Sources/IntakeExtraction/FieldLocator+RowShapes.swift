import IntakeDocument
import IntakeMapping

/// Row shapes that end a value whatever their labels say.
extension FieldLocator {
    /// "Response sent on | 4 Feb 2026" under a label that spans the table: a row of its own,
    /// however its label is worded, not more of the value above (which fills whole rows).
    func isLabelValueRow(_ unit: LayoutUnit) -> Bool {
        guard unit.cells.count >= 2, let label = unit.cells.first?.text, !label.isBlank,
              unit.cells.dropFirst().contains(where: { !$0.text.isBlank && $0.text != label }),
              LabelText.wordCount(label) <= Self.labelCellWords, !LabelMatcher.startsWithBox(label) else { return false }
        return !matcher.isOption(label)
    }

    /// "Outcome: resolved or not? ☐ Yes ☐ No": a question and its boxes are a row of their
    /// own, never the start of the answer to the label above.
    static func isQuestionWithBoxes(_ paragraph: Paragraph) -> Bool {
        guard !paragraph.ticks.isEmpty, let box = paragraph.text.firstIndex(where: { $0 == "☐" || $0 == "☒" }) else { return false }
        let before = paragraph.text[..<box].trimmedWhitespace
        return before.hasSuffix("?") || before.hasSuffix(":")
    }
}
