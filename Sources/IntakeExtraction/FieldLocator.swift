import Foundation
import IntakeDocument
import IntakeMapping

/// Where one field's value was found: the paragraphs holding it and the units it spans.
struct ValueRegion {
    var paragraphs: [Paragraph]
    /// Text that is part of the value but not a whole paragraph (after a colon).
    var leadingText: String?
    /// Units from the label's to the last one holding the value, for finding pictures and ink.
    var units: ClosedRange<Int>
    /// The cell the value sits in, or the label's when the value follows a colon.
    var origin: Origin
    /// `cell-right`, `cell-below` or `after-colon`.
    var via: String
    /// How the label was recognised, and how sure that is (0–1).
    var evidence: LabelEvidence = .exact
    var confidence: Double = 1
    /// The label as printed on this document, for `intake mappings suggest`.
    var printedLabel: String = ""

    /// Whether the region holds no text at all (cheaper than `text.isEmpty`).
    var isEmpty: Bool { (leadingText?.isBlank ?? true) && paragraphs.allSatisfy { $0.text.isBlank } }

    /// The value as text: the leading text and each non-empty paragraph, joined with newlines.
    var text: String {
        let parts = [leadingText].compactMap { $0 } + paragraphs.map(\.text)
        return parts.map { $0.trimmedWhitespace }
            .filter { !$0.isEmpty }.joined(separator: "\n")
    }
}

/// A label-like line that matched no field: a row's first cell, or the text before a colon.
/// The place pass may still give it the field that fits between its neighbours.
struct UnmatchedLabel {
    var unit: Int
    var text: String
    var region: ValueRegion
}

/// What locating found: each field's value region, and the label-like lines that matched nothing.
struct LocatedFields {
    /// Each field's region, set through ``subscript(region:)``.
    private(set) var regions: [String: ValueRegion] = [:]
    var unmatched: [UnmatchedLabel] = []

    /// A field's region; setting it keeps ``taken`` and ``settled`` up to date for that field
    /// alone (every cell asks for both: fields are found a few dozen times a document, asked
    /// about hundreds, and remaking both sets on each change cost 1.5 % of all CPU).
    subscript(region key: String) -> ValueRegion? {
        get { regions[key] }
        set {
            regions[key] = newValue
            if let newValue {
                taken.insert(key)
                if newValue.evidence == .exact || !newValue.isEmpty { settled.insert(key) } else { settled.remove(key) }
            } else {
                taken.remove(key)
                settled.remove(key)
            }
        }
    }

    /// The fields found so far.
    private(set) var taken: Set<String> = []
    /// Fields no later label may take: found word for word, or holding a value. One found
    /// only by meaning with nothing in it (a heading that looked like the label) may be
    /// taken again by the real row.
    private(set) var settled: Set<String> = []
}

/// Walks a document's units once and finds, for each field of a mapping, its value region:
/// first by label (exact, then by meaning), then by place for the rows left over.
struct FieldLocator {
    /// A value below its label never runs on for more units than this.
    static let maxBelowUnits = 40
    /// A label cell is short; a longer first cell is a value or a note.
    static let labelCellWords = 12
    /// Empty rows a signature's picture may sit in below its label.
    static let maxEmptyRows = 4
    /// How much like some label an unknown "Word: text" line inside a value must look to end it.
    static let unmatchedResemblance = 0.3

    let mapping: FormMapping
    let units: [LayoutUnit]
    let matcher: LabelMatcher

    init(labels: FormLabels, units: [LayoutUnit]) {
        self.mapping = labels.mapping
        self.units = units
        self.matcher = LabelMatcher(labels: labels)
    }

