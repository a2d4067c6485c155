import IntakeDocument
import IntakeMapping

/// A wording on a document that matched a field only by meaning or by place: pasted under
/// that field's `older:` in the mapping, it makes the row an exact match next time.
public struct LabelSuggestion: Sendable, Equatable {
    /// The mapping file, e.g. `forms/west-sussex-escalation-template.yaml`.
    public var file: String
    public var key: String
    /// The field's official label, to find it in the file.
    public var officialLabel: String
    /// The wording as printed on the document, trimmed of a trailing colon.
    public var wording: String
    /// `similar-label` or `position`.
    public var evidence: String
    public var confidence: Double
}

/// What `intake mappings suggest` prints for one document.
public struct SuggestionReport: Sendable, Equatable {
    /// `partnership/kind`, nil when the document was not recognised as a form.
    public var mapping: String?
    public var suggestions: [LabelSuggestion]
    /// Label-like lines that were given no field at all.
    public var unmatched: [String]
}

extension Extractor {
    /// The rows of a document that a mapping could learn from.
    public func suggestions(for document: Document) -> SuggestionReport {
        let units = document.layoutUnits()
        guard case .form(let mapping, _) = classifier.classify(DocumentText(document: document, units: units)) else {
            return SuggestionReport(mapping: nil, suggestions: [], unmatched: [])
        }
        let located = FieldLocator(labels: labels.labels(for: mapping), units: units).locate()
        let suggestions = mapping.fields.compactMap { field -> LabelSuggestion? in
            guard let region = located.regions[field.key], region.evidence == .similar || region.evidence == .position else { return nil }
            return LabelSuggestion(file: mapping.file, key: field.key, officialLabel: field.label,
                                   wording: Self.printed(region.printedLabel), evidence: region.evidence.rawValue,
                                   confidence: region.confidence)
        }
        let used = Set(located.regions.values.map(\.printedLabel))
        let unmatched = located.unmatched.map(\.text).filter { !used.contains($0) }.map(Self.printed)
        return SuggestionReport(mapping: mapping.id, suggestions: suggestions, unmatched: unmatched)
    }

    private static func printed(_ label: String) -> String {
        var text = label.split(whereSeparator: \.isWhitespace).joined(separator: " ")
        while let last = text.last, ":*".contains(last) { text.removeLast() }
        return text
    }
}
