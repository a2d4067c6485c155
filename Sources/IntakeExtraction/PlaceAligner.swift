import IntakeMapping

/// Place as evidence: a form's rows come in a known order, so a label-like row whose wording
/// matched nothing takes a field that fits between the fields matched before and after it.
///
/// The rows of one gap (between two matched rows) are aligned with the gap's unfilled fields
/// by a small dynamic programme that keeps both in order and may leave rows or fields over
/// (extra rows, deleted rows); rows and fields outside the gap's order are left alone, so a
/// reordered row is found by its label or not at all.
struct PlaceAligner {
    /// Confidence of a field found by place: below the confident threshold by construction,
    /// so each such field is named in a `low-confidence-field` warning.
    static let baseConfidence = 0.45
    static let similarityShare = 0.3

    let mapping: FormMapping
    let matcher: LabelMatcher

    func assign(_ found: inout LocatedFields, anchors: [(unit: Int, field: Int)]) {
        guard !found.unmatched.isEmpty, !anchors.isEmpty else { return }
        let nearlyMatched = assignNearMatches(&found)
        let anchors = anchors.sorted { $0.unit < $1.unit }
        var gaps: [Int: [Int]] = [:]
        for (i, label) in found.unmatched.enumerated() where !nearlyMatched.contains(i) {
            gaps[anchors.lastIndex { $0.unit < label.unit } ?? -1, default: []].append(i)
        }
        for (previous, rows) in gaps.sorted(by: { $0.key < $1.key }) {
            let firstUnit = found.unmatched[rows[0]].unit
            let lower = previous >= 0 ? anchors[previous].field : -1
            let upper = anchors.first { $0.unit > firstUnit }?.field ?? mapping.fields.count
            guard lower + 1 < upper else { continue }
            let fields = ((lower + 1)..<upper).filter { found[region: mapping.fields[$0].key] == nil }
            guard !fields.isEmpty else { continue }
            for (row, field, similarity) in align(rows.map { found.unmatched[$0] }, fields) {
                var region = found.unmatched[rows[row]].region
                region.evidence = .position
                region.confidence = Self.baseConfidence + Self.similarityShare * similarity
                region.printedLabel = found.unmatched[rows[row]].text
                found[region: mapping.fields[field].key] = region
            }
        }
    }

    /// A row worded too far from its field's label to match it ("Outcome so far" for "Outcome
    /// of these actions"), yet nearer that unfilled field than to any other and than any other
    /// row is: that field, before place decides, which a reordered form would mislead. Returns
    /// the rows used.
    private func assignNearMatches(_ found: inout LocatedFields) -> Set<Int> {
        var candidates: [(row: Int, field: Int, similarity: Double)] = []
        for (i, label) in found.unmatched.enumerated() {
            let scored = mapping.fields.indices.compactMap { f -> (Int, Double)? in
                guard found[region: mapping.fields[f].key] == nil, Self.suits(label.region.text, mapping.fields[f].type) else { return nil }
                return (f, matcher.similarity(label.text, to: f))
            }.sorted { $0.1 > $1.1 }
            guard let best = scored.first, best.1 >= Self.nearMatch, best.1 - (scored.dropFirst().first?.1 ?? 0) >= Self.nearMargin else { continue }
            candidates.append((i, best.0, best.1))
        }
        var used = Set<Int>()
        for candidate in candidates.sorted(by: { $0.similarity > $1.similarity }) {
            let key = mapping.fields[candidate.field].key
            guard found[region: key] == nil else { continue }
            var region = found.unmatched[candidate.row].region
            region.evidence = .similar
            region.confidence = candidate.similarity
            region.printedLabel = found.unmatched[candidate.row].text
            found[region: key] = region
            used.insert(candidate.row)
        }
        return used
    }

    /// How like a field's label a row must be, and by how much more than like any other, to
    /// take it by its words alone when it did not match (below the `match` threshold).
    static let nearMatch = 0.5
    static let nearMargin = 0.15

    /// The best order-keeping pairing of rows with fields. A pair counts only where the
    /// value suits the field's type, and, unless rows and fields are as many, where the
    /// label shares a word with the field's.
    private func align(_ rows: [UnmatchedLabel], _ fields: [Int]) -> [(Int, Int, Double)] {
        let sameCount = rows.count == fields.count
        let pairScore: [[Double?]] = rows.map { row in
            fields.map { f in
                let field = mapping.fields[f]
                guard Self.suits(row.region.text, field.type) else { return nil }
                let similarity = matcher.similarity(row.text, to: f)
                return similarity > 0 || sameCount ? similarity : nil
            }
        }
        // best[i][j]: the best total for rows i... and fields j...
        let m = rows.count, n = fields.count
        var best = Array(repeating: Array(repeating: 0.0, count: n + 1), count: m + 1)
        for i in stride(from: m - 1, through: 0, by: -1) {
            for j in stride(from: n - 1, through: 0, by: -1) {
                var value = max(best[i + 1][j], best[i][j + 1])
                if let s = pairScore[i][j] { value = max(value, 1 + s + best[i + 1][j + 1]) }
                best[i][j] = value
            }
        }
        var pairs: [(Int, Int, Double)] = []
        var i = 0, j = 0
        while i < m, j < n {
            if let s = pairScore[i][j], best[i][j] == 1 + s + best[i + 1][j + 1] {
                pairs.append((i, fields[j], s)); i += 1; j += 1
            } else if best[i][j] == best[i + 1][j] { i += 1 } else { j += 1 }
        }
        return pairs
    }

    /// Whether a value could be the field's: a date row holds a date, and so on. An empty
    /// value suits any row (the row is there, left empty).
    static func suits(_ text: String, _ type: ValueType) -> Bool {
        guard let value = ValueText.clean(text) else { return true }
        switch type {
        case .date: return BritishDateParser.parse(value) ?? BritishDateParser.firstDate(in: value) != nil
        case .email: return value.contains("@")
        case .phone: return value.filter(\.isNumber).count >= 6
        case .integer: return ValueText.integer(in: value) != nil
        case .text, .long, .oneOf, .manyOf, .signature: return true
        }
    }
}
