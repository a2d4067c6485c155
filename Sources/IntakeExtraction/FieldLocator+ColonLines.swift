import Foundation
import IntakeDocument
import IntakeMapping

/// "Label: value" lines: colon labels inside a cell or a paragraph, lines that run several
/// pairs together, and PDF rows rebuilt from four columns.
extension FieldLocator {
    /// "Label: value" paragraphs inside one cell. The value runs on through the following
    /// paragraphs of the cell, and, when the cell is a whole unit, through following units.
    /// Returns the last unit used.
    func readColonLabels(
        in cell: UnitCell, unitIndex: Int, isWholeUnit: Bool, section: inout String?,
        found: inout LocatedFields, anchors: inout [(unit: Int, field: Int)]
    ) -> Int {
        var lastUsed = unitIndex
        var open: String?
        var openUnmatched: Int?
        // A heading is whole before it is cut at its colons ("PART A: FOR THE AGENCY RAISING…:").
        let paragraphs = cell.paragraphs.flatMap { paragraph in
            matcher.section(of: paragraph.text, heading: isWholeUnit && cell.paragraphs.count == 1) != nil ? [paragraph] : splitAtLabels(paragraph)
        }
        for paragraph in paragraphs {
            if let opened = matcher.section(of: paragraph.text, heading: isWholeUnit && cell.paragraphs.count == 1) {
                section = opened; open = nil; openUnmatched = nil; continue
            }
            let awaitingValue = open.map { found[region: $0]?.isEmpty == true } ?? false
            if awaitingValue, let key = open, !matcher.isSureLabel(paragraph.text, taken: found.taken) {
                found[region: key]?.paragraphs.append(paragraph)
                continue
            }
            if let (match, label, rest) = colonLabel(paragraph.text, section: section, taken: found.taken, settled: found.settled) {
                if let opened = match.opensSection { section = opened }
                found[region: match.field.key] = ValueRegion(paragraphs: [], leadingText: rest, units: unitIndex...unitIndex,
                                                             origin: paragraph.origin, via: "after-colon").labelled(match, label)
                anchors.append((unitIndex, fieldIndex(match.field)))
                open = match.field.key
                openUnmatched = nil
            } else if let (label, rest) = unmatchedColon(paragraph.text),
                      open == nil || matcher.resemblance(label) >= Self.unmatchedResemblance {
                // Inside a value, "Word: more" is more of the value unless the word looks like a label.
                found.unmatched.append(UnmatchedLabel(unit: unitIndex, text: label, region: ValueRegion(
                    paragraphs: [], leadingText: rest, units: unitIndex...unitIndex, origin: paragraph.origin, via: "after-colon")))
                open = nil
                openUnmatched = found.unmatched.count - 1
            } else if let key = open, !matcher.isBoundary(paragraph.text), !holdsItsOneLine(found[region: key], key) {
                found[region: key]?.paragraphs.append(paragraph)
            } else if let u = openUnmatched, !matcher.isBoundary(paragraph.text) {
                found.unmatched[u].region.paragraphs.append(paragraph)
            } else {
                open = nil
                openUnmatched = nil
            }
        }
        if let key = open, holdsItsOneLine(found[region: key], key) { open = nil }
        if isWholeUnit, open != nil || openUnmatched != nil {
            let awaitingValue = open.map { found[region: $0]?.isEmpty == true } ?? false
            // A signature is a name or a picture, never a "Label: value" line.
            let signature = open.flatMap { key in mapping.fields.first { $0.key == key } }?.type == .signature
            for next in collectBelow(after: unitIndex, firstIsValue: awaitingValue, taken: found.taken,
                                     stopAtColonLines: signature) {
                let paragraphs = units[next].cells.flatMap(\.paragraphs)
                if let key = open {
                    found[region: key]?.paragraphs += paragraphs
                    found[region: key]?.units = unitIndex...next
                } else if let u = openUnmatched {
                    found.unmatched[u].region.paragraphs += paragraphs
                    found.unmatched[u].region.units = unitIndex...next
                }
                lastUsed = next
            }
        }
        return lastUsed
    }

    /// "Case ID: EHM-91211" over "AGENCY A – REFERRER": a name, a date, a number or an address
    /// written after its colon is the whole value; the line under it is the next thing on the
    /// form, not more of it (a long text runs on, and a PDF joins a value's wrapped lines).
    func holdsItsOneLine(_ region: ValueRegion?, _ key: String) -> Bool {
        guard let region, !(region.leadingText?.isBlank ?? true), region.paragraphs.isEmpty,
              let field = mapping.fields.first(where: { $0.key == key }) else { return false }
        return field.type.isOneLine
    }

    /// "Label: value", or a question with its answer on the same line ("Resolved? ☒ Yes ☐ No").
    func colonLabel(_ text: String, section: String?, taken: Set<String>, settled: Set<String>) -> (LabelMatch, String, String)? {
        var splits = Array(text.indices.filter { text[$0] == ":" }.prefix(3))
        // "DISPUTE: REASON AND AGENCY VIEWS:" with its answer below: the label is the whole line.
        if splits.count > 1, let last = splits.last, text[text.index(after: last)...].isBlank {
            splits.insert(splits.removeLast(), at: 0)
        }
        if let question = text.firstIndex(ofASCII: "?"), !splits.contains(where: { $0 < question }),
           text[text.index(after: question)...].first(where: { !$0.isWhitespace }) != ":",
           !Self.isAsideBeforeColon(text[text.index(after: question)...]),
           LabelMatcher.hasValueAfterColon(String(text[question...]).replacingOccurrences(of: "?", with: ":"))
            || matcher.isQuestionAnsweredByOption(text) {
            splits.insert(question, at: 0)
        }
        for split in splits {
            // A colon inside a label that runs on to a later colon is punctuation.
            let label = String(text[...split].dropLast(text[split] == ":" ? 1 : 0)).replacingOccurrences(of: ":", with: " ")
            let rest = String(text[text.index(after: split)...])
            if let match = matcher.field(for: label, section: section, taken: taken, settled: settled, value: rest),
               match.field.placements.contains(.colon) {
                return (match, label, rest)
            }
        }
        return nil
    }

