import IntakeMapping

/// Cuts a label into the words that carry its meaning, through the lexicon: phrases become
/// one word, synonyms and abbreviations their group's word, plurals their singular, and stop
/// words go. "Name of the initiating manager" and "Initiating Mgr – full name" give the same set.
struct LabelWords: Sendable {
    let lexicon: Lexicon
    /// First words of phrases, so that most words need no phrase look-up.
    private let phraseStarts: Set<String>

    init(lexicon: Lexicon) {
        self.lexicon = lexicon
        phraseStarts = Set(lexicon.phrases.keys.compactMap { $0.split(separator: " ").first.map(String.init) })
    }

    /// A text longer than this is a sentence or a value, not a label.
    static let maxLabelWords = 16

    func words(_ text: String) -> Set<String> {
        let raw = Lexicon.words(text)
        var out = Set<String>()
        var i = 0
        while i < raw.count {
            if phraseStarts.contains(raw[i]), let (word, length) = phrase(at: i, in: raw) {
                out.insert(word)
                i += length
                continue
            }
            let word = raw[i]
            i += 1
            if lexicon.stopWords.contains(word) { continue }
            out.insert(canonical(word))
        }
        return out
    }

    /// Whether a text is short enough to be a label at all.
    static func isLabelLength(_ text: String) -> Bool {
        text.utf8.count <= 160 && LabelText.wordCount(text) <= maxLabelWords
    }

    private func phrase(at start: Int, in raw: [String]) -> (String, Int)? {
        var length = min(lexicon.longestPhrase, raw.count - start)
        while length >= 2 {
            if let word = lexicon.phrases[raw[start..<(start + length)].joined(separator: " ")] { return (word, length) }
            length -= 1
        }
        return nil
    }

    private func canonical(_ word: String) -> String {
        if let synonym = lexicon.synonyms[word] { return synonym }
        let stem = Self.singular(word)
        return lexicon.synonyms[stem] ?? stem
    }

    /// "agencies" → "agency", "signatures" → "signature"; "address" and "process" stay.
    static func singular(_ word: String) -> String {
        if word.count > 4, word.hasSuffix("ies") { return String(word.dropLast(3)) + "y" }
        if word.count > 3, word.hasSuffix("s"), !word.hasSuffix("ss"), !word.hasSuffix("us") { return String(word.dropLast()) }
        return word
    }
}
