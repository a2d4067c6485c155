import IntakeMapping

/// Decides whether a piece of text is one of a form's printed labels or section headings.
///
/// Exact matches (after ``LabelText/normalize(_:)``) win; long labels also match by prefix
/// either way, because blank forms print long labels that older copies cut short or run on.
struct LabelMatcher {
    static let prefixMinimum = 25
    /// A cell showing only the start of a label must show at least this much of it.
    static let truncatedMinimum = 40

    private var exact: [String: [FieldMapping]] = [:]
    private var long: [(wording: String, field: FieldMapping)] = []
    private var sectionLabels: [(wording: String, section: String)] = []
    private let fieldOrder: [String: Int]

    init(mapping: FormMapping) {
        var order: [String: Int] = [:]
        for (index, field) in mapping.fields.enumerated() {
            order[field.key] = index
            for wording in Set(field.labels.map(LabelText.normalize)) {
                exact[wording, default: []].append(field)
                if wording.count >= Self.prefixMinimum { long.append((wording, field)) }
            }
        }
        fieldOrder = order
        sectionLabels = mapping.sections.flatMap { section in
            section.labels.map { (LabelText.normalize($0), section.name) }
        }
    }

    /// The section a heading opens, if the text is one.
    func section(of text: String) -> String? {
        let n = LabelText.normalize(text)
        guard !n.isEmpty else { return nil }
        for (wording, section) in sectionLabels where n == wording {
            return section
        }
        for (wording, section) in sectionLabels where wording.count >= Self.truncatedMinimum
            && (n.hasPrefix(wording) || (n.count >= Self.truncatedMinimum && wording.hasPrefix(n))) {
            return section
        }
        return nil
    }

    /// Whether the text is any label or heading at all (a value region stops there).
    func isBoundary(_ text: String) -> Bool {
        let n = LabelText.normalize(text)
        if n.isEmpty { return false }
        if exact[n] != nil || section(of: text) != nil { return true }
        if let colon = text.firstIndex(of: ":"), exact[LabelText.normalize(String(text[..<colon]))] != nil { return true }
        return longMatches(n).isEmpty == false
    }

    /// The field whose label this text is, given the section being read and the fields
    /// already taken. A wording shared by several fields ("Name") goes to the one of the
    /// current section.
    func field(for text: String, section: String?, taken: Set<String>) -> FieldMapping? {
        let n = LabelText.normalize(text)
        guard !n.isEmpty else { return nil }
        let candidates = (exact[n] ?? longMatches(n)).filter { !taken.contains($0.key) }
        guard !candidates.isEmpty else { return nil }
        let sorted = candidates.sorted { (fieldOrder[$0.key] ?? 0) < (fieldOrder[$1.key] ?? 0) }
        if let inSection = sorted.first(where: { $0.section != nil && $0.section == section }) { return inSection }
        let shared = (exact[n]?.count ?? 0) > 1
        guard shared else { return sorted.first }
        if let unsectioned = sorted.first(where: { $0.section == nil }) { return unsectioned }
        // The section's heading row is missing (deleted, or the rows were moved): the shared
        // label goes to the first section, in form order, whose field is still untaken, so a
        // second "Name" block after the first is the other party's.
        return sorted.first
    }

    /// The text starts with the wording and runs on as more label, not as "Label: value".
    private func continuesLabel(_ n: String, _ wording: String) -> Bool {
        guard n.hasPrefix(wording) else { return false }
        // "Label?: value" and "Label/ren: value" are colon lines, read as such.
        return !n.dropFirst(wording.count).prefix(12).contains(":")
    }

    private func longMatches(_ n: String) -> [FieldMapping] {
        guard n.count >= 4 else { return [] }
        var best: [FieldMapping] = []
        var bestLength = 0
        for (wording, field) in long where continuesLabel(n, wording) || (n.count >= Self.truncatedMinimum && wording.hasPrefix(n)) {
            let length = min(wording.count, n.count)
            if length > bestLength { best = [field]; bestLength = length }
            else if length == bestLength { best.append(field) }
        }
        return best
    }
}
