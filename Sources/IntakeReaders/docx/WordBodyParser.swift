import Foundation
import IntakeDocument

/// Turns one WordprocessingML part (`word/document.xml`, a header, a footer, the notes) into
/// blocks, collecting the part's form fields, pictures, signature evidence and notes on the way.
///
/// One pass over the streaming reader. Unknown wrapper elements (`w:ins`, `w:hyperlink`,
/// `w:smartTag`, `w:sdtContent`, VML shapes, …) are walked through, so text in them is kept;
/// what must not show (deleted changes, field instructions, placeholders) is skipped by name.
/// Not thread-safe: one parser per part.
final class WordBodyParser {
    struct Resources {
        var package: ZipPackage
        var relationships: PackageRelationships
        var contentTypes: PackageContentTypes
        /// Counts blocks and form items across all parts of the document.
        var budget: DocumentBudget
    }

    /// Fields nested deeper than this are read as plain text: an unended field stays open to
    /// the end of the part, and every open field's result captures every later run.
    static let maxOpenFields = 16
    /// A captured value stops growing here (UTF-8 bytes); the paragraph text keeps it all.
    static let maxCaptureBytes = 64 << 10

    let reader: XMLStreamReader
    let part: String
    let resources: Resources

    private(set) var fields: [FormField] = []
    private(set) var pictures: [Picture] = []
    private(set) var signatures: [SignatureEvidence] = []
    /// Ink parts referenced from this part (so unreferenced ones can be reported separately).
    private(set) var referencedInkParts: Set<String> = []
    /// The footnotes or endnotes of a notes part (see ``handleNote(_:)``).
    var notes: [Note] = []
    /// The `w:id` of the note being read, stamped on every origin inside it.
    var currentNote: Int?

    /// Block lists being filled: the part, then each open cell or text box.
    var containers: [[Block]] = [[]]
    var paragraphs: [ParagraphBuilder] = []
    var tables: [TableBuilder] = []
    var tableCount = 0
    /// Above zero while text must not show (placeholder content, a check box's own glyph).
    var suppression = 0
    var fieldStack: [LegacyFormField] = []
    /// Field begins met while ``maxOpenFields`` were open: their separate and end are skipped too.
    var ignoredFieldDepth = 0
    /// Text captured for content-control and FORMTEXT values; nil slots are finished captures.
    var captures: [ValueCapture?] = []
    /// Tick boxes met where no paragraph is open yet (a block-level check box control).
    var pendingMarks: [(checked: Bool, style: TickStyle, field: String?)] = []
    /// Top-level paragraphs of the part so far, and the one being read (outside tables).
    var paragraphOrdinal = 0
    var outerParagraph: Int?
    var runIsWingdings = false
    /// The run in hand is hidden text (`w:vanish`): left out, as Word does not show it.
    var runIsHidden = false
    var runDepth = 0
    /// Pictures' alt text and image relationships gathered inside the open `w:drawing`s.
    var drawings: [DrawingState] = []

    struct ValueCapture {
        var text = ""
        var paragraphBreakPending = false

        /// Appends a piece, stopping at `limit` UTF-8 bytes (on a scalar boundary).
        mutating func append(_ piece: String, limit: Int) {
            if paragraphBreakPending && !text.isEmpty { add("\n", limit: limit) }
            paragraphBreakPending = false
            add(piece, limit: limit)
        }

        private mutating func add(_ piece: String, limit: Int) {
            let room = limit - text.utf8.count
            guard room > 0 else { return }
            guard piece.utf8.count > room else { return text += piece }
            var used = 0
            for scalar in piece.unicodeScalars {
                used += UTF8.width(scalar)
                guard used <= room else { break }
                text.unicodeScalars.append(scalar)
            }
        }
    }

    struct DrawingState {
        var altText: String?
        var imageRelationships: [String] = []
    }

    init(_ data: Data, part: String, resources: Resources, limits: ReadLimits) throws {
        self.reader = try XMLStreamReader(data, partName: resources.package.describe(part), limits: limits)
        self.part = part
        self.resources = resources
    }

    func parse() throws -> [Block] {
        guard try reader.moveToRoot() else {
            throw IntakeError(.xmlMalformed, "The \(resources.package.describe(part)) has no root element.")
        }
        try handleElement()
        return containers.first ?? []
    }

