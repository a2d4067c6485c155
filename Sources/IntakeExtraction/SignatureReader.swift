import IntakeDocument
import IntakeMapping
import IntakeRecord

/// Decides whether a signature row is signed, and how: a signed PDF signature field
/// (digital), ink, a picture, or a typed name ("/s/ Name" included).
struct SignatureReader {
    let document: Document
    let units: [LayoutUnit]

    /// Words that sit in an empty signature box and are not a signature.
    static let notSignatures: Set<String> = ["signature", "signed", "sign here", "name"]

    func read(region: ValueRegion?, formField: FormField?) -> SignatureValue {
        if let formField, formField.kind == .signature {
            if formField.signed == true { return SignatureValue(present: true, kind: .digital) }
            if let rect = formField.origin.rect, let page = formField.origin.page,
               document.signatures.contains(where: { $0.kind == .ink && overlaps($0.origin, page: page, rect: rect) }) {
                return SignatureValue(present: true, kind: .ink)
            }
        }
        guard let region else { return .none }
        if document.signatures.contains(where: { $0.kind == .pdfSignatureField && $0.signed == true && inRegion($0.origin, region) }) {
            return SignatureValue(present: true, kind: .digital)
        }
        if document.signatures.contains(where: { $0.kind == .ink && inRegion($0.origin, region) }) {
            return SignatureValue(present: true, kind: .ink)
        }
        if document.pictures.contains(where: { inRegion($0.origin, region) }) {
            return SignatureValue(present: true, kind: .image)
        }
        if let text = ValueText.clean(region.text), Self.looksSigned(text) {
            return SignatureValue(present: true, kind: .typed)
        }
        return .none
    }

    static let missingSignatureWords = TextPattern(#"\b(not signed|unsigned|to follow|tbc|awaiting|pending|to be signed)\b"#)
    /// The marks a printed signature line is drawn with.
    static let lineMarks = TextPattern(#"[_.\-–—…:/\\|()\[\]]"#)

    /// Whether typed text is a signature rather than the empty line printed for one
    /// ("________", "Signed: ........ Date: ......").
    static func looksSigned(_ text: String) -> Bool {
        let normalised = LabelText.normalize(text)
        if notSignatures.contains(normalised) || ValueText.fillers.contains(normalised) { return false }
        // "Not signed", "To follow": words about a missing signature are not one.
        if Self.missingSignatureWords.matches(normalised) { return false }
        let words = Self.lineMarks.replacing(in: text.lowercased(), with: " ")
            .split(whereSeparator: \.isWhitespace)
            .filter { !Self.signatureLineWords.contains(String($0)) }
        // "/s/ Name" keeps its name once the slashes go.
        return words.contains { $0.contains(where: \.isLetter) }
    }

    static let signatureLineWords: Set<String> = ["signed", "signature", "sign", "here", "date", "dated", "name", "print", "s"]

    /// Whether something placed at `origin` lies in the rows the region covers: the same
    /// table row of a DOCX part, or the same vertical band of a PDF page.
    private func inRegion(_ origin: Origin, _ region: ValueRegion) -> Bool {
        let covered = region.units.map { units[$0] }
        if origin.table == nil, let paragraph = origin.paragraph {
            let held = covered.flatMap { $0.cells.flatMap { $0.paragraphs.map(\.origin) } }
            if held.contains(where: { $0.part == origin.part && $0.paragraph == paragraph }) { return true }
        }
        if origin.table != nil, origin.row != nil {
            let rows = Set(covered.flatMap { $0.cells.map { RowKey($0.origin) } })
            if rows.contains(RowKey(origin)) { return true }
        }
        guard let page = origin.page, let rect = origin.rect else { return false }
        if let overleaf = overleaf(of: region), overleaf.page == page, rect.y1 <= overleaf.bottom,
           !repeatsOnOtherPages(rect, page: page) { return true }
        guard let band = band(of: region), band.page == page else { return false }
        if rect.midY >= band.top && rect.midY <= band.bottom { return true }
        // A picture set inline at the end of the label's line rises above it, its foot beside the text.
        guard let label = units[region.units.lowerBound].rect else { return false }
        return rect.y1 >= label.y0 + 0.5 * label.height && rect.y0 < label.y1
    }

    /// From the top of the label's unit to the top of the unit after the region.
    private func band(of region: ValueRegion) -> (page: Int, top: Double, bottom: Double)? {
        let first = units[region.units.lowerBound]
        guard let page = first.page, let top = first.rect?.y0 else { return nil }
        let nextIndex = region.units.upperBound + 1
        var bottom = Double.greatestFiniteMagnitude
        if nextIndex < units.count, units[nextIndex].page == page, let y = units[nextIndex].rect?.y0 { bottom = y }
        return (page, top - 2, bottom)
    }

    /// A label at the foot of a page whose picture went over the page break: the top of the
    /// next page, above the first line there, still belongs to it.
    private func overleaf(of region: ValueRegion) -> (page: Int, bottom: Double)? {
        let first = units[region.units.lowerBound]
        let nextIndex = region.units.upperBound + 1
        guard let page = first.page, nextIndex < units.count, units[nextIndex].page == page + 1,
              let y = units[nextIndex].rect?.y0, region.text.isBlank else { return nil }
        return (page + 1, y)
    }

    /// A header's logo sits at the same place on several pages; a signature only once.
    private func repeatsOnOtherPages(_ rect: Rect, page: Int) -> Bool {
        document.pictures.contains { picture in
            guard let other = picture.origin.rect, let otherPage = picture.origin.page, otherPage != page else { return false }
            return abs(other.x0 - rect.x0) < 2 && abs(other.y0 - rect.y0) < 2 && abs(other.width - rect.width) < 2
        }
    }

    private func overlaps(_ origin: Origin, page: Int, rect: Rect) -> Bool {
        origin.page == page && origin.rect.map { $0.intersection(rect) != nil } == true
    }
}

/// A table row's identity across parts: part, table and row index.
private struct RowKey: Hashable {
    let part: String?
    let table: Int?
    let row: Int?

    init(_ origin: Origin) {
        part = origin.part
        table = origin.table
        row = origin.row
    }
}
