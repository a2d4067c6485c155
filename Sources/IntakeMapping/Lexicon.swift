import Foundation
import Yams

/// The words that mean the same in a printed label, kept as data in `mappings/lexicon.yaml`.
///
/// The label matcher turns a label into words through this table: phrases first ("job title"
/// is "role"), then synonyms and abbreviations, and leaves out the stop words.
public struct Lexicon: Sendable, Equatable {
    /// A word (or abbreviation) to the word it stands for.
    public var synonyms: [String: String]
    /// Runs of words that stand for one word, keyed by the words joined with a space.
    public var phrases: [String: String]
    /// The longest phrase, in words.
    public var longestPhrase: Int
    public var stopWords: Set<String>
    /// The words a field key's first part stands for (`raiser` → initiating, practitioner).
    public var keyWords: [String: [String]]
    /// Below this score a text is not the label.
    public var matchThreshold: Double
    /// Below this a field is named in a `low-confidence-field` warning.
    public var confidentThreshold: Double

    public init(synonyms: [String: String] = [:], phrases: [String: String] = [:], stopWords: Set<String> = [],
                keyWords: [String: [String]] = [:], matchThreshold: Double = 0.7, confidentThreshold: Double = 0.8) {
        self.keyWords = keyWords
        self.synonyms = synonyms
        self.phrases = phrases
        self.longestPhrase = phrases.keys.map { $0.split(separator: " ").count }.max() ?? 0
        self.stopWords = stopWords
        self.matchThreshold = matchThreshold
        self.confidentThreshold = confidentThreshold
    }

    /// With no lexicon file, labels still match by their own words.
    public static let empty = Lexicon()
}

extension Lexicon {
    /// Reads `lexicon.yaml`; a word in two synonym groups is a mistake, named with its line.
    public init(yaml: String, file: String) throws {
        let root = try YAMLReader.root(yaml: yaml, file: file)
        try root.rejectUnknownKeys(["thresholds", "stop_words", "key_words", "phrases", "synonyms", "abbreviations"])
        var match = 0.7, confident = 0.8
        if let thresholds = try root.child("thresholds") {
            try thresholds.rejectUnknownKeys(["match", "confident"])
            match = try thresholds.optionalDouble("match") ?? match
            confident = try thresholds.optionalDouble("confident") ?? confident
            guard match > 0, match <= confident, confident <= 1 else {
                throw thresholds.error("thresholds must satisfy 0 < match <= confident <= 1")
            }
        }
        var synonyms: [String: String] = [:]
        if let groups = root.raw("synonyms") {
            guard let sequence = groups.sequence else { throw root.error("'synonyms' must be a list of word lists", at: groups) }
            for group in sequence {
                guard let words = group.sequence?.compactMap({ $0.scalar.map { Self.word($0.string) } }), let head = words.first else {
                    throw root.error("each synonym group must be a list of words", at: group)
                }
                for word in words {
                    if let other = synonyms[word], other != head {
                        throw root.error("'\(word)' is in two synonym groups ('\(other)' and '\(head)')", at: group)
                    }
                    synonyms[word] = head
                }
            }
        }
        if let abbreviations = try root.child("abbreviations") {
            for (short, long) in try abbreviations.stringPairs() {
                let target = Self.word(long)
                synonyms[Self.word(short)] = synonyms[target] ?? target
            }
        }
        var phrases: [String: String] = [:]
        if let table = try root.child("phrases") {
            for (phrase, word) in try table.stringPairs() {
                let words = Self.words(phrase)
                guard words.count >= 2 else { throw table.error("phrase '\(phrase)' must have two words or more") }
                let target = Self.word(word)
                phrases[words.joined(separator: " ")] = synonyms[target] ?? target
            }
        }
        var keyWords: [String: [String]] = [:]
        if let table = try root.child("key_words") {
            for (key, _) in try table.stringListPairs() {
                keyWords[key] = try table.strings(key).map { synonyms[Self.word($0)] ?? Self.word($0) }
            }
        }
        self.init(synonyms: synonyms, phrases: phrases, stopWords: Set(try root.strings("stop_words").map(Self.word)),
                  keyWords: keyWords, matchThreshold: match, confidentThreshold: confident)
    }

    /// The words of a text as the matcher cuts them: lower case, letters and digits only.
    public static func words(_ text: String) -> [String] {
        let normalized = LabelText.normalize(text)
        if let ascii = asciiWords(normalized) { return ascii }
        return normalized.replacingOccurrences(of: "'s", with: "")
            .split { !($0.isLetter || $0.isNumber) }.map(String.init)
    }

    /// The same cut on the bytes of an ASCII text (most labels): Foundation's
    /// `replacingOccurrences` and `Character` properties cost more than the rest of it.
    /// "'s" goes left to right as `replacingOccurrences` takes it, joining what is around it.
    static func asciiWords(_ text: String) -> [String]? {
        let bytes = Array(text.utf8)
        guard bytes.allSatisfy({ $0 < 0x80 }) else { return nil }
        var words: [String] = []
        var word: [UInt8] = []
        var i = 0
        while i < bytes.count {
            let byte = bytes[i]
            if byte == UInt8(ascii: "'"), i + 1 < bytes.count, bytes[i + 1] == UInt8(ascii: "s") { i += 2; continue }
            if (byte >= 0x30 && byte <= 0x39) || (byte | 0x20 >= 0x61 && byte | 0x20 <= 0x7A) {
                word.append(byte)
            } else if !word.isEmpty {
                words.append(String(decoding: word, as: UTF8.self))
                word.removeAll(keepingCapacity: true)
            }
            i += 1
        }
        if !word.isEmpty { words.append(String(decoding: word, as: UTF8.self)) }
        return words
    }

    static func word(_ text: String) -> String { words(text).joined() }
}

extension YAMLReader {
    func optionalDouble(_ key: String) throws -> Double? {
        guard let value = raw(key) else { return nil }
        guard let number = value.float else { throw error("'\(key)' must be a number", at: value) }
        return number
    }

    /// The keys of a mapping whose values are lists, in file order.
    func stringListPairs() throws -> [(String, Node)] {
        guard let mapping = node.mapping else { throw error("expected a mapping of words to word lists") }
        return try mapping.map { key, value in
            guard let k = key.string else { throw error("keys must be text", at: key) }
            return (k, value)
        }
    }

    /// A mapping of text to text, in file order.
    func stringPairs() throws -> [(String, String)] {
        guard let mapping = node.mapping else { throw error("expected a mapping of words to words") }
        return try mapping.map { key, value in
            guard let k = key.string, let v = value.scalar?.string else { throw error("expected text: text", at: key) }
            return (k, v)
        }
    }
}