    func locate() -> LocatedFields {
        var found = LocatedFields()
        var anchors: [(unit: Int, field: Int)] = []
        var section: String?
        var index = 0
        while index < units.count {
            let unit = units[index]
            let heading = unit.cells.count == 1 || unit.cells.dropFirst().allSatisfy { $0.text.isEmpty || $0.text == unit.cells[0].text }
            if let opened = matcher.section(of: labelCellText(unit, 0), heading: heading) { section = opened }
            var lastUsed = index
            var c = 0
            while c < unit.cells.count {
                let cell = unit.cells[c]
                let taken = found.taken
                if let stacked = stackedRows(unit, at: c, section: section, taken: taken, settled: found.settled) {
                    for row in stacked {
                        found[region: row.match.field.key] = ValueRegion(paragraphs: [row.value], units: index...index,
                                                                         origin: unit.cells[c + 1].origin, via: "cell-right")
                            .labelled(row.match, row.label)
                        anchors.append((index, fieldIndex(row.match.field)))
                    }
                    c += 2
                    continue
                }
                let match = matcher.field(for: labelCellText(unit, c), section: section, taken: taken, settled: found.settled,
                                          value: c + 1 < unit.cells.count ? unit.cells[c + 1].text : nil)
                if isBlockHeading(match, unit: unit, at: index, cell: c, spansRow: heading, taken: taken) {
                    if let opened = matcher.section(of: cell.text, heading: true) { section = opened }
                    c += 1
                    continue
                }
                if let match {
                    let field = match.field
                    if let opened = match.opensSection { section = opened }
                    anchors.append((index, fieldIndex(field)))
                    if field.placements.contains(.right), c + 1 < unit.cells.count {
                        let end = field.type == .oneOf || field.type == .manyOf ? choiceEnd(unit, from: c + 1) : c + 2
                        let valueCells = unit.cells[(c + 1)..<end]
                        var right = ValueRegion(
                            paragraphs: valueCells.flatMap(\.paragraphs), units: index...index,
                            origin: valueCells.first?.origin ?? cell.origin, via: "cell-right")
                        // A picture signature pasted a few empty rows below its label still signs it.
                        if field.type == .signature, right.isEmpty { right.units = index...emptyRowsEnd(after: index) }
                        // An empty box with the answer written under the table still counts.
                        let belowInstead = right.isEmpty && field.type != .signature && field.placements.contains(.below)
                            && unit.cells.count == c + 2 ? collectBelow(after: index) : []
                        if belowInstead.isEmpty || !belowInstead.allSatisfy({ units[$0].cells.count == 1 }) {
                            found[region: field.key] = right.labelled(match, cell.text)
                            if unit.page != nil, field.type != .signature, field.type != .oneOf, field.type != .manyOf {
                                splitMergedColumns(field.key, unitIndex: index, found: &found, anchors: &anchors)
                            }
                            c = end
                            continue
                        }
                    }
                    if field.placements.contains(.below) {
                        let below = collectBelow(after: index, firstIsValue: unit.cells.count == 1, taken: found.taken.union([field.key]),
                                                 stopAtColonLines: field.type == .signature)
                        found[region: field.key] = ValueRegion(
                            paragraphs: below.flatMap { units[$0].cells.flatMap(\.paragraphs) },
                            units: index...(below.last ?? index),
                            origin: below.first.map { units[$0].cells[0].origin } ?? cell.origin, via: "cell-below")
                            .labelled(match, cell.text)
                        lastUsed = max(lastUsed, below.last ?? index)
                    }
                } else {
                    if c == 0, unit.cells.count >= 2, let unmatched = unmatchedRow(unit, at: index, section: section) {
                        found.unmatched.append(unmatched)
                        c = 2
                        continue
                    }
                    lastUsed = max(lastUsed, readColonLabels(in: cell, unitIndex: index, isWholeUnit: unit.cells.count == 1,
                                                             section: &section, found: &found, anchors: &anchors))
                }
                c += 1
            }
            index = lastUsed + 1
        }
        PlaceAligner(mapping: mapping, matcher: matcher).assign(&found, anchors: anchors)
        return found
    }

    /// A label cell with a cell beside it: a colon there is punctuation, not the start of a
    /// value ("SIGN-OFF: MANAGER RECEIVING THE DISPUTE | …").
    private func labelCellText(_ unit: LayoutUnit, _ c: Int) -> String {
        let text = unit.cells[c].text
        guard c + 1 < unit.cells.count, text.containsASCII(":"), !text.containsASCII("\n"), !matcher.isExactLabel(text) else { return text }
        return text.replacingOccurrences(of: ":", with: " ")
    }

    /// Whether a cell heads a block rather than labels a value: beside a row's own label
    /// ("Your details | Name | Sam"), beside an exact label, or a row across the table above
    /// label | value rows ("Agency B – worker the difference is with"), which cannot have a
    /// value of its own below. A word-for-word label is never a heading.
    private func isBlockHeading(_ match: LabelMatch?, unit: LayoutUnit, at index: Int, cell c: Int,
                                spansRow: Bool, taken: Set<String>) -> Bool {
        if match?.evidence == .exact { return false }
        if c == 0, unit.cells.count >= 3, matcher.isSureLabel(unit.cells[1].text, taken: taken) { return true }
        guard let match else { return false }
        if field(match.field, placesRight: unit, c), matcher.isExactLabel(unit.cells[c + 1].text) { return true }
        if unit.cells.count == 1, nextLineIsOwnRow(of: match, after: index) { return true }
        let text = labelCellText(unit, c)
        // A row across the table that only half looks like a label ("Section A: raising
        // agency to fill in") heads the rows under it as a named section does.
        let weak = match.confidence < matcher.labels.words.lexicon.confidentThreshold
        // A signature's label may span the table with the picture under it, unless it only names the party.
        let namesParty = weak && matcher.namesOnlyParty(text, of: fieldIndex(match.field))
        return (match.field.type != .signature || namesParty) && index + 1 < units.count
            && (unit.cells.count == 1 || (spansRow && (weak || matcher.section(of: text) != nil)))
            && !LabelMatcher.hasValueAfterColon(text)
            && headsLabelRows(after: index, taken: taken.union([match.field.key]))
    }

