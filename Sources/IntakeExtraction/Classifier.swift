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
///
/// Built once per run: every wording it searches for is normalised here, not per document.
struct Classifier: Sendable {
    static let threshold = 6.0
    static let margin = 2.0

    /// One mapping's recognition wordings, normalised.
    private struct Wordings: Sendable {
        var titles: [String]
        var versionLines: [String]
        var partnershipNames: [String]
        var phrases: [String]
        var exclude: [String]

        init(_ recognition: Recognition) {
            titles = recognition.titles.map(LabelText.normalize)
            versionLines = recognition.versionLines.map(LabelText.normalize)
            partnershipNames = recognition.partnershipNames.map(LabelText.normalize)
            phrases = recognition.phrases.map(LabelText.normalize)
            exclude = recognition.exclude.map(LabelText.normalize)
        }
    }

    private let forms: [(mapping: FormMapping, wordings: Wordings, fieldLabels: [[String]])]
    private let policies: [(mapping: PolicyMapping, wordings: Wordings)]

    init(mappings: MappingSet) {
        forms = mappings.forms.map { form in
            (form, Wordings(form.recognition), form.fields.map { $0.labels.map(LabelText.normalize) })
        }
        policies = mappings.policies.map { ($0, Wordings($0.recognition)) }
    }

    func classify(_ text: DocumentText) -> Recognised {
        var scored: [(Recognised, Double)] = []
        for form in forms where !excluded(form.wordings, text) {
            let score = recognitionScore(form.wordings, text) + 4 * labelShare(form.fieldLabels, text)
            scored.append((.form(form.mapping, score: score), score))
        }
        for policy in policies where !excluded(policy.wordings, text) {
            let score = recognitionScore(policy.wordings, text)
            scored.append((.policy(policy.mapping, score: score), score))
        }
        scored.sort { $0.1 > $1.1 }
        guard let best = scored.first else { return .unknown(bestScore: 0) }
        let second = scored.dropFirst().first?.1 ?? 0
        guard best.1 >= Self.threshold, best.1 - second >= Self.margin else { return .unknown(bestScore: best.1) }
        return best.0
    }

    private func excluded(_ wordings: Wordings, _ text: DocumentText) -> Bool {
        wordings.exclude.contains(where: text.contains)
    }

    private func recognitionScore(_ wordings: Wordings, _ text: DocumentText) -> Double {
        var score = 0.0
        if wordings.titles.contains(where: text.headContains) { score += 6 }
        if wordings.versionLines.contains(where: text.contains) { score += 3 }
        if wordings.partnershipNames.contains(where: text.contains) { score += 2 }
        if wordings.phrases.contains(where: text.contains) { score += 1 }
        return score
    }

    /// The share of the form's fields whose label (any wording) stands in a cell or before a colon.
    private func labelShare(_ fieldLabels: [[String]], _ text: DocumentText) -> Double {
        let found = fieldLabels.filter { labels in labels.contains { text.cellTexts.contains($0) } }
        return Double(found.count) / Double(fieldLabels.count)
    }
}
