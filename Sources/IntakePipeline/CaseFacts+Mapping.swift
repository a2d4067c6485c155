import Crypto
import Foundation
import IntakeMapping
import IntakeRecord

extension CaseRecord {
    /// Whether this is a form's record read before its mapping declared case keys (an older
    /// `extract` or `records export` wrote it): it needs ``addCaseFacts(from:)`` to join a case.
    public var lacksCaseFacts: Bool {
        caseFacts == nil && status != .rejected && kind != nil && kind != "policy"
    }

    /// Sets ``caseFacts`` from the record's own mapping, when it lacks them and that mapping is
    /// in `mappings`.
    public mutating func addCaseFacts(from mappings: MappingSet) {
        guard lacksCaseFacts, let form = mappings.forms.first(where: { $0.id == mapping }) else { return }
        caseFacts = CaseFacts(mapping: form, fields: fields, source: source)
    }
}

extension CaseFacts {
    /// A form record's stage, document date, reference and case keys, as its mapping declares
    /// them (`stage.key`, `document_date`, `case_reference`, `case_keys`).
    init(mapping: FormMapping, fields: RecordFields, source: RecordSource) {
        let rule = mapping.cases
        var stage: Int?
        if case .integer(let n)? = fields[mapping.stage.key] { stage = n }
        let documentDate = rule.documentDate.lazy.compactMap { key -> String? in
            if case .date(let day)? = fields[key] { return day }
            return nil
        }.first ?? source.receivedAt.map { String($0.prefix(10)) }
        var keys: [String] = []
        for parts in rule.keys {
            for key in Self.keys(parts, partnership: mapping.partnership, fields: fields, source: source) where !keys.contains(key) {
                keys.append(key)
            }
        }
        self.init(stage: stage, documentDate: documentDate, reference: rule.reference.flatMap { fields[$0]?.displayText },
                  keys: keys)
    }

    /// The keys of one alternative: none when any part is empty, one per combination of values
    /// otherwise (a thread part has one value per id the e-mail names).
    static func keys(_ parts: [CaseKeyPart], partnership: String, fields: RecordFields, source: RecordSource) -> [String] {
        var combinations: [[String]] = [[]]
        for part in parts {
            let values = Self.values(of: part, fields: fields, source: source)
            guard !values.isEmpty else { return [] }
            combinations = combinations.flatMap { done in values.map { done + [$0] } }
        }
        let names = parts.map(\.name).joined(separator: "+")
        return combinations.map { values in
            // Unit separators between the parts: no value can run into the next.
            let digest = SHA256.hash(data: Data(([partnership, names] + values).joined(separator: "\u{1F}").utf8))
            return "\(partnership):\(names):" + HexDigest.string(digest)
        }
    }

    /// A field's value with case, spacing, quotes and dashes folded (retyped forms still
    /// match); an e-mail's thread ids as written (message ids are case-sensitive).
    static func values(of part: CaseKeyPart, fields: RecordFields, source: RecordSource) -> [String] {
        switch part {
        case .field(let key):
            guard let value = fields[key] else { return [] }
            let folded = LabelText.normalize(value.displayText)
            return folded.isEmpty ? [] : [folded]
        case .emailThread:
            return Array(Set(source.threadIDs.filter { !$0.isEmpty })).sorted()
        }
    }
}
