import IntakeDocument
import Foundation
import IntakeRecord

/// Finds a policy's ladder in its lines. Policies write it one of three ways, tried in turn:
/// 1. headings `Stage 2 – Manager to manager (Within 2 working days)` (name may run onto the
///    next short lines, the limit may sit on the next line);
/// 2. a table whose first column numbers the stages (`1 | Frontline staff … | …`), as
///    tab-joined rows or, when flattened, one cell per line;
/// 3. a table headed `STAGE` whose first column names them in order, unnumbered; flattened,
///    the `If not resolved, move to …` chain gives the names.
/// A stage's limit is the first `N working day(s)` in its own heading, row or section; failing
/// that, a sentence like "Each stage … no longer than 7 working days" sets it for every stage.
struct PolicyStageFinder {
    let text: PolicyText

    func stages() -> [PolicyStage] {
        let found = headings() ?? numberedTableRows() ?? numberedFlatTable() ?? namedTableRows() ?? moveToChain() ?? []
        let everyStage = limitForEveryStage()
        var byNumber: [Int: PolicyStage] = [:]
        for stage in found where byNumber[stage.number] == nil {
            var stage = stage
            stage.name = Self.cleanName(stage.name)
            if stage.workingDays == nil { stage.workingDays = everyStage }
            byNumber[stage.number] = stage
        }
        return byNumber.values.sorted { $0.number < $1.number }
    }

    // MARK: 1. Headings

    private func headings() -> [PolicyStage]? {
        let lines = text.lines
        var starts: [(line: Int, number: Int, rest: String)] = []
        for i in lines.indices {
            if let (number, rest) = Self.stageHeading(text.firstCell(i)) { starts.append((i, number, rest)) }
        }
        guard !starts.isEmpty else { return nil }
        var result: [PolicyStage] = []
        for (k, start) in starts.enumerated() {
            let end = k + 1 < starts.count ? starts[k + 1].line : min(lines.count, start.line + 15)
            var (name, days) = Self.splitLimit(start.rest)
            var next = start.line + 1
            if name.isEmpty {
                // `Stage 3:` / `Senior Manager` / `to Senior Manager`: short lines up to a blank.
                var parts: [String] = []
                while next < end, parts.count < 3, !lines[next].isEmpty, !lines[next].hasPrefix("("),
                      lines[next].split(separator: " ").count <= 6, !lines[next].hasSuffix(".") {
                    parts.append(lines[next])
                    next += 1
                }
                (name, days) = Self.splitLimit(parts.joined(separator: " "))
            }
            if days == nil, let line = lines[next..<end].first(where: { !$0.isEmpty }), line.hasPrefix("(") {
                days = Self.workingDays(in: line)
            }
            if days == nil {
                days = lines[start.line..<end].lazy.compactMap { Self.workingDays(in: $0, within: true) }.first
            }
            guard !name.isEmpty else { continue }
            result.append(PolicyStage(number: start.number, name: name, workingDays: days))
        }
        return result.isEmpty ? nil : result
    }

    /// `Stage 2 – name`, `Stage 1- name`, `Stage 3:`, `Stage One. name` → (number, rest).
    static func stageHeading(_ line: String) -> (Int, String)? {
        let words = line.split(separator: " ", maxSplits: 2).map(String.init)
        guard words.count >= 2, words[0].lowercased() == "stage" else { return nil }
        var numberWord = words[1]
        var rest = words.count > 2 ? words[2] : ""
        // Separator glued to the number: `1-`, `1:`, `1.`.
        if let last = numberWord.last, separators.contains(last) {
            numberWord.removeLast()
        } else if let first = rest.first, separators.contains(first) {
            rest.removeFirst()
        } else if !rest.isEmpty {
            return nil   // "Stage 3 and 4 …" is a sentence, not a heading
        }
        guard let number = Self.number(numberWord) else { return nil }
        return (number, rest.trimmedSpaces)
    }

    static let separators: Set<Character> = ["–", "—", "-", ":", ".", ")"]

    // MARK: 2. Numbered tables

    /// Tab-joined rows under a `Stage` header whose first cell is a stage number.
    private func numberedTableRows() -> [PolicyStage]? {
        guard let header = text.lines.indices.first(where: { text.isTableRow($0) && Self.isStageHeader(text.firstCell($0)) }) else { return nil }
        var result: [PolicyStage] = []
        var i = header + 1
        while i < text.lines.count, text.isTableRow(i) || text.lines[i].isEmpty {
            let cells = text.cells(i)
            if let number = Int(cells[0]), cells.count > 1, number == result.count + 1 {
                let days = cells.dropFirst().lazy.compactMap { Self.workingDays(in: $0, within: true) }.first
                result.append(PolicyStage(number: number, name: cells[1], workingDays: days))
            } else if cells[0].isEmpty, let last = result.indices.last, result[last].workingDays == nil {
                result[last].workingDays = cells.lazy.compactMap { Self.workingDays(in: $0, within: true) }.first
            }
            i += 1
        }
        return result.count >= 2 ? result : nil
    }

