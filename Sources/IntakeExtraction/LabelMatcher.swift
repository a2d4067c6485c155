import IntakeDocument
import Foundation
import IntakeMapping

/// How a field's label was found; recorded in the field's provenance.
enum LabelEvidence: String, Sendable {
    case exact = "exact-label"
    case similar = "similar-label"
    case position
    case formField = "form-field"
    case contentControl = "content-control"
}

/// A text taken for one field's printed label.
struct LabelMatch {
    var field: FieldMapping
    var confidence: Double
    var evidence: LabelEvidence
    /// Set when the wording named the field's section ("Initiating manager's name"): bare
    /// labels after it ("Role") belong to that section.
    var opensSection: String?
}

/// Decides whether a piece of text is one of a form's printed labels or section headings.
///
/// Exact wordings (after ``LabelText/normalize(_:)``) win, long ones also by prefix either
/// way; failing that a text matches by meaning: its words (``LabelWords``) against each
/// wording's, weighted by rarity, word order ignored. One matcher serves one document: it
/// remembers the words of the texts it has seen.
final class LabelMatcher {
    static let prefixMinimum = 25
    /// A cell showing only the start of a label must show at least this much of it.
    static let truncatedMinimum = 40
    /// A heading found by meaning is short; a longer line is a sentence of a value.
    static let headingWords = 7
    /// A section wording this long is a printed note, which may hold a colon.
    static let noteWords = 6
    /// Scores within this of the best are the same label printed for several fields ("Name").
    static let tie = 0.02
    /// A best score closer than this to another field's costs confidence.
    static let clearMargin = 0.1
    /// How much like a label the text before a colon must look for its line to end a value.
    static let colonLabelResemblance = 0.5
    static let questionResemblance = 0.3
    /// A line of more words than this is a sentence, not a label, unless it ends in a colon.
    static let boundaryWords = 12

    let labels: FormLabels
    var mapping: FormMapping { labels.mapping }
    private var wordsCache: [String: WordSet] = [:]
    /// Ids for the words of this document's texts that no wording of the form has.
    private var unknownWords: [String: Int32] = [:]
    // A document's texts are asked about again and again as values are collected.
    private var sectionCache: [CacheKey: String?] = [:]
    private var boundaryCache: [String: Bool] = [:]
    private var normalizedCache: [String: String] = [:]

    private struct CacheKey: Hashable {
        var text: String
        var flag: Bool
    }

    init(labels: FormLabels) {
        self.labels = labels
    }

    var matchThreshold: Double { labels.words.lexicon.matchThreshold }

    /// The section a heading opens, if the text is one. `heading` is false for the label
    /// cell of a label | value row, which must name the section plainly to open it.
    func section(of text: String, heading: Bool = true) -> String? {
        let key = CacheKey(text: text, flag: heading)
        if let known = sectionCache[key] { return known }
        let found = labels.shared.section(.init(text: text, heading: heading)) { findSection(of: text, heading: heading) }
        sectionCache[key] = found
        return found
    }

    private func findSection(of text: String, heading: Bool) -> String? {
        let n = normalized(text)
        // "☒ Formal Resolution ☐ Partnership Resolution" is a choice's boxes, whatever its words.
        guard !n.isEmpty, !Self.startsWithBox(text), !isQuestionAnsweredByOption(text) else { return nil }
        for (wording, section) in labels.sectionExact where n == wording {
            return section
        }
        for (wording, section) in labels.sectionExact where wording.count >= Self.truncatedMinimum
            && (n.hasPrefix(wording) || (n.count >= Self.truncatedMinimum && wording.hasPrefix(n))) {
            return section
        }
        if let designated = designatedSection(text) { return designated }
        // "Part C: Partnership Resolution" is a heading with a colon, not a label and its value.
        let count = LabelText.wordCount(text)
        guard count <= max(Self.headingWords, labels.longestSectionWords), !n.hasSuffix(".") || n.count < 30 else { return nil }
        // "Label: value" is a heading only as a printed note ("Action Note: keep a copy…").
        let noteOnly = Self.hasValueAfterColon(text) && count > 4
        let ranked = headingScores(text, noteOnly: noteOnly)
        guard let top = ranked.first else { return nil }
        let second = ranked.dropFirst().first?.value ?? 0
        let needed = heading ? 0.5 : 0.8
        return top.value >= needed && top.value - second >= 0.25 ? top.key : nil
    }

