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

    /// The value as text: the leading text and each non-empty paragraph, joined with newlines.
    var text: String {
        let parts = [leadingText].compactMap { $0 } + paragraphs.map(\.text)
        return parts.map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }
            .filter { !$0.isEmpty }.joined(separator: "\n")
    }
}

/// Walks a document's units once and finds, for each field of a mapping, its value region.
struct FieldLocator {
    /// A value below its label never runs on for more units than this.
    static let maxBelowUnits = 40

    let mapping: FormMapping
    let units: [LayoutUnit]
    private let matcher: LabelMatcher

    init(mapping: FormMapping, units: [LayoutUnit]) {
        self.mapping = mapping
        self.units = units
        self.matcher = LabelMatcher(mapping: mapping)
    }

    func locate() -> [String: ValueRegion] {
        var regions: [String: ValueRegion] = [:]
        var section: String?
        var index = 0
        while index < units.count {
            let unit = units[index]
            if let opened = matcher.section(of: unit.cells[0].text) { section = opened }
            var lastUsed = index
            var c = 0
            while c < unit.cells.count {
                let cell = unit.cells[c]
                if let field = matcher.field(for: cell.text, section: section, taken: Set(regions.keys)) {
                    if field.placements.contains(.right), c + 1 < unit.cells.count {
                        let end = field.type == .oneOf || field.type == .manyOf ? choiceEnd(unit, from: c + 1) : c + 2
                        let valueCells = unit.cells[(c + 1)..<end]
                        let right = ValueRegion(
                            paragraphs: valueCells.flatMap(\.paragraphs), units: index...index,
                            origin: valueCells.first?.origin ?? cell.origin, via: "cell-right")
                        // An empty box with the answer written under the table still counts.
                        let belowInstead = right.text.isEmpty && field.type != .signature && field.placements.contains(.below)
                            && unit.cells.count == c + 2 ? collectBelow(after: index) : []
                        if belowInstead.isEmpty || !belowInstead.allSatisfy({ units[$0].cells.count == 1 }) {
                            regions[field.key] = right
                            c = end
                            continue
                        }
                    }
                    if field.placements.contains(.below) {
                        let below = collectBelow(after: index)
                        regions[field.key] = ValueRegion(
                            paragraphs: below.flatMap { units[$0].cells.flatMap(\.paragraphs) },
                            units: index...(below.last ?? index),
                            origin: below.first.map { units[$0].cells[0].origin } ?? cell.origin, via: "cell-below")
                        lastUsed = max(lastUsed, below.last ?? index)
                    }
                } else {
                    lastUsed = max(lastUsed, readColonLabels(in: cell, unitIndex: index, isWholeUnit: unit.cells.count == 1,
                                                             section: &section, regions: &regions))
                }
                c += 1
            }
            index = lastUsed + 1
        }
        return regions
    }

    /// Cells from `start` that hold options rather than another label.
    private func choiceEnd(_ unit: LayoutUnit, from start: Int) -> Int {
        var end = start
        while end < unit.cells.count, !matcher.isBoundary(unit.cells[end].text) { end += 1 }
        return max(end, start + 1)
    }

    /// Units after `index` up to the next label or heading.
    private func collectBelow(after index: Int) -> [Int] {
        var result: [Int] = []
        var next = index + 1
        while next < units.count, result.count < Self.maxBelowUnits {
            let unit = units[next]
            if unit.cells.contains(where: { matcher.isBoundary($0.text) })
                || unit.cells.contains(where: { $0.paragraphs.contains { matcher.isBoundary($0.text) } }) { break }
            result.append(next)
            next += 1
        }
        return result
    }

    /// "Label: value" paragraphs inside one cell. The value runs on through the following
    /// paragraphs of the cell, and, when the cell is a whole unit, through following units.
    /// Returns the last unit used.
    private func readColonLabels(
        in cell: UnitCell, unitIndex: Int, isWholeUnit: Bool,
        section: inout String?, regions: inout [String: ValueRegion]
    ) -> Int {
        var lastUsed = unitIndex
        var open: String?
        for paragraph in cell.paragraphs {
            if let opened = matcher.section(of: paragraph.text) { section = opened; open = nil; continue }
            if let (field, rest) = colonLabel(paragraph.text, section: section, taken: Set(regions.keys)) {
                regions[field.key] = ValueRegion(paragraphs: [], leadingText: rest, units: unitIndex...unitIndex,
                                                 origin: paragraph.origin, via: "after-colon")
                open = field.key
            } else if let key = open, !matcher.isBoundary(paragraph.text) {
                regions[key]?.paragraphs.append(paragraph)
            } else {
                open = nil
            }
        }
        if let key = open, isWholeUnit {
            for next in collectBelow(after: unitIndex) {
                regions[key]?.paragraphs += units[next].cells.flatMap(\.paragraphs)
                regions[key]?.units = unitIndex...next
                lastUsed = next
            }
        }
        return lastUsed
    }

    private func colonLabel(_ text: String, section: String?, taken: Set<String>) -> (FieldMapping, String)? {
        var searchStart = text.startIndex
        for _ in 0..<3 {
            guard let colon = text[searchStart...].firstIndex(of: ":") else { return nil }
            let label = String(text[..<colon])
            if let field = matcher.field(for: label, section: section, taken: taken),
               field.placements.contains(.colon) {
                return (field, String(text[text.index(after: colon)...]))
            }
            searchStart = text.index(after: colon)
        }
        return nil
    }
}
