import Foundation
import IntakeMapping

/// One form's label wordings, prepared once per run: normalised for exact look-up, cut into
/// weighted words for matching by meaning.
struct FormLabels: Sendable {
    struct Wording: Sendable {
        var field: Int
        var words: WordSet
        var weight: Double
        /// A sectioned field's own label without its section ("Name" under "Person escalating"):
        /// it means that field only inside the section.
        var bare: Bool
    }

    struct SectionWording: Sendable {
        var section: String
        /// Index of `section` in ``sectionNames``.
        var sectionIndex: Int
        var words: WordSet
        var weight: Double
    }

    let mapping: FormMapping
    let words: LabelWords
    /// Answers about texts that hold for every document of this form, kept for the run.
    let shared = SharedLabelResults()
    /// Normalised wording → indexes of the fields printed with it.
    let exact: [String: [Int]]
    /// Wordings at least ``LabelMatcher/prefixMinimum`` long, for labels cut short or run on.
    let long: [(wording: String, field: Int)]
    let wordings: [Wording]
    let sectionExact: [(wording: String, section: String)]
    let sectionWordings: [SectionWording]
    /// Characters in the longest normalised wording of a field or section.
    let longestWording: Int
    /// Words in the longest section heading (a printed note can run to a sentence).
    let longestSectionWords: Int
    /// Texts that are never a field's label: the form's titles and version lines, and the
    /// options of its choice rows ("Outcomes of assessments" is a box, not the Outcome row).
    let notLabels: Set<String>
    let optionWords: [WordSet]
    /// Per section, the fields printed with one of the section's own headings (the monitoring
    /// form's "Initiating Manager Signature" heads a block and is the signature row).
    let headingFields: [String: Set<Int>]
    /// Every word of the form's wordings, headings and options → its id in a ``WordSet``.
    /// A text's other words get ids past these from the document's ``LabelMatcher``.
    let vocabulary: [String: Int32]
    /// Word id → indexes of the wordings (and of the section wordings) holding it: a text
    /// scores 0 against a wording it shares no word with, so only those need scoring.
    private let wordingsByWord: WordIndex
    private let sectionWordingsByWord: WordIndex
    /// The sections that have wordings, and by the same index the words of all each one's
    /// wordings (asked for on every heading looked at).
    let sectionNames: [String]
    let sectionWordList: [WordSet]
    /// The words of the signature rows' wordings: a value holding none of them hides no
    /// signature label.
    let signatureWords: WordSet
    /// "x", "yes" and "no": a box glyph's aside, never an option's own words.
    private let boxAsides: WordSet
    /// Word id → weight; ids past the end (and words no field wording has) weigh the unknown weight.
    private let weights: [Double]
    private let sectionWeights: [Double]
    /// Words no label of the form has: they count against a match, but less than label words.
    static let unknownWeight = 1.0
    static let unknownSectionWeight = 0.25

