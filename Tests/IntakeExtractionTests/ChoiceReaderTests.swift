import IntakeMapping
import Testing
@testable import IntakeExtraction

/// Every way a person marks a choice on a form, read from the row's text.
@Suite struct ChoiceReaderTests {
    let stage = ChoiceReader(options: [
        ChoiceOption(label: "Formal Resolution", older: [], value: .integer(3), formField: nil),
        ChoiceOption(label: "Partnership Resolution", older: [], value: .integer(4), formField: nil),
    ])
    let resolved = ChoiceReader(options: [
        ChoiceOption(label: "Yes", older: [], value: .boolean(true), formField: nil),
        ChoiceOption(label: "No", older: [], value: .boolean(false), formField: nil),
    ])

    private func values(_ outcome: ChoiceReader.Outcome) -> [ChoiceValue]? {
        if case .chosen(let options) = outcome { return options.map(\.value) }
        return nil
    }

    @Test("boxes written by the readers", arguments: [
        ("☐ Formal Resolution ☒ Partnership Resolution", 4),
        ("☒ Formal Resolution\n☐ Partnership Resolution", 3),
    ])
    func boxes(_ text: String, _ expected: Int) {
        #expect(values(stage.read(text)) == [.integer(expected)])
    }

    @Test("typed X before, after, in brackets; Yes after", arguments: [
        ("X Formal Resolution\tPartnership Resolution", 3),
        ("Formal Resolution\tX Partnership Resolution", 4),
        ("Formal Resolution  X\tPartnership Resolution", 3),
        ("[ ] Formal Resolution [X] Partnership Resolution", 4),
        ("Formal Resolution – Yes\tPartnership Resolution", 3),
        ("Formal Resolution\nPartnership Resolution - Yes", 4),
    ])
    func typedMarks(_ text: String, _ expected: Int) {
        #expect(values(stage.read(text)) == [.integer(expected)])
    }

    @Test func unchosenOptionsDeleted() {
        #expect(values(stage.read("Partnership Resolution")) == [.integer(4)])
    }

    @Test func twoTicksAreBothReported() {
        #expect(values(stage.read("☒ Formal Resolution ☒ Partnership Resolution"))?.count == 2)
    }

    @Test func nothingTickedIsNothing() {
        #expect(values(stage.read("☐ Formal Resolution ☐ Partnership Resolution")) == [])
    }

    @Test func aTypedStageIsKeptForValidation() {
        #expect(stage.read("Stage 2") == .typed("stage 2"))
    }

    @Test func yesAndNoAreWholeWordsOnly() {
        #expect(values(resolved.read("Yes  X\tNo")) == [.boolean(true)])
        #expect(values(resolved.read("☐ Yes ☒ No")) == [.boolean(false)])
        #expect(values(resolved.read("No")) == [.boolean(false)])
        // "No" inside "Not known" is not the option.
        #expect(values(resolved.read("Not known")) == nil)
    }

    @Test("boxes after their words", arguments: [
        ("Formal Resolution ☒ Partnership Resolution ☐", 3),
        ("Formal Resolution ☐\tPartnership Resolution ☒", 4),
        ("Please tick: ☐ Formal Resolution ☒ Partnership Resolution", 4),
    ])
    func boxesAfterWords(_ text: String, _ expected: Int) {
        #expect(values(stage.read(text)) == [.integer(expected)])
    }

    @Test func yesNoWithBoxesAfter() {
        #expect(values(resolved.read("Yes ☒ No ☐")) == [.boolean(true)])
    }

    @Test func aVeryLongRowIsReadQuickly() {
        // 200,000 boxes in one paragraph: linear work, not minutes.
        let text = String(repeating: "☒ ", count: 200_000) + "Formal Resolution"
        #expect(values(stage.read(text)) == [.integer(3)])
    }

    @Test func partOfOneOptionTypedAlone() {
        #expect(values(stage.read("Formal")) == [.integer(3)])
        // "Resolution" is in both options: not a choice.
        #expect(values(stage.read("Resolution")) == nil)
    }

    @Test func yesOrNoWrittenOutWithMoreWords() {
        #expect(resolved.read("yes - resolved") == .typed("yes - resolved"))
        #expect(resolved.read("No – not resolved") == .typed("no - not resolved"))
        // Both printed, neither marked: no answer.
        #expect(values(resolved.read("Yes    No")) == nil)
    }

    @Test func optionWordsAreWholeWordsBesideLettersThatAreNotASCII() {
        // One scalar per character (searched as bytes) and a letter written as two scalars
        // (searched by character) give the same offsets, in characters.
        #expect(MarkedText("☒ é no").locate(["no"]) == 4..<6)
        #expect(MarkedText("☒ e\u{301} no").locate(["no"]) == 4..<6)
        #expect(MarkedText("☒ éno ☐ no").locate(["no"]) == 8..<10)
        #expect(MarkedText("☒ noé").locate(["no"]) == nil)
        #expect(values(resolved.read("☐ Yes ☒ No, é")) == [.boolean(false)])
    }
}