    /// "ESCALATING WORKER (YOUR DETAILS)" over "Escalating worker's name: Eilidh Varga" (or
    /// "WHO IS ESCALATING?" over "Your name (person escalating):"): the line after is a colon
    /// label more like the field's, so that line is its row and this one heads it.
    private func nextLineIsOwnRow(of match: LabelMatch, after index: Int) -> Bool {
        guard index + 1 < units.count, units[index + 1].cells.count == 1 else { return false }
        let next = units[index + 1].cells[0].text.trimmedWhitespace
        let colon = LabelMatcher.hasValueAfterColon(next) ? next.firstIndex(ofASCII: ":") : next.hasSuffix(":") ? next.lastIndex(of: ":") : nil
        guard let colon else { return false }
        return matcher.similarity(String(next[..<colon]), to: fieldIndex(match.field)) > match.confidence
    }

    /// Whether the unit after `index` is a label | value row, or a line that is a label itself.
    private func headsLabelRows(after index: Int, taken: Set<String>) -> Bool {
        let next = units[index + 1]
        if next.cells.count >= 2 { return !next.cells[0].text.isEmpty }
        let text = next.cells[0].text
        return LabelMatcher.hasValueAfterColon(text) && matcher.isSureLabel(text, taken: taken)
    }

    private func field(_ field: FieldMapping, placesRight unit: LayoutUnit, _ c: Int) -> Bool {
        field.placements.contains(.right) && c + 1 < unit.cells.count && !unit.cells[c + 1].text.isEmpty
    }

    func fieldIndex(_ field: FieldMapping) -> Int {
        mapping.fields.firstIndex { $0.key == field.key } ?? 0
    }

    /// A label | value row whose label matched nothing and is not a heading.
    private func unmatchedRow(_ unit: LayoutUnit, at index: Int, section: String?) -> UnmatchedLabel? {
        let label = unit.cells[0].text
        guard !label.isEmpty, LabelText.wordCount(label) <= Self.labelCellWords, matcher.section(of: label) == nil,
              label.rangeOfCharacter(from: .letters) != nil else { return nil }
        // Empty rows under an empty value may hold the picture that signs it.
        let end = unit.cells[1].text.isEmpty ? emptyRowsEnd(after: index) : index
        let region = ValueRegion(paragraphs: unit.cells[1].paragraphs, units: index...end,
                                 origin: unit.cells[1].origin, via: "cell-right")
        return UnmatchedLabel(unit: index, text: label, region: region)
    }

    /// The last of the rows after `index` that hold no text at all (at most a few).
    func emptyRowsEnd(after index: Int) -> Int {
        var end = index
        while end + 1 < units.count, end - index < Self.maxEmptyRows, units[end + 1].cells.allSatisfy({ $0.text.isEmpty }) { end += 1 }
        return end
    }

    /// Cells from `start` that hold options rather than another label.
    private func choiceEnd(_ unit: LayoutUnit, from start: Int) -> Int {
        var end = start
        while end < unit.cells.count, !matcher.isBoundary(unit.cells[end].text) { end += 1 }
        return max(end, start + 1)
    }

    /// Units after `index` up to the next label or heading.
    /// With `firstIsValue` (a label line that ended in a colon), the first unit is the value
    /// unless it is surely a label: "Not resolved: …" under "Outcome:" is an answer.
    func collectBelow(after index: Int, firstIsValue: Bool = false, taken: Set<String> = [], stopAtColonLines: Bool = false) -> [Int] {
        var result: [Int] = []
        var next = index + 1
        while next < units.count, result.count < Self.maxBelowUnits {
            let unit = units[next]
            if stopAtColonLines, unit.cells.count == 1, LabelMatcher.hasValueAfterColon(unit.cells[0].text) { break }
            if firstIsValue, result.isEmpty, !isLabelValueRow(unit), !unit.cells.contains(where: { matcher.isSureLabel($0.text, taken: taken) }),
               !unit.cells.contains(where: { $0.paragraphs.contains(where: Self.isQuestionWithBoxes) }) {
                result.append(next)
                next += 1
                continue
            }
            if unit.cells.contains(where: { matcher.isBoundary($0.text) })
                || unit.cells.contains(where: { $0.paragraphs.contains { matcher.isBoundary($0.text) } })
                || firstIsValue && isLabelValueRow(unit) { break }
            result.append(next)
            next += 1
        }
        return result
    }

}

extension ValueRegion {
    func labelled(_ match: LabelMatch, _ printed: String) -> ValueRegion {
        var region = self
        region.evidence = match.evidence
        region.confidence = match.confidence
        region.printedLabel = printed
        return region
    }
}