    init(mapping: FormMapping, lexicon: Lexicon) {
        self.mapping = mapping
        let words = LabelWords(lexicon: lexicon)
        self.words = words
        var exact: [String: [Int]] = [:]
        var long: [(String, Int)] = []
        var drafts: [(field: Int, words: Set<String>, bare: Bool)] = []
        let sectionNames = Dictionary(mapping.sections.map { ($0.name, $0) }, uniquingKeysWith: { a, _ in a })
        for (index, field) in mapping.fields.enumerated() {
            let printed = field.labels + [field.formField].compactMap { $0 }
            for wording in Set(field.labels.map(LabelText.normalize)) {
                exact[wording, default: []].append(index)
                if wording.count >= LabelMatcher.prefixMinimum { long.append((wording, index)) }
            }
            let sectionWords = field.section.flatMap { sectionNames[$0] }.map { words.words($0.name) } ?? []
            let keyWords = Set(field.key.split(separator: ".").first.flatMap { lexicon.keyWords[String($0)] } ?? [])
            for text in printed {
                let own = words.words(text)
                guard !own.isEmpty else { continue }
                let qualified = sectionWords.isSubset(of: own) || sectionWords.isEmpty
                drafts.append((index, own, !qualified))
                if !qualified { drafts.append((index, own.union(sectionWords), false)) }
                if !keyWords.isEmpty, !keyWords.isSubset(of: own) { drafts.append((index, own.union(keyWords), false)) }
            }
        }
        self.exact = exact
        self.long = long
        notLabels = Set((mapping.recognition.titles + mapping.recognition.versionLines).map(LabelText.normalize))
        let optionDrafts = mapping.fields.flatMap { $0.options.flatMap(\.labels) }.map(words.words).filter { !$0.isEmpty }
        var headingFields: [String: Set<Int>] = [:]
        for section in mapping.sections {
            let headings = Set(section.labels.map(LabelText.normalize))
            headingFields[section.name] = Set(mapping.fields.indices.filter { index in
                mapping.fields[index].labels.contains { headings.contains(LabelText.normalize($0)) }
            })
        }
        self.headingFields = headingFields
        var fieldWords: [Int: Set<String>] = [:]
        for draft in drafts { fieldWords[draft.field, default: []].formUnion(draft.words) }
        // A section means its party too: "Agency B practitioner" heads the responder's rows,
        // so "Receiving worker (Agency B)" is that heading.
        let sectionDrafts = mapping.sections.flatMap { section -> [(String, Set<String>)] in
            let printed = ([section.name] + section.labels).map { (section.name, words.words($0)) }.filter { !$0.1.isEmpty }
            let parties = Set(mapping.fields.filter { $0.section == section.name }.compactMap { $0.key.split(separator: ".").first })
            guard parties.count == 1, let party = parties.first, let partyWords = lexicon.keyWords[String(party)] else { return printed }
            return printed + [(section.name, words.words(section.name).union(partyWords))]
        }
        var sectionWords: [String: Set<String>] = [:]
        for (name, set) in sectionDrafts { sectionWords[name, default: []].formUnion(set) }

        // Every word gets an id, in sorted order so that ids do not depend on hashing.
        let asides: Set<String> = ["x", "yes", "no"]
        var allWords = asides
        for draft in drafts { allWords.formUnion(draft.words) }
        for (_, set) in sectionDrafts { allWords.formUnion(set) }
        for option in optionDrafts { allWords.formUnion(option) }
        let vocabulary = Dictionary(uniqueKeysWithValues: allWords.sorted().enumerated().map { ($1, Int32($0)) })
        self.vocabulary = vocabulary
        func ids(_ set: Set<String>) -> WordSet { WordSet(set.map { vocabulary[$0]! }) }
        func table(_ rarity: [String: Double], unknown: Double) -> [Double] {
            var table = [Double](repeating: unknown, count: vocabulary.count)
            for (word, weight) in rarity { table[Int(vocabulary[word]!)] = weight }
            return table
        }
        weights = table(Self.rarity(Array(fieldWords.values)), unknown: Self.unknownWeight)
        sectionWeights = table(Self.rarity(Array(sectionWords.values)), unknown: Self.unknownSectionWeight)
        boxAsides = ids(asides)
        optionWords = optionDrafts.map(ids)

        longestWording = (exact.keys.map(\.count) + mapping.sections.flatMap(\.labels).map { LabelText.normalize($0).count }).max() ?? 0
        longestSectionWords = mapping.sections.flatMap(\.labels).map { Lexicon.words($0).count }.max() ?? 0
        var wordings: [Wording] = []
        for draft in drafts {
            let set = ids(draft.words)
            wordings.append(Wording(field: draft.field, words: set, weight: Self.sum(set, weights, Self.unknownWeight), bare: draft.bare))
        }
        self.wordings = wordings
        wordingsByWord = WordIndex(wordings.map(\.words), vocabulary: vocabulary.count)
        sectionExact = mapping.sections.flatMap { section in section.labels.map { (LabelText.normalize($0), section.name) } }
        var sectionWordings: [SectionWording] = [], names: [String] = []
        for (section, words) in sectionDrafts {
            let set = ids(words)
            if !names.contains(section) { names.append(section) }
            sectionWordings.append(SectionWording(section: section, sectionIndex: names.firstIndex(of: section)!, words: set,
                                                  weight: Self.sum(set, sectionWeights, Self.unknownSectionWeight)))
        }
        self.sectionNames = names
        self.sectionWordings = sectionWordings
        sectionWordingsByWord = WordIndex(sectionWordings.map(\.words), vocabulary: vocabulary.count)
        sectionWordList = names.map { ids(sectionWords[$0]!) }
        signatureWords = wordings.filter { mapping.fields[$0.field].type == .signature }.reduce(into: WordSet()) { $0.formUnion($1.words) }
    }

    /// The words of all a section's wordings; none for a section without wordings.
    func sectionWords(_ section: String) -> WordSet {
        sectionNames.firstIndex(of: section).map { sectionWordList[$0] } ?? WordSet()
    }

