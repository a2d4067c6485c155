import Foundation
import IntakeDocument
import IntakeRecord

/// Reads a partnership's escalation policy: its title, when it was updated and is due for
/// review, its ladder of stages with their working-day limits, and its contact addresses.
///
/// Policies are prose, not forms, so this works on the text in reading order: one string per
/// paragraph, a table row as its cells joined by tabs (``extract(document:)`` builds that from
/// a ``Document``). It is pure and never logs: policy text may quote people's names.
///
/// ```swift
/// let facts = PolicyExtractor.extract(document: document)
/// record.fields = facts.fields     // policy.title, policy.updated, policy.review_due, …
/// ```
public enum PolicyExtractor {
    /// Facts from a document: body paragraphs, tables as tab-joined rows, and the metadata
    /// title as a fallback when the text shows none.
    public static func extract(document: Document) -> PolicyFacts {
        var facts = extract(paragraphs: lines(of: document.body), title: document.metadata.title)
        // A PDF's flowing text can interleave a table's columns; its positioned text cannot.
        if !document.pages.isEmpty {
            let layout = PolicyLayoutReader(pages: document.pages)
            if facts.stages.isEmpty { facts.stages = layout.stages() }
            let contacts = layout.contacts()
            if !contacts.isEmpty { facts.contacts = contacts }
        }
        return facts
    }

    /// Facts from paragraphs in reading order (a tab separates table cells).
    /// - parameter title: the document's metadata title; used only when no title is found in
    ///   the text, because the truth is what the document shows.
    public static func extract(paragraphs: [String], title: String?) -> PolicyFacts {
        let text = PolicyText(paragraphs: paragraphs)
        let metadataTitle = title?.trimmedWhitespace
        return PolicyFacts(
            title: findTitle(text) ?? (metadataTitle?.isEmpty == false ? metadataTitle : nil),
            updated: findDate(text, labels: updatedLabels),
            reviewDue: findDate(text, labels: reviewLabels),
            stages: PolicyStageFinder(text: text).stages(),
            contacts: findContacts(text))
    }

    /// Body blocks as lines: a paragraph as its text, a table row as its cells' text joined by
    /// tabs (cells' own paragraphs keep their newlines for ``PolicyText`` to resolve).
    static func lines(of blocks: [Block]) -> [String] {
        blocks.flatMap { block -> [String] in
            switch block {
            case .paragraph(let paragraph):
                return [paragraph.text]
            case .table(let table):
                return table.rows.map { row in
                    row.cells.map { $0.continuesAbove ? "" : $0.text.replacingOccurrences(of: "\t", with: " ") }
                        .joined(separator: "\t")
                }
            }
        }
    }

    // MARK: - Title

    static let titleWords = ["escalat", "resolution", "resolving", "disagreement", "difference",
                             "dispute", "protocol", "policy", "challenge"]

    /// The first short line near the top that names the subject (`Resolution of Professional
    /// Differences`), with a parenthesised subtitle line or the rest of a wrapped capitals line.
    static func findTitle(_ text: PolicyText) -> String? {
        let candidates = text.lines.indices.filter { !text.lines[$0].isEmpty && !text.isTableRow($0) }.prefix(15)
        for (position, i) in candidates.enumerated() {
            let line = text.lines[i]
            guard looksLikeTitle(line) else { continue }
            var title = line
            for j in candidates.dropFirst(position + 1).prefix(2) {
                let next = text.lines[j]
                if next.hasPrefix("("), next.hasSuffix(")"), next.count < 60 {
                    title += " " + next
                } else if isCapitals(title), isCapitals(next), next.split(separator: " ").count <= 4,
                          !next.contains(where: { $0 == ":" || $0 == "@" || $0.isNumber }) {
                    title += " " + next
                    continue
                }
                break
            }
            return isCapitals(title) ? titleCased(title) : title
        }
        return nil
    }

    static func looksLikeTitle(_ line: String) -> Bool {
        let lower = line.lowercased()
        let words = line.split(separator: " ")
        return (2...14).contains(words.count) && !line.contains("@") && !line.hasSuffix(":")
            && !line.hasSuffix(".") && !line.contains(where: \.isNumber)
            && titleWords.contains { lower.contains($0) }
    }

    static func isCapitals(_ s: String) -> Bool {
        s.contains(where: \.isLetter) && !s.contains(where: \.isLowercase)
    }

    static let smallWords: Set<String> = ["a", "an", "and", "as", "at", "by", "for", "in", "of", "on", "or", "the", "to", "with"]

    /// `RESOLVING DIFFERENCES AND ESCALATION PROCESS` → `Resolving Differences and Escalation Process`.
    static func titleCased(_ s: String) -> String {
        s.lowercased().split(separator: " ").enumerated().map { index, word in
            index > 0 && smallWords.contains(String(word)) ? String(word) : word.prefix(1).uppercased() + word.dropFirst()
        }.joined(separator: " ")
    }

    // MARK: - Dates

    static let updatedLabels = ["updated", "last updated", "launch", "launched", "published", "issued",
                                "date of issue", "policy agreed", "agreed", "approved", "reviewed",
                                "last reviewed", "effective from", "version date"]
    static let reviewLabels = ["review required", "review due", "review date", "next review",
                               "next review date", "due for review", "review"]

    /// The first date (a month alone counts as its first day) after one of `labels` in a short
    /// line, or on the line after when the label ends its line (`LAUNCH:` / `SEPTEMBER 2022`).
    static func findDate(_ text: PolicyText, labels: [String]) -> Day? {
        for (i, rawLine) in text.lines.enumerated() where rawLine.count < 240 {
            let line = rawLine.replacingOccurrences(of: "\t", with: " ")
            let lower = line.lowercased()
            for label in labels {
                var searchStart = lower.startIndex
                while let range = lower.range(of: label, range: searchStart..<lower.endIndex) {
                    searchStart = range.upperBound
                    guard isWordBoundary(lower, before: range.lowerBound), isWordBoundary(lower, after: range.upperBound) else { continue }
                    let offset = lower.distance(from: lower.startIndex, to: range.upperBound)
                    var rest = String(line.dropFirst(offset))
                    if rest.trimmingCharacters(in: .punctuationCharacters.union(.whitespaces)).isEmpty,
                       i + 1 < text.lines.count {
                        rest = text.lines[i + 1]
                    }
                    if let day = BritishDateParser.firstDate(in: rest, allowMonthOnly: true) { return day }
                }
            }
        }
        return nil
    }

    static func isWordBoundary(_ s: String, before index: String.Index) -> Bool {
        index == s.startIndex || !s[s.index(before: index)].isLetter
    }

    static func isWordBoundary(_ s: String, after index: String.Index) -> Bool {
        index == s.endIndex || !s[index].isLetter
    }

    // MARK: - Contacts

    static func findContacts(_ text: PolicyText) -> [String] {
        var seen: Set<String> = []
        var result: [String] = []
        for line in text.lines {
            for email in PolicyText.emails(in: line) {
                let lower = email.lowercased()
                if seen.insert(lower).inserted { result.append(lower) }
            }
        }
        return result
    }
}
