import Foundation
import IntakeDocument

/// Reads a PDF (poppler-glib) into the ``Document`` model: metadata, positioned text per
/// page, the body rebuilt as a person sees it (label | value tables and prose), AcroForm
/// fields, pictures and signature evidence.
///
/// ```swift
/// let document = try PdfReader().read(Data(contentsOf: url))
/// ```
///
/// Each call opens its own poppler document and frees it before returning: a reader may be
/// used from many threads at once, one call per thread.
public struct PdfReader: Sendable {
    /// Most characters (whitespace included) read from all pages of one PDF together. Poppler
    /// and the layout rebuild cost time per character, and pages may share one content stream,
    /// so a small file can ask for a great deal; 2,000,000 is several hundred dense pages.
    /// Kept here until ``ReadLimits`` has a field for it.
    public static let defaultMaxTextCharacters = 2_000_000

    public let limits: ReadLimits
    /// ``defaultMaxTextCharacters`` unless a test lowers it.
    var maxTextCharacters = PdfReader.defaultMaxTextCharacters

    public init(limits: ReadLimits = .default) {
        self.limits = limits
    }

    /// Reads a whole PDF held in memory.
    ///
    /// - Throws: ``IntakeError`` with `pdf.encrypted`, `pdf.damaged` (also empty, truncated or
    ///   not a PDF), `pdf.no-pages`, `pdf.too-many-pages`, `pdf.too-much-text` (more than
    ///   ``defaultMaxTextCharacters``), `pdf.image-only` (no text layer and no filled fields:
    ///   a scan) or `file.too-large`. Messages carry no document content.
    public func read(_ data: Data) throws -> Document {
        guard data.count <= limits.maxFileBytes else {
            throw IntakeError(.fileTooLarge, "The PDF is \(data.count) bytes; the limit is \(limits.maxFileBytes).")
        }
        let handle = try PopplerDocumentHandle(data: data)
        let pageCount = handle.pageCount
        guard pageCount > 0 else { throw IntakeError(.pdfNoPages, "The PDF has no pages.") }
        guard pageCount <= limits.maxPDFPages else {
            throw IntakeError(.pdfTooManyPages, "The PDF has \(pageCount) pages; the limit is \(limits.maxPDFPages).")
        }
        var content = PageContent(scansPictures: PdfPictureProbe.mayHoldPictures(data))
        for index in 0..<pageCount {
            guard let page = handle.page(at: index) else {
                throw IntakeError(.pdfDamaged, "Page \(index + 1) of the PDF could not be read; ask for a new copy.")
            }
            try content.add(page, number: index + 1, maxCharacters: maxTextCharacters)
        }
        let filledField = content.fields.contains { $0.field.value != nil || $0.field.checked == true }
        guard content.textCharacters > 0 || filledField else {
            throw IntakeError(.pdfImageOnly, "The PDF's \(pageCount) page(s) have no text layer and no filled fields (a scan); ask for the original document.")
        }
        return content.document(metadata: handle.metadata(pageCount: pageCount))
    }
}

/// What the reader collects page by page before rebuilding the body.
private struct PageContent {
    var fonts: [String: Int] = [:]
    var lines: [PdfLine] = []
    var layouts: [PageLayout] = []
    var fields: [PlacedField] = []
    var pictures: [Picture] = []
    var ink: [SignatureEvidence] = []
    var textCharacters = 0
    /// False when ``PdfPictureProbe`` proved the file holds no picture: poppler's image pass is left out.
    let scansPictures: Bool
    /// Every character read so far, whitespace included, against the reader's text limit.
    var allCharacters = 0