    /// "PART A: FOR THE AGENCY RAISING THE DIFFERENCE": a part's designation as the form
    /// prints it ("Part A – to be completed by Agency A"), then a colon or dash and its title
    /// in any words, is that part's heading.
    private func designatedSection(_ text: String) -> String? {
        // Most texts start with no designator: told by their first byte, before any splitting.
        guard let first = text.utf8.first(where: { $0 != 0x20 }), "PpSsAa".utf8.contains(first) else { return nil }
        let words = text.prefix(40).split(whereSeparator: \.isWhitespace).prefix(3).map { $0.lowercased() }
        guard words.count >= 2, Self.designators.contains(words[0]) else { return nil }
        var mark = words[1]
        let separated = mark.last.map { ":–—-".contains($0) } == true || (words.count > 2 && ["–", "—", "-", ":"].contains(words[2]))
        mark = String(mark.filter { $0.isLetter || $0.isNumber })
        guard separated, (1...2).contains(mark.count) else { return nil }
        let designation = words[0] + " " + mark
        let matches = Set(labels.sectionExact.filter { $0.wording == designation || $0.wording.hasPrefix(designation + " ") }.map(\.section))
        return matches.count == 1 ? matches.first : nil
    }

    static let designators: Set<String> = ["part", "section", "appendix"]

    /// How well the text covers each section's heading, best first.
    private func headingScores(_ text: String, noteOnly: Bool = false) -> [(key: String, value: Double)] {
        let words = self.words(text)
        guard !words.isEmpty else { return [] }
        // By section index (0 where no wording of the section shares a word with the text).
        var best = [Double](repeating: 0, count: labels.sectionNames.count)
        for index in labels.sectionWordings(sharingWordsWith: words) {
            let wording = labels.sectionWordings[index]
            guard !noteOnly || wording.words.count >= Self.noteWords else { continue }
            best[wording.sectionIndex] = max(best[wording.sectionIndex], labels.sectionCoverage(words, wording))
        }
        // Mostly other words ("Agency A practitioner name"): a row of the section, not its heading.
        for section in best.indices where best[section] > 0 && 2 * words.intersectionCount(labels.sectionWordList[section]) < words.count {
            best[section] = 0
        }
        return best.indices.filter { best[$0] > 0 }.map { (key: labels.sectionNames[$0], value: best[$0]) }.sorted { $0.value > $1.value }
    }

    /// The sections whose heading this short text could be, however close they run.
    func headingsLike(_ text: String) -> [String] {
        guard LabelText.wordCount(text) <= Self.headingWords, !Self.hasValueAfterColon(text) else { return [] }
        return headingScores(text).filter { $0.value >= 0.5 }.map(\.key)
    }

    /// Whether the text is a label or heading word for word, or starts with one before a colon.
    func isExactLabel(_ text: String) -> Bool {
        let n = normalized(text)
        if labels.exact[n] != nil || labels.sectionExact.contains(where: { $0.wording == n }) { return true }
        guard let colon = text.firstIndex(ofASCII: ":") else { return false }
        return labels.exact[LabelText.normalize(String(text[..<colon]))] != nil
    }

    /// Whether the text is surely a label: word for word, a heading, a question or a line
    /// ending in a colon, or by meaning (whole, or before its colon) a field not yet taken.
    func isSureLabel(_ text: String, taken: Set<String> = []) -> Bool {
        if Self.startsWithBox(text) { return false }
        if isExactLabel(text) || section(of: text) != nil { return true }
        let trimmed = text.trimmedWhitespace
        // A line that asks ("…?") or announces ("…:") is the next row's label, not an answer.
        if trimmed.hasSuffix(":") || trimmed.hasSuffix("?") { return true }
        // "Which agency do you work for? Riverside Academy": a question and its answer.
        if let question = text.firstIndex(ofASCII: "?"), !text[..<question].containsASCII(":"),
           !text[text.index(after: question)...].isBlank, similar(String(text[...question]), section: nil, taken: taken) != nil {
            return true
        }
        guard let colon = text.firstIndex(ofASCII: ":") else { return similar(text, section: nil, taken: taken) != nil }
        guard let match = similar(String(text[..<colon]), section: nil, taken: taken) else { return false }
        return !Self.isProse(text[text.index(after: colon)...], answering: match.field)
    }

