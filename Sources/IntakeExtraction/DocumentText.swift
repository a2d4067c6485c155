import Foundation
import IntakeDocument
import IntakeMapping

/// The normalised text of a document, computed once and searched by recognition.
struct DocumentText {
    /// The first paragraphs of the body, the page headers and the metadata title: where a
    /// title counts. A policy quotes a form's title deep inside; a form shows it at the top.
    let head: String
    /// Everything: body, headers, footers, metadata.
    let all: String
    /// Each unit's cells, normalised, for counting labels that stand in a cell or before a colon.
    let cellTexts: Set<String>
    private let headHidesASCII: Bool
    private let allHidesASCII: Bool

    static let headParagraphs = 12

    init(document: Document, units: [LayoutUnit]) {
        let metadata = [document.metadata.title, document.metadata.subject].compactMap { $0 }
        let headers = (document.headers + document.footers).map(\.text)
        var bodyHead: [String] = []
        for unit in units {
            guard bodyHead.count < Self.headParagraphs else { break }
            let text = unit.text
            if !text.isBlank { bodyHead.append(text) }
        }
        head = LabelText.normalize((metadata + headers + bodyHead).joined(separator: "\n"))
        all = LabelText.normalize((metadata + headers + units.map(\.text)).joined(separator: "\n"))
        var cells = Set<String>()
        for unit in units {
            for cell in unit.cells {
                // A cell of one paragraph is usually its text already: normalised once, not twice.
                var cellTextSeen = false
                for paragraph in cell.paragraphs {
                    let text = paragraph.text
                    cells.insert(LabelText.normalize(text))
                    if !cellTextSeen, text == cell.text { cellTextSeen = true }
                    if let colon = text.firstIndex(ofASCII: ":") {
                        cells.insert(LabelText.normalize(String(text[..<colon])))
                    }
                }
                if !cellTextSeen { cells.insert(LabelText.normalize(cell.text)) }
            }
        }
        cellTexts = cells
        headHidesASCII = Self.hidesASCII(head)
        allHidesASCII = Self.hidesASCII(all)
    }

    /// Whether the text holds a phrase already normalised (``LabelText/normalize(_:)``).
    func contains(_ phrase: String) -> Bool { Self.find(phrase, in: all, hidesASCII: allHidesASCII) }
    func headContains(_ phrase: String) -> Bool { Self.find(phrase, in: head, hidesASCII: headHidesASCII) }

    /// Foundation's `contains` bridges both strings through NSString on every call. For an
    /// ASCII phrase a byte search finds the same, except where the match runs into a
    /// combining mark (which it then asks Foundation about) or the text has one of the three
    /// characters that are ASCII by canonical equivalence (then Foundation is asked at once).
    private static func find(_ phrase: String, in text: String, hidesASCII: Bool) -> Bool {
        guard !hidesASCII, !phrase.isEmpty, phrase.utf8.allSatisfy({ $0 < 0x80 }) else { return text.contains(phrase) }
        var haystack = text, needle = phrase
        let found = haystack.withUTF8 { haystack in needle.withUTF8 { needle in byteMatch(needle, in: haystack) } }
        switch found {
        case .none: return false
        case .clean: return true
        case .besideNonASCII: return text.contains(phrase)
        }
    }

    private enum ByteMatch { case none, clean, besideNonASCII }

    private static func byteMatch(_ needle: UnsafeBufferPointer<UInt8>, in haystack: UnsafeBufferPointer<UInt8>) -> ByteMatch {
        let needle = UnsafeRawBufferPointer(needle), haystack = UnsafeRawBufferPointer(haystack)
        let anchor = ByteSearch.rareAnchor(needle)
        var result = ByteMatch.none
        var from = 0
        while let start = ByteSearch.first(needle, anchor: anchor, in: haystack, from: from) {
            let end = start + needle.count
            if (start == 0 || haystack[start - 1] < 0x80) && (end == haystack.count || haystack[end] < 0x80) { return .clean }
            result = .besideNonASCII
            from = start + 1
        }
        return result
    }

    /// Greek question mark, Greek varia, Kelvin sign: canonically ";", "`" and "K".
    private static func hidesASCII(_ text: String) -> Bool {
        text.unicodeScalars.contains { $0 == "\u{037E}" || $0 == "\u{1FEF}" || $0 == "\u{212A}" }
    }
}