    /// Reads one page; throws `pdf.too-much-text` before laying out a page that takes the
    /// document over `maxCharacters`.
    mutating func add(_ page: PopplerPageHandle, number: Int, maxCharacters: Int) throws {
        let size = page.size
        var glyphs = page.glyphs(fonts: &fonts)
        allCharacters += glyphs.count
        guard allCharacters <= maxCharacters else {
            throw IntakeError(.pdfTooMuchText, "The PDF's text passes the limit of \(maxCharacters) characters "
                + "by page \(number); ask for the form on its own.")
        }
        // Everything below is placed on the upright page: turned so most of its text reads left to right.
        let (directions, dominant) = PdfTextDirection.directions(of: glyphs)
        let annotations = page.annotations()
        let geometry = PdfPageGeometry(displayWidth: size.width, displayHeight: size.height,
                                       rotation: annotations.rotation, upright: PdfQuarterTurn(quarters: -dominant))
        for index in glyphs.indices {
            glyphs[index].rect = geometry.fromDisplay(glyphs[index].rect)
            glyphs[index].direction = PdfQuarterTurn(quarters: directions[index] - dominant).quarters
        }
        let pageFields = PdfFormFields.read(page: page, number: number, geometry: geometry)
        textCharacters += glyphs.count { !$0.scalar.isWhitespaceScalar }
        let boxes = pageFields.filter(\.isTickBox).map { placed in
            PdfWord(text: "", rect: placed.rect, font: nil,
                    tick: PdfTickMark(checked: placed.field.checked ?? false, style: .pdfField))
        }
        let upright = geometry.size
        let pageLines = PdfLayoutBuilder.lines(glyphs: glyphs, tickBoxes: boxes, page: number,
                                               width: upright.width, height: upright.height)
        layouts.append(PdfLayoutBuilder.pageLayout(number: number, width: upright.width, height: upright.height, lines: pageLines))
        lines += pageLines
        fields += pageFields
        if scansPictures {
            pictures += page.images().map {
                Picture(name: String($0.id), origin: Origin(page: number, rect: geometry.fromImageMapping($0.rect)))
            }
        }
        ink += annotations.ink.map {
            SignatureEvidence(kind: .ink, signed: true, origin: Origin(page: number, rect: geometry.fromDisplay($0)))
        }
    }

    func document(metadata: DocumentMetadata) -> Document {
        var fieldSignatures = fields.filter { $0.field.kind == .signature }.map {
            SignatureEvidence(kind: .pdfSignatureField, signed: $0.field.signed, origin: $0.field.origin)
        }
        var pictures = pictures, ink = ink, formFields = fields.map(\.field)
        // Everything with an area is placed in the rebuilt tables: pictures, ink, then fields.
        let objects = pictures.map(\.origin) + ink.map(\.origin) + fields.map(\.field.origin)
        let rebuilt = PdfTableRebuilder(lines: lines, fields: fields,
                                        objects: objects.map { ($0.page ?? 0, $0.rect ?? Rect(x0: 0, y0: 0, x1: 0, y1: 0)) }).build()
        func placed(_ origin: Origin, in cell: Origin?) -> Origin {
            guard let cell else { return origin }
            var origin = origin
            (origin.table, origin.row, origin.cell) = (cell.table, cell.row, cell.cell)
            return origin
        }
        for index in pictures.indices { pictures[index].origin = placed(pictures[index].origin, in: rebuilt.objectCells[index]) }
        for index in ink.indices { ink[index].origin = placed(ink[index].origin, in: rebuilt.objectCells[pictures.count + index]) }
        for index in formFields.indices {
            let cell = rebuilt.fieldCells[index] ?? rebuilt.objectCells[pictures.count + ink.count + index]
            formFields[index].origin = placed(formFields[index].origin, in: cell)
        }
        var fieldIndex = 0
        for index in fieldSignatures.indices {
            while formFields[fieldIndex].kind != .signature { fieldIndex += 1 }
            fieldSignatures[index].origin = formFields[fieldIndex].origin
            fieldIndex += 1
        }
        return Document(format: .pdf, metadata: metadata, body: rebuilt.body, fields: formFields,
                        pictures: pictures, signatures: ink + fieldSignatures, pages: layouts)
    }
}