    /// A line that opens with a box (readers write every box as ☒ or ☐) is a choice's options.
    static func startsWithBox(_ text: String) -> Bool {
        text.first(where: { !$0.isWhitespace }).map { "☐☒".contains($0) } ?? false
    }

    /// "Not resolved: St Anselm's upheld the original decision" under an answer's label: a
    /// choice is answered by a box or a word or two, so a sentence after the colon is the answer.
    static func isProse(_ rest: Substring, answering field: FieldMapping) -> Bool {
        guard field.type == .oneOf || field.type == .manyOf, !rest.contains(where: { "☐☒☑✓✔".contains($0) }) else { return false }
        return LabelText.wordCount(String(rest)) > 4
    }

    /// Whether the text is any label or heading at all (a value region stops there). A short
    /// line ending in a colon is a label even when no field's wording is like it.
    func isBoundary(_ text: String) -> Bool {
        if let known = boundaryCache[text] { return known }
        let found = labels.shared.isBoundary(text) { findBoundary(text) }
        boundaryCache[text] = found
        return found
    }

    private func findBoundary(_ text: String) -> Bool {
        let n = normalized(text)
        if n.isEmpty { return false }
        if isExactLabel(text) || section(of: text) != nil { return true }
        // "Resolution reached? ☐ Yes ☒ No": a question and its answer start the next row.
        if let question = text.firstIndex(ofASCII: "?"), resemblance(String(text[...question])) >= Self.colonLabelResemblance,
           text.firstIndex(ofASCII: "\n").map({ $0 > question }) ?? true { return true }
        // A cell of boxes ("[ ] Stage 1: …" on each line) is a choice row's value, not a label.
        if isOption(String(text.prefix { $0 != "\n" })) { return false }
        if let colon = text.firstIndex(ofASCII: ":") {
            let prefix = String(text[..<colon])
            // "Agency A practitioner's role: …" ends the value above it even before it is matched.
            if resemblance(prefix) >= Self.colonLabelResemblance { return true }
        }
        if !longMatches(n).isEmpty { return true }
        let count = LabelText.wordCount(text)
        let trimmed = text.trimmedWhitespace
        if count <= 6, trimmed.hasSuffix(":") { return true }
        // A question or a line ending in a colon that speaks of the form's own matters
        // ("What has been done so far to resolve the issue?") is the next row's label.
        if trimmed.hasSuffix(":") || trimmed.hasSuffix("?"), resemblance(text) >= Self.questionResemblance { return true }
        guard count <= Self.boundaryWords else { return false }
        return similar(text, section: nil, taken: []).map { $0.confidence >= labels.words.lexicon.confidentThreshold } ?? false
    }

    /// The field whose label this text is, given the section being read and the fields
    /// already taken. A wording shared by several fields ("Name") goes to the one of the
    /// current section.
    /// `settled` are the taken fields an exact wording may not take again: a field taken
    /// only by meaning, with nothing in it, yields to its real row.
    func field(for text: String, section: String?, taken: Set<String>, settled: Set<String>? = nil, value: String? = nil) -> LabelMatch? {
        let n = normalized(text)
        guard !n.isEmpty else { return nil }
        let candidates = (labels.exact[n] ?? longMatches(n)).filter { !(settled ?? taken).contains(mapping.fields[$0].key) }
        if !candidates.isEmpty {
            let shared = (labels.exact[n]?.count ?? 0) > 1
            return LabelMatch(field: pick(candidates, section: section, shared: shared), confidence: 1, evidence: .exact)
        }
        if labels.exact[n] != nil { return nil }
        return similar(text, section: section, taken: taken, value: value)
    }