    /// A numbered table flattened to one cell per line: `Stage`, header cells, then `1`,
    /// name, other cells, `2`, …
    private func numberedFlatTable() -> [PolicyStage]? {
        let lines = text.lines
        guard let header = lines.indices.first(where: { Self.isStageHeader(lines[$0]) }) else { return nil }
        let cells = lines[(header + 1)...].indices.filter { !lines[$0].isEmpty }
        guard let firstRow = cells.first(where: { lines[$0] == "1" }) else { return nil }
        let columns = cells.filter { $0 < firstRow }.count + 1
        guard columns >= 2 else { return nil }
        var result: [PolicyStage] = []
        var k = cells.firstIndex(of: firstRow)!
        while k < cells.count, lines[cells[k]] == String(result.count + 1) {
            let next = String(result.count + 2)
            var rowEnd = k + 1
            while rowEnd < cells.count, rowEnd - k < columns, lines[cells[rowEnd]] != next { rowEnd += 1 }
            guard rowEnd > k + 1 else { break }
            let row = cells[(k + 1)..<rowEnd].map { lines[$0] }
            let days = row.dropFirst().lazy.compactMap { Self.workingDays(in: $0, within: true) }.first
            result.append(PolicyStage(number: result.count + 1, name: row[0], workingDays: days))
            // A cell of several paragraphs pushes the next number further down.
            k = cells[rowEnd...].prefix(columns * 2).firstIndex { lines[$0] == next } ?? cells.count
        }
        return result.count >= 2 ? result : nil
    }

    // MARK: 3. Unnumbered tables

    /// Tab-joined rows under a `STAGE | ACTION | …` header, the stage named in the first cell,
    /// continuation rows with an empty first cell; the table ends at the first plain line.
    private func namedTableRows() -> [PolicyStage]? {
        guard let header = text.lines.indices.first(where: { text.isTableRow($0) && Self.isStageHeader(text.firstCell($0)) }) else { return nil }
        var result: [PolicyStage] = []
        var i = header + 1
        while i < text.lines.count, text.isTableRow(i) || text.lines[i].isEmpty {
            let cells = text.cells(i)
            let days = cells.lazy.compactMap { Self.workingDays(in: $0, within: true) }.first
            if !cells[0].isEmpty, !Self.isStageHeader(cells[0]), Int(cells[0]) == nil {
                result.append(PolicyStage(number: result.count + 1, name: cells[0], workingDays: days))
            } else if let last = result.indices.last, result[last].workingDays == nil {
                result[last].workingDays = days
            }
            i += 1
        }
        return result.count >= 2 ? result : nil
    }

    /// Flattened unnumbered table: the first cell after the header cells, then each
    /// `If not resolved, move to X`; each stage's section runs to the next stage's name.
    private func moveToChain() -> [PolicyStage]? {
        let lines = text.lines
        guard let header = lines.indices.first(where: { Self.isStageHeader(lines[$0]) }) else { return nil }
        let targets = lines[header...].compactMap(Self.moveToTarget)
        guard !targets.isEmpty,
              let first = lines[(header + 1)...].first(where: { !$0.isEmpty && !Self.isHeaderWord($0) }) else { return nil }
        var names = [first]
        for target in targets where !names.contains(target) { names.append(target) }
        var nameLines: [Int] = []
        var from = header + 1
        for name in names {
            guard let at = lines[from...].firstIndex(of: name) else { return nil }
            nameLines.append(at)
            from = at + 1
        }
        return names.indices.map { k in
            let end = k + 1 < nameLines.count ? nameLines[k + 1] : min(lines.count, nameLines[k] + 10)
            let days = lines[nameLines[k]..<end].lazy.compactMap { Self.workingDays(in: $0, within: true) }.first
            return PolicyStage(number: k + 1, name: names[k], workingDays: days)
        }
    }

    static func moveToTarget(_ line: String) -> String? {
        guard let range = line.range(of: "move to ", options: .caseInsensitive) else { return nil }
        let target = line[range.upperBound...].trimmingCharacters(in: .whitespaces.union(.punctuationCharacters))
        return target.isEmpty || target.split(separator: " ").count > 5 ? nil : target
    }

    // MARK: Limits

    /// "Each stage … 7 working days" → 7 for every stage without its own.
    private func limitForEveryStage() -> Int? {
        for line in text.lines {
            let lower = line.lowercased()
            guard let each = lower.range(of: "each stage") else { continue }
            if let days = Self.workingDays(in: String(lower[each.upperBound...])) { return days }
        }
        return nil
    }

    /// The N of the first `N working day(s)`; with `within`, only `within (a further) N …`.
    static func workingDays(in text: String, within: Bool = false) -> Int? {
        let words = text.lowercased().split(whereSeparator: { !$0.isLetter && !$0.isNumber }).map(String.init)
        for i in words.indices.dropFirst().dropLast() where words[i].hasPrefix("working") && words[i + 1].hasPrefix("day") {
            guard let n = number(words[i - 1]) else { continue }
            if within {
                let before = words[max(0, i - 4)..<(i - 1)]
                guard before.contains("within") || before.contains("than") else { continue }
            }
            return n
        }
        return nil
    }

    /// Splits `name (Within 2 working days)` into the name and 2.
    static func splitLimit(_ text: String) -> (String, Int?) {
        guard let open = text.lastIndex(of: "("), text.hasSuffix(")"),
              let days = workingDays(in: String(text[open...])) else { return (text, nil) }
        return (String(text[..<open]).trimmedSpaces, days)
    }

    static func number(_ word: String) -> Int? {
        if let n = Int(word), (0...99).contains(n) { return n }
        let words = ["one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten"]
        return words.firstIndex(of: word.lowercased()).map { $0 + 1 }
    }

    static func isStageHeader(_ cell: String) -> Bool { cell.lowercased() == "stage" || cell.lowercased() == "stages" }

    static func isHeaderWord(_ line: String) -> Bool {
        ["action", "documentation", "who’s involved", "who's involved", "what’s involved", "what's involved"]
            .contains(line.lowercased())
    }

    /// Tidies a name from a wrapped PDF cell (`Prevention /Early Resolution`) and trailing marks.
    static func cleanName(_ name: String) -> String {
        var s = name.replacingOccurrences(of: " /", with: "/").replacingOccurrences(of: "/ ", with: "/")
        while let last = s.last, last == ":" || last == "|" || last.isWhitespace { s.removeLast() }
        return s
    }
}
