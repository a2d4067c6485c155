/// A fillable field: an AcroForm field of a PDF, or a content control / legacy form field of a DOCX.
public struct FormField: Sendable, Codable, Equatable {
    /// The fully qualified AcroForm name, a content control's alias, or a legacy field's `w:name`.
    public var name: String
    /// The AcroForm alternate name (/TU) or a content control's tag.
    public var alternateName: String?
    public var kind: FormFieldKind
    /// The value as text; nil when empty or still the placeholder.
    public var value: String?
    /// Check boxes and radio buttons: the state.
    public var checked: Bool?
    /// Choice fields: the options offered.
    public var options: [String]?
    /// A content control still showing its placeholder text.
    public var isPlaceholder: Bool
    /// Signature fields: whether a signature is in the field.
    public var signed: Bool?
    public var origin: Origin

    public init(
        name: String, alternateName: String? = nil, kind: FormFieldKind, value: String? = nil,
        checked: Bool? = nil, options: [String]? = nil, isPlaceholder: Bool = false,
        signed: Bool? = nil, origin: Origin
    ) {
        self.name = name
        self.alternateName = alternateName
        self.kind = kind
        self.value = value
        self.checked = checked
        self.options = options
        self.isPlaceholder = isPlaceholder
        self.signed = signed
        self.origin = origin
    }
}

public enum FormFieldKind: String, Sendable, Codable, Equatable {
    case text, checkbox, radio, choice, date, signature, button, unknown
}

/// A picture placed in the document.
public struct Picture: Sendable, Codable, Equatable {
    /// The package part (`word/media/image1.png`) or the PDF image id.
    public var name: String?
    /// Alt text (`wp:docPr@descr`), when given.
    public var altText: String?
    public var contentType: String?
    public var byteCount: Int?
    /// Where it sits: the table/row/cell of a DOCX, or the page area of a PDF.
    public var origin: Origin

    public init(name: String? = nil, altText: String? = nil, contentType: String? = nil, byteCount: Int? = nil, origin: Origin) {
        self.name = name
        self.altText = altText
        self.contentType = contentType
        self.byteCount = byteCount
        self.origin = origin
    }
}

/// Evidence that something was signed, other than typed text: signature lines, ink,
/// digital signatures.
public struct SignatureEvidence: Sendable, Codable, Equatable {
    public var kind: SignatureEvidenceKind
    /// For fields and signature lines: whether it holds a signature. nil when not knowable.
    public var signed: Bool?
    public var origin: Origin

    public init(kind: SignatureEvidenceKind, signed: Bool? = nil, origin: Origin) {
        self.kind = kind
        self.signed = signed
        self.origin = origin
    }
}

public enum SignatureEvidenceKind: String, Sendable, Codable, Equatable {
    /// Word's signature line (`o:signatureline`).
    case signatureLine = "signature-line"
    /// Word ink (`w14:contentPart` → `word/ink/…`) or a PDF ink annotation.
    case ink
    /// A DOCX `_xmlsignatures` part.
    case digitalSignaturePart = "digital-signature-part"
    /// A PDF signature field (signed or not: see ``SignatureEvidence/signed``).
    case pdfSignatureField = "pdf-signature-field"
}

/// Positioned text of one PDF page.
///
/// On the upright page: a page shown sideways (`/Rotate`, or text drawn through a turned matrix)
/// is turned back so that most of its text reads left to right, and every rectangle the model
/// gives for the page (lines, fields, pictures, signatures) is in that page's space.
public struct PageLayout: Sendable, Codable, Equatable {
    /// 1-based.
    public var number: Int
    public var width: Double
    public var height: Double
    public var lines: [TextLine]

    public init(number: Int, width: Double, height: Double, lines: [TextLine]) {
        self.number = number
        self.width = width
        self.height = height
        self.lines = lines
    }
}

/// One visual line, split into spans where a wide horizontal gap separates them (table columns).
public struct TextLine: Sendable, Codable, Equatable {
    public var spans: [TextSpan]
    public var rect: Rect

    public init(spans: [TextSpan], rect: Rect) {
        self.spans = spans
        self.rect = rect
    }

    public var text: String { spans.map(\.text).joined(separator: "\t") }
}

public struct TextSpan: Sendable, Codable, Equatable {
    public var text: String
    public var rect: Rect

    public init(text: String, rect: Rect) {
        self.text = text
        self.rect = rect
    }
}