    /// Where content read now sits: the innermost open table cell, else the part (and note).
    var currentOrigin: Origin {
        guard let table = tables.last else {
            var origin = partOrigin
            origin.paragraph = outerParagraph
            return origin
        }
        return table.nextCellOrigin
    }

    var partOrigin: Origin { Origin(part: part, note: currentNote) }

    var isTextSuppressed: Bool {
        if suppression > 0 || runIsHidden { return true }
        for field in fieldStack where field.phase == .instruction { return true }
        if let last = fieldStack.last, case .checkbox = last.kind { return true }
        return false
    }

    func handleChildren() throws {
        try reader.forEachChild {
            if reader.kind == .element { try handleElement() }
        }
    }

    /// Handles the element the reader sits on, leaving the reader on its end.
    func handleElement() throws {
        switch reader.namespace {
        case .w?: try handleWordElement()
        case .mc?: if reader.localName == "AlternateContent" { try handleAlternateContent() }
        case .w14?: if reader.localName == "contentPart" { try handleInk() } else { try handleChildren() }
        case .wp?: if reader.localName == "docPr" { handleDrawingProperties() } else { try handleChildren() }
        case .a?: if reader.localName == "blip" { try handleBlip() } else { try handleChildren() }
        case .v?: try handleVML()
        case .o?: if reader.localName == "signatureline" { try handleSignatureLine() } else { try handleChildren() }
        case .m?: return  // equations: no form content
        default: try handleChildren()
        }
    }

    private func handleWordElement() throws {
        switch reader.localName {
        case "p": try handleParagraph()
        case "pPr": try handleParagraphProperties()
        case "r": try handleRun()
        case "rPr": try handleRunProperties()
        case "t": try appendRunText(try reader.textContent())
        case "tab", "ptab": append("\t")
        case "br", "cr": append("\n")
        case "noBreakHyphen": append("-")
        case "sym": try handleSymbol()
        // Deleted changes and field instructions never show.
        case "del", "moveFrom", "delText", "instrText", "delInstrText": return
        // Properties and references with no text of their own.
        case "tblPr", "tblGrid", "tblPrEx", "trPr", "tcPr", "sectPr", "sdtPr", "sdtEndPr",
             "footnoteReference", "endnoteReference", "commentReference", "annotationRef", "object":
            return
        case "tbl": try handleTable()
        case "tr": try handleRow()
        case "tc": try handleCell()
        case "sdt": try handleContentControl()
        case "fldChar": try handleFieldCharacter()
        case "txbxContent": try handleTextBox()
        case "footnote": try handleNote(.footnote)
        case "endnote": try handleNote(.endnote)
        case "drawing": try handleDrawing()
        default: try handleChildren()
        }
    }

    // MARK: Paragraphs and runs

    private func handleParagraph() throws {
        try resources.budget.addBlock()
        let outermost = paragraphs.isEmpty && tables.isEmpty && currentNote == nil
        if outermost { outerParagraph = paragraphOrdinal; paragraphOrdinal += 1 }
        defer { if outermost { outerParagraph = nil } }
        var builder = ParagraphBuilder(origin: currentOrigin)
        for mark in pendingMarks {
            let written = builder.appendMark(checked: mark.checked, style: mark.style, field: mark.field)
            capture(written)
        }
        pendingMarks = []
        paragraphs.append(builder)
        try handleChildren()
        guard let finished = paragraphs.popLast() else { return }
        containers[containers.count - 1].append(.paragraph(finished.finish()))
        containers[containers.count - 1] += finished.deferredBlocks
        for index in captures.indices { captures[index]?.paragraphBreakPending = true }
    }

    private func handleParagraphProperties() throws {
        try reader.forEachChild {
            if reader.isElement(.w, "pStyle"), !paragraphs.isEmpty {
                paragraphs[paragraphs.count - 1].style = reader.attribute("val", .w)
            }
        }
    }

    private func handleRun() throws {
        let saved = (runIsWingdings, runIsHidden)
        runIsWingdings = false
        runIsHidden = false
        runDepth += 1
        defer { (runIsWingdings, runIsHidden) = saved; runDepth -= 1 }
        try handleChildren()
    }

    private func handleRunProperties() throws {
        try reader.forEachChild {
            if reader.isElement(.w, "rFonts") {
                runIsWingdings = ["ascii", "hAnsi", "cs", "eastAsia"].contains { name in
                    Self.isWingdings(reader.attribute(name, .w))
                }
            } else if runDepth > 0, reader.isElement(.w, "vanish") || reader.isElement(.w, "webHidden") {
                // Hidden text is not what the reader of the form sees.
                runIsHidden = !["0", "false", "off"].contains(reader.attribute("val", .w) ?? "1")
            }
        }
    }

