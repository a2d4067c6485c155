import IntakeDocument
import IntakeMapping

/// Which mapping a document is, with the evidence that decided it.
public enum Recognised: Sendable, Equatable {
    case form(FormMapping, score: Double)
    case policy(PolicyMapping, score: Double)
    case unknown(bestScore: Double)
}

/// Scores every form and policy mapping against a document; the best wins only above a
/// threshold and clearly ahead of the next, else the document is unknown.
///
/// Weights: a title at the top of the document 6, a version line 3, the partnership's name 2,
/// and for forms up to 4 for the share of their labels found in cells.
struct Classifier {
    static let threshold = 6.0
    static let margin = 2.0

    let mappings: MappingSet

    func classify(_ text: DocumentText) -> Recognised {
        var scored: [(Recognised, Double)] = []
        for form in mappings.forms where !excluded(form.recognition, text) {
            let score = recognitionScore(form.recognition, text) + 4 * labelShare(form, text)
            scored.append((.form(form, score: score), score))
        }
        for policy in mappings.policies where !excluded(policy.recognition, text) {
            let score = recognitionScore(policy.recognition, text)
            scored.append((.policy(policy, score: score), score))
        }
        scored.sort { $0.1 > $1.1 }
        guard let best = scored.first else { return .unknown(bestScore: 0) }
        let second = scored.dropFirst().first?.1 ?? 0
        guard best.1 >= Self.threshold, best.1 - second >= Self.margin else { return .unknown(bestScore: best.1) }
        return best.0
    }

    private func excluded(_ recognition: Recognition, _ text: DocumentText) -> Bool {
        recognition.exclude.contains { text.contains($0) }
    }

    private func recognitionScore(_ recognition: Recognition, _ text: DocumentText) -> Double {
        var score = 0.0
        if recognition.titles.contains(where: text.headContains) { score += 6 }
        if recognition.versionLines.contains(where: text.contains) { score += 3 }
        if recognition.partnershipNames.contains(where: text.contains) { score += 2 }
        if recognition.phrases.contains(where: text.contains) { score += 1 }
        return score
    }

    /// The share of the form's fields whose label (any wording) stands in a cell or before a colon.
    private func labelShare(_ form: FormMapping, _ text: DocumentText) -> Double {
        let found = form.fields.filter { field in
            field.labels.contains { text.cellTexts.contains(LabelText.normalize($0)) }
        }
        return Double(found.count) / Double(form.fields.count)
    }
}
