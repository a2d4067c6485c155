/// The XML namespaces the DOCX reader understands, with Transitional and Strict OOXML spellings
/// folded together so that the parsers match on one name.
enum OOXMLNamespace: Sendable, Hashable, CaseIterable {
    case w, r, wp, a, pic, m
    case mc, w14, w15, wps, wpg, wpi, wpc, wp14, a14
    case v, o, w10
    case packageRelationships, contentTypes, coreProperties, dc, dcterms, extendedProperties

    /// Every URI that means this namespace (Transitional first, then Strict).
    var uris: [String] {
        switch self {
        case .w: ["http://schemas.openxmlformats.org/wordprocessingml/2006/main",
                  "http://purl.oclc.org/ooxml/wordprocessingml/main"]
        case .r: ["http://schemas.openxmlformats.org/officeDocument/2006/relationships",
                  "http://purl.oclc.org/ooxml/officeDocument/relationships"]
        case .wp: ["http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing",
                   "http://purl.oclc.org/ooxml/drawingml/wordprocessingDrawing"]
        case .a: ["http://schemas.openxmlformats.org/drawingml/2006/main",
                  "http://purl.oclc.org/ooxml/drawingml/main"]
        case .pic: ["http://schemas.openxmlformats.org/drawingml/2006/picture",
                    "http://purl.oclc.org/ooxml/drawingml/picture"]
        case .m: ["http://schemas.openxmlformats.org/officeDocument/2006/math",
                  "http://purl.oclc.org/ooxml/officeDocument/math"]
        case .mc: ["http://schemas.openxmlformats.org/markup-compatibility/2006"]
        case .w14: ["http://schemas.microsoft.com/office/word/2010/wordml"]
        case .w15: ["http://schemas.microsoft.com/office/word/2012/wordml"]
        case .wps: ["http://schemas.microsoft.com/office/word/2010/wordprocessingShape"]
        case .wpg: ["http://schemas.microsoft.com/office/word/2010/wordprocessingGroup"]
        case .wpi: ["http://schemas.microsoft.com/office/word/2010/wordprocessingInk"]
        case .wpc: ["http://schemas.microsoft.com/office/word/2010/wordprocessingCanvas"]
        case .wp14: ["http://schemas.microsoft.com/office/word/2010/wordprocessingDrawing"]
        case .a14: ["http://schemas.microsoft.com/office/drawing/2010/main"]
        case .v: ["urn:schemas-microsoft-com:vml"]
        case .o: ["urn:schemas-microsoft-com:office:office"]
        case .w10: ["urn:schemas-microsoft-com:office:word"]
        case .packageRelationships: ["http://schemas.openxmlformats.org/package/2006/relationships"]
        case .contentTypes: ["http://schemas.openxmlformats.org/package/2006/content-types"]
        case .coreProperties: ["http://schemas.openxmlformats.org/package/2006/metadata/core-properties"]
        case .dc: ["http://purl.org/dc/elements/1.1/"]
        case .dcterms: ["http://purl.org/dc/terms/"]
        case .extendedProperties: ["http://schemas.openxmlformats.org/officeDocument/2006/extended-properties",
                                   "http://purl.oclc.org/ooxml/officeDocument/extendedProperties"]
        }
    }

    private static let byURI: [String: OOXMLNamespace] = {
        var table: [String: OOXMLNamespace] = [:]
        for namespace in allCases { for uri in namespace.uris { table[uri] = namespace } }
        return table
    }()

    init?(uri: String) {
        guard let namespace = Self.byURI[uri] else { return nil }
        self = namespace
    }

    /// Namespaces whose `mc:Choice` content this reader handles (the rest fall back).
    static let understoodInChoice: Set<OOXMLNamespace> = [.w, .w14, .w15, .wps, .wpg, .wpi, .wpc, .wp14, .a14, .v, .o]
}

/// Relationship types, matched on their last path segment so Strict and Transitional agree.
enum RelationshipType {
    static func isOfficeDocument(_ type: String) -> Bool { type.hasSuffix("/officeDocument") }
    static func isHeader(_ type: String) -> Bool { type.hasSuffix("/header") }
    static func isFooter(_ type: String) -> Bool { type.hasSuffix("/footer") }
    static func isFootnotes(_ type: String) -> Bool { type.hasSuffix("/footnotes") }
    static func isEndnotes(_ type: String) -> Bool { type.hasSuffix("/endnotes") }
    static func isCoreProperties(_ type: String) -> Bool { type.hasSuffix("/core-properties") }
    static func isExtendedProperties(_ type: String) -> Bool { type.hasSuffix("/extended-properties") || type.hasSuffix("/extendedProperties") }
    static func isDigitalSignature(_ type: String) -> Bool { type.contains("/digital-signature/") }
}