    /// A text's words as ids: the form's own, and `unknown` for the rest (a ``LabelMatcher``
    /// numbers those per document, past the vocabulary).
    func wordSet(_ words: Set<String>, unknown: (String) -> Int32) -> WordSet {
        WordSet(words.map { vocabulary[$0] ?? unknown($0) })
    }

    /// Weighted Dice overlap of a text's words with a wording's: 1 when they are the same set.
    /// A text of three words or more that lies wholly inside a long wording is that label
    /// cut short ("Your concern about the decision made" of Croydon's long description row).
    func similarity(_ text: WordSet, textWeight: Double, _ wording: Wording) -> Double {
        var shared = 0.0, common = 0
        text.forEachCommon(with: wording.words) { id in
            shared += weights[Int(id)]
            common += 1
        }
        guard common > 0 else { return 0 }
        let dice = 2 * shared / (textWeight + wording.weight)
        guard text.count >= Self.shortenedMinimum, wording.words.count > text.count else { return dice }
        return max(dice, Self.shortenedShare * shared / textWeight)
    }

    /// The indexes of the wordings sharing a word with the text, in form order (the order
    /// ties are settled in).
    func wordings(sharingWordsWith text: WordSet) -> [Int] { wordingsByWord.holding(text) }

    /// The same for ``sectionWordings``.
    func sectionWordings(sharingWordsWith text: WordSet) -> [Int] { sectionWordingsByWord.holding(text) }

    static let shortenedMinimum = 3
    static let shortenedShare = 0.85

    /// Whether the words are those of one of the form's options (a box glyph's "x" aside).
    func isOption(_ text: WordSet) -> Bool {
        let words = text.subtracting(boxAsides)
        guard !words.isEmpty else { return false }
        return optionWords.contains { option in
            words.isSubset(of: option) && Double(words.count) >= 0.8 * Double(option.count)
        }
    }

    func weight(of text: WordSet) -> Double { Self.sum(text, weights, Self.unknownWeight) }

    /// How much of a section's wording a heading shows, by the words that tell sections apart.
    func sectionCoverage(_ text: WordSet, _ wording: SectionWording) -> Double {
        guard wording.weight > 0 else { return 0 }
        var shared = 0.0, common = 0
        text.forEachCommon(with: wording.words) { id in
            shared += sectionWeights[Int(id)]
            common += 1
        }
        return common == 0 ? 0 : shared / wording.weight
    }

    /// A word's weight is how rare it is among the sets: ln(1 + sets / sets holding it).
    private static func rarity(_ sets: [Set<String>]) -> [String: Double] {
        var counts: [String: Int] = [:]
        for set in sets { for word in set { counts[word, default: 0] += 1 } }
        let n = Double(max(sets.count, 1))
        return counts.mapValues { log(1 + n / Double($0)) }
    }

    /// Ids past the table (words of the text alone) weigh `unknown`, as the table's unknown words do.
    private static func sum(_ words: WordSet, _ table: [Double], _ unknown: Double) -> Double {
        var total = 0.0
        for id in words.ids { total += Int(id) < table.count ? table[Int(id)] : unknown }
        return total
    }
}

/// Every form's prepared labels, built once per run and shared by all documents.
struct LabelCatalogue: Sendable {
    private let forms: [String: FormLabels]

    init(mappings: MappingSet) {
        forms = Dictionary(mappings.forms.map { ($0.id, FormLabels(mapping: $0, lexicon: mappings.lexicon)) },
                           uniquingKeysWith: { a, _ in a })
    }

    func labels(for mapping: FormMapping) -> FormLabels {
        forms[mapping.id] ?? FormLabels(mapping: mapping, lexicon: .empty)
    }
}

/// Word id → the indexes of the word sets that hold it, for a form's vocabulary.
struct WordIndex: Sendable {
    private let lists: [[Int]]

    init(_ sets: [WordSet], vocabulary: Int) {
        var lists = [[Int]](repeating: [], count: vocabulary)
        for (index, set) in sets.enumerated() {
            for id in set.ids { lists[Int(id)].append(index) }
        }
        self.lists = lists
    }

    /// The indexes of the sets sharing a word with `text`, ascending, each once.
    func holding(_ text: WordSet) -> [Int] {
        var indexes: [Int] = []
        for id in text.ids where Int(id) < lists.count { indexes += lists[Int(id)] }
        indexes.sort()
        var unique: [Int] = []
        unique.reserveCapacity(indexes.count)
        for index in indexes where unique.last != index { unique.append(index) }
        return unique
    }
}