    /// "Child's name: Jo" (or "When was it completed? 5 May") is a label with its value, read
    /// as a colon line, never a label whole.
    static func hasValueAfterColon(_ text: String) -> Bool {
        if let colon = text.firstIndex(ofASCII: ":") {
            return text[text.index(after: colon)...].contains { !$0.isWhitespace && !":*".contains($0) }
        }
        // After a question an answer is a date, a number, ticked boxes or a yes/no, not more
        // words of the question ("How effective was it? Any suggestions").
        guard let question = text.firstIndex(ofASCII: "?") else { return false }
        let rest = text[text.index(after: question)...].trimmedWhitespace
        return rest.contains { $0.isNumber || "☐☒☑✓✔".contains($0) } || ["yes", "no", "x"].contains(rest.lowercased())
    }

    /// The text's best score against one field's wordings.
    func similarity(_ text: String, to field: Int) -> Double {
        bestScore(text) { $0.field == field }
    }

    /// The best score of the text against any wording, whoever has taken the field.
    func resemblance(_ text: String) -> Double {
        bestScore(text) { _ in true }
    }

    private func bestScore(_ text: String, over wordings: (FormLabels.Wording) -> Bool) -> Double {
        guard LabelWords.isLabelLength(text) else { return 0 }
        let words = self.words(text)
        let weight = labels.weight(of: words)
        var best = 0.0
        for index in labels.wordings(sharingWordsWith: words) where wordings(labels.wordings[index]) {
            best = max(best, labels.similarity(words, textWeight: weight, labels.wordings[index]))
        }
        return best
    }

    /// The text normalised, cut to a little more than the longest wording: a longer text
    /// can match a wording only by its start, and values can be pages long.
    func normalized(_ text: String) -> String {
        if let known = normalizedCache[text] { return known }
        // `prefix` stops at the limit; `text.count` would walk a pages-long value to its end.
        let prefix = text.prefix(labels.longestWording + Self.headSlack)
        let head = prefix.endIndex == text.endIndex ? text : String(prefix)
        let n = labels.shared.normalized(head) { LabelText.normalize(head) }
        normalizedCache[text] = n
        return n
    }

    static let headSlack = 40

    func words(_ text: String) -> WordSet {
        if let known = wordsCache[text] { return known }
        let words = labels.wordSet(labels.shared.words(text) { labels.words.words(text) }) { word in
            if let id = unknownWords[word] { return id }
            let id = Int32(labels.vocabulary.count + unknownWords.count)
            unknownWords[word] = id
            return id
        }
        wordsCache[text] = words
        return words
    }

    /// Among fields printed with the same label, the one of the current section; else one
    /// with no section; else the first in form order, so a second "Name" block after the
    /// first is the other party's even when its heading row is missing.
    func pick(_ candidates: [Int], section: String?, shared: Bool) -> FieldMapping {
        let sorted = candidates.sorted().map { mapping.fields[$0] }
        if let inSection = sorted.first(where: { $0.section != nil && $0.section == section }) { return inSection }
        guard shared else { return sorted[0] }
        return sorted.first(where: { $0.section == nil }) ?? sorted[0]
    }

    /// The text starts with the wording and runs on as more label, not as "Label: value".
    private func continuesLabel(_ n: String, _ wording: String) -> Bool {
        guard n.hasPrefix(wording) else { return false }
        // "Label?: value" and "Label/ren: value" are colon lines, read as such.
        return !n.dropFirst(wording.count).prefix(12).contains(":")
    }

    private func longMatches(_ n: String) -> [Int] {
        // Counted once: `count` walks the whole text, and the loop asked for it per wording.
        let count = n.count
        guard count >= 4 else { return [] }
        var best: [Int] = []
        var bestLength = 0
        for (wording, field) in labels.long where continuesLabel(n, wording) || (count >= Self.truncatedMinimum && wording.hasPrefix(n)) {
            let length = min(wording.count, count)
            if length > bestLength { best = [field]; bestLength = length }
            else if length == bestLength { best.append(field) }
        }
        return best
    }
}