    static func isWingdings(_ font: String?) -> Bool {
        font?.lowercased().hasPrefix("wingdings") ?? false
    }

    /// Run text, with any tick glyph in it turned into a tick.
    private func appendRunText(_ text: String) throws {
        guard !isTextSuppressed else { return }
        // Every Unicode box and private-use Wingdings code starts with byte E2 or EF in UTF-8:
        // text with neither holds no tick (outside a Wingdings run), and goes in whole.
        if !runIsWingdings, !text.utf8.contains(where: { $0 == 0xE2 || $0 == 0xEF }) { return append(text) }
        var plain = ""
        for scalar in text.unicodeScalars {
            if let (checked, style) = tickState(of: scalar) {
                append(plain)
                plain = ""
                try appendMark(checked: checked, style: style, field: nil)
            } else {
                plain.unicodeScalars.append(scalar)
            }
        }
        append(plain)
    }

    private func tickState(of scalar: Unicode.Scalar) -> (Bool, TickStyle)? {
        let code = scalar.value
        if runIsWingdings, code <= 0xFF || (0xF000...0xF0FF).contains(code) {
            return TickGlyph.state(ofWingdings: code).map { ($0, .wingdings) }
        }
        if (0xF000...0xF0FF).contains(code) {
            return TickGlyph.state(ofWingdings: code).map { ($0, .wingdings) }
        }
        return TickGlyph.state(ofUnicode: scalar).map { ($0, .unicode) }
    }

    /// `w:sym`: a character from a symbol font, given as a hex code.
    private func handleSymbol() throws {
        guard !isTextSuppressed, let hex = reader.attribute("char", .w), let code = UInt32(hex, radix: 16) else { return }
        let font = reader.attribute("font", .w)
        if Self.isWingdings(font) {
            if let checked = TickGlyph.state(ofWingdings: code) {
                try appendMark(checked: checked, style: .wingdings, field: nil)
            }
            return
        }
        guard let scalar = Unicode.Scalar(code) else { return }
        if let checked = TickGlyph.state(ofUnicode: scalar) {
            try appendMark(checked: checked, style: .unicode, field: nil)
        } else if !(0xF000...0xF0FF).contains(code) {
            append(String(scalar))
        }
    }

    /// Appends visible text to the open paragraph (text outside any paragraph is not valid
    /// WordprocessingML and is dropped).
    func append(_ text: String) {
        guard !text.isEmpty, !isTextSuppressed, !paragraphs.isEmpty else { return }
        capture(paragraphs[paragraphs.count - 1].append(text))
    }

    /// Writes a tick box where the reader is, even while the surrounding text is suppressed.
    func appendMark(checked: Bool, style: TickStyle, field: String?) throws {
        try resources.budget.addFormItem()
        guard !paragraphs.isEmpty else {
            pendingMarks.append((checked, style, field))
            return
        }
        capture(paragraphs[paragraphs.count - 1].appendMark(checked: checked, style: style, field: field))
    }

    private func capture(_ text: String) {
        guard !text.isEmpty else { return }
        for index in captures.indices where captures[index] != nil {
            captures[index]!.append(text, limit: Self.maxCaptureBytes)
        }
    }

    func startCapture() -> Int {
        captures.append(ValueCapture())
        return captures.count - 1
    }

    /// Ends a capture and returns its text, trimmed, or nil when empty.
    func finishCapture(_ index: Int) -> String? {
        guard index < captures.count, let captured = captures[index] else { return nil }
        captures[index] = nil
        while let last = captures.last, last == nil { captures.removeLast() }
        let text = captured.text.trimmedWhitespace
        return text.isEmpty ? nil : text
    }

    // MARK: Collected evidence

    func addField(_ field: FormField) throws {
        try resources.budget.addFormItem()
        fields.append(field)
    }

    func addPicture(_ picture: Picture) throws {
        try resources.budget.addFormItem()
        pictures.append(picture)
    }

    func addSignature(_ evidence: SignatureEvidence) throws {
        try resources.budget.addFormItem()
        signatures.append(evidence)
    }
    func noteInkPart(_ name: String) { referencedInkParts.insert(name) }
}
