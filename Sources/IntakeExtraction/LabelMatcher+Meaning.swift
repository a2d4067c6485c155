import IntakeDocument
import IntakeMapping

/// Labels matched by meaning: word overlap with every wording, asides, parties.
extension LabelMatcher {
    /// The match by meaning of the label whole, or, when that matches nothing, without its
    /// asides in brackets ("Steps so far (who did what, when)"): an aside may explain more
    /// than it names.
    /// `value`, when known, is what the row holds: a bare date there tips a near tie towards
    /// the date row ("Response sent on: 10 April 2026" is the response's date, not the response).
    func similar(_ text: String, section: String?, taken: Set<String>, value: String? = nil) -> LabelMatch? {
        if let whole = similarWhole(text, section: section, taken: taken, value: value) { return whole }
        guard text.containsASCII("(") else { return nil }
        let bare = Self.withoutAsides(text)
        return bare.isBlank || bare == text ? nil : similarWhole(bare, section: section, taken: taken, value: value)
    }

    /// The text with whatever is in round brackets left out.
    static func withoutAsides(_ text: String) -> String {
        var depth = 0
        return String(text.filter { character in
            if character == "(" { depth += 1; return false }
            if character == ")" { depth = max(0, depth - 1); return false }
            return depth == 0
        })
    }

    private func similarWhole(_ text: String, section: String?, taken: Set<String>, value: String?) -> LabelMatch? {
        guard LabelWords.isLabelLength(text), !Self.hasValueAfterColon(text), !isQuestionAnsweredByOption(text),
              !labels.notLabels.contains(normalized(text)) else { return nil }
        let words = self.words(text)
        guard !words.isEmpty, !labels.isOption(words) else { return nil }
        // A heading ("Person escalating") is not its section's "Name" row: unless it says
        // more than the heading, it is a label only of a field printed with that heading.
        var allowed: Set<Int>?
        let headings = self.section(of: text).map { [$0] } ?? headingsLike(text)
        if !headings.isEmpty, words.isSubset(of: headings.reduce(into: WordSet()) { $0.formUnion(labels.sectionWords($1)) }) {
            allowed = headings.reduce(into: Set<Int>()) { $0.formUnion(labels.headingFields[$1] ?? []) }
        }
        let textWeight = labels.weight(of: words)
        var score: [Int: (raw: Double, qualified: Bool)] = [:]
        for index in labels.wordings(sharingWordsWith: words) {
            let wording = labels.wordings[index]
            guard allowed?.contains(wording.field) ?? true else { continue }
            var s = labels.similarity(words, textWeight: textWeight, wording)
            // A bare "Name" outside its field's section means that field less.
            if let own = mapping.fields[wording.field].section, own != section {
                if wording.bare {
                    s *= section == nil ? 0.95 : 0.8
                } else if let section, words.isDisjoint(with: labels.sectionWords(own).subtracting(labels.sectionWords(section))) {
                    // "Name of worker" under "Professional escalated to": a wording of the other
                    // party's row that the text does not name that party by is its own party's.
                    s *= 0.9
                }
            }
            if s > (score[wording.field]?.raw ?? 0) { score[wording.field] = (s, !wording.bare && mapping.fields[wording.field].section != nil) }
        }
        guard let top = score.values.map(\.raw).max(), top >= matchThreshold else { return nil }
        let group = score.filter { $0.value.raw >= top - Self.tie }.map(\.key).sorted()
        let second = score.filter { $0.value.raw < top - Self.tie }.map(\.value.raw).max() ?? 0
        let open = group.filter { !taken.contains(mapping.fields[$0].key) }
        guard !open.isEmpty else { return nil }
        var chosen = pick(open, section: section, shared: group.count > 1)
        var margin = top - second
        // The cheap tests first: most rows have no near date row to tip towards.
        if let value, chosen.type != .date,
           let (date, raw) = score.filter({ mapping.fields[$0.key].type == .date && !taken.contains(mapping.fields[$0.key].key) })
               .map({ ($0.key, $0.value.raw) }).max(by: { $0.1 < $1.1 }), raw >= top - Self.clearMargin,
           BritishDateParser.parse(value.trimmedWhitespace) != nil {
            chosen = mapping.fields[date]
            margin = raw - top  // never sure: the words alone chose another row
        }
        let confidence = margin >= Self.clearMargin ? top : max(0, top - (Self.clearMargin - margin))
        let index = mapping.fields.firstIndex { $0.key == chosen.key }!
        return LabelMatch(field: chosen, confidence: confidence, evidence: .similar,
                          opensSection: score[index]?.qualified == true ? chosen.section : nil)
    }

    /// "Which stage? Formal Resolution": a question and the one option left when the others
    /// were deleted, a label and its answer rather than a label.
    func isQuestionAnsweredByOption(_ text: String) -> Bool {
        guard let question = text.firstIndex(ofASCII: "?"), !text[..<question].containsASCII(":") else { return false }
        let rest = text[text.index(after: question)...].trimmedWhitespace
        return !rest.isEmpty && isOption(String(rest))
    }

    /// Whether the text is one of the form's tick-box options ("☒ Stage 3: Senior Manager…").
    func isOption(_ text: String) -> Bool {
        LabelWords.isLabelLength(text) && labels.isOption(words(text))
    }

    /// Whether the text names a party and says nothing of the field beyond it ("Raising
    /// manager" for "Initiating Manager Signature"): none of the field's words that the
    /// party's other rows ("Initiating manager name") do not also have.
    func namesOnlyParty(_ text: String, of field: Int) -> Bool {
        guard let party = section(of: text) else { return false }
        func words(of fields: (Int) -> Bool) -> WordSet {
            labels.wordings.filter { fields($0.field) }.reduce(into: WordSet()) { $0.formUnion($1.words) }
        }
        let rows = words { $0 != field && mapping.fields[$0].section == party }
        return self.words(text).isDisjoint(with: words { $0 == field }.subtracting(rows))
    }
}