    /// "Who is the child? (name): Leo": the question's label runs on to the colon after its aside.
    static func isAsideBeforeColon(_ rest: Substring) -> Bool {
        let rest = rest.trimmedWhitespace
        guard rest.hasPrefix("("), let close = rest.firstIndex(ofASCII: ")") else { return false }
        return rest[rest.index(after: close)...].trimmedWhitespace.hasPrefix(":")
    }

    /// A PDF row of four columns ("Manager name | Pat | Manager signature | [picture]") is
    /// rebuilt as label | rest: the signature label found inside the value gets its own region
    /// on the same row, so the picture beside it signs it.
    func splitMergedColumns(_ key: String, unitIndex: Int, found: inout LocatedFields,
                                    anchors: inout [(unit: Int, field: Int)]) {
        guard let region = found[region: key] else { return }
        let text = region.text
        let words = text.split(whereSeparator: \.isWhitespace)
        guard words.count >= 2, words.count <= Self.maxSplitValueWords,
              !matcher.words(text).isDisjoint(with: matcher.labels.signatureWords) else { return }
        let taken = found.taken
        let confident = matcher.labels.words.lexicon.confidentThreshold
        var best: (start: Int, end: Int, match: LabelMatch)?
        for start in 1..<words.count where words[start].first?.isUppercase == true {
            for end in (start + 1)...min(words.count, start + Self.maxSplitLabelWords) {
                let label = words[start..<end].joined(separator: " ")
                // Only a signature label: agency names hold agency words ("Youth Justice Service").
                guard let match = matcher.similar(label, section: nil, taken: taken), match.field.type == .signature,
                      match.confidence >= confident, match.confidence > (best?.match.confidence ?? 0) else { continue }
                best = (start, end, match)
            }
        }
        guard let best else { return }
        found[region: key]?.paragraphs = []
        found[region: key]?.leadingText = words[..<best.start].joined(separator: " ")
        var second = region
        second.paragraphs = []
        second.leadingText = words[best.end...].joined(separator: " ")
        if best.match.field.type == .signature { second.units = unitIndex...emptyRowsEnd(after: unitIndex) }
        found[region: best.match.field.key] = second.labelled(best.match, words[best.start..<best.end].joined(separator: " "))
        anchors.append((unitIndex, fieldIndex(best.match.field)))
    }

    static let maxSplitValueWords = 24

    /// A PDF line holding several "Label: value" pairs run together ("Sam Jones Job title:
    /// Nurse"): cut before each label whose words are a form label, so each pair is a line.
    func splitAtLabels(_ paragraph: Paragraph) -> [Paragraph] {
        let text = paragraph.text
        guard text.utf8.count <= Self.maxSplitLength, text.filter({ $0 == ":" }).count >= 2 else { return [paragraph] }
        var cuts: [String.Index] = []
        var valueStart = text.firstIndex(ofASCII: ":").map { text.index(after: $0) } ?? text.endIndex
        var search = valueStart
        while let colon = text[search...].firstIndex(ofASCII: ":") {
            let before = text[valueStart..<colon]
            let wordStarts = before.indices.filter { i in
                !before[i].isWhitespace && (i == before.startIndex || before[before.index(before: i)].isWhitespace)
            }
            // The last words most like a label (the fewer on a tie: a name may be a word too);
            // one word of value stays before it.
            var best: (start: String.Index, score: Double)?
            for start in wordStarts.dropFirst().suffix(Self.maxSplitLabelWords).reversed() where Self.startsLabel(before[start...]) {
                let score = matcher.resemblance(String(before[start...]))
                if score >= matcher.matchThreshold, score > (best?.score ?? 0) + 0.001 { best = (start, score) }
            }
            if let best { cuts.append(best.start) }
            valueStart = text.index(after: colon)
            search = valueStart
        }
        guard !cuts.isEmpty else { return [paragraph] }
        var pieces: [Paragraph] = []
        var from = text.startIndex
        for cut in cuts + [text.endIndex] {
            var piece = paragraph
            piece.text = text[from..<cut].trimmedWhitespace
            pieces.append(piece)
            from = cut
        }
        return pieces
    }

    /// A label starts with a capital letter or a digit, as printed labels do.
    static func startsLabel(_ text: Substring) -> Bool {
        text.first.map { $0.isUppercase || $0.isNumber } ?? false
    }

    static let maxSplitLength = 2_000
    static let maxSplitLabelWords = 7

    /// "Something short: value" whose label matched nothing: a candidate for the place pass.
    func unmatchedColon(_ text: String) -> (String, String)? {
        guard let colon = text.firstIndex(ofASCII: ":"), !matcher.isOption(text) else { return nil }
        let label = String(text[..<colon])
        let words = LabelText.wordCount(label)
        // A line that ends at its colon is a label however long ("4. WORK DONE SO FAR TO RESOLVE IT:").
        let limit = text[text.index(after: colon)...].isBlank ? Self.labelCellWords : 6
        guard words >= 1, words <= limit, label.rangeOfCharacter(from: .letters) != nil,
              !label.contains("http"), !label.contains("@") else { return nil }
        return (label, String(text[text.index(after: colon)...]))
    }
}
