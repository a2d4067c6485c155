import CLibXML2
import Foundation
import IntakeDocument

/// A pull parser over one package part: libxml2's streaming `xmlTextReader`, configured for
/// untrusted input.
///
/// Only `XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING` are set: entities are never
/// substituted and no DTD is loaded. Any DOCTYPE is refused (`xml.doctype`), nesting deeper than
/// ``ReadLimits/maxXMLDepth`` is refused (`xml.too-deep`) and anything libxml2 cannot parse is
/// `xml.malformed`. Not thread-safe: one reader per part, used on one thread.
///
/// Walking: ``forEachChild(_:)`` calls its body once per child node of the current element. When
/// the body leaves a child element unread, the reader skips it, so a body only handles what it
/// knows.
final class XMLStreamReader {
    enum NodeKind { case element, endElement, text, other }

    private let reader: xmlTextReaderPtr
    /// The part's bytes, copied into memory this reader owns: libxml2 reads them lazily for as
    /// long as the reader lives, and a pointer lent by `Data.withUnsafeBytes` is valid only inside
    /// that closure (a part of 14 bytes or less lives in a temporary copy on the stack).
    private let bytes: UnsafeMutableRawBufferPointer
    private let partName: String
    private let maxDepth: Int
    /// Counts successful reads, so ``forEachChild(_:)`` can tell whether a body consumed a child.
    private var readCount = 0

    private(set) var kind: NodeKind = .other
    /// The current element's name and namespace; on an end element, they are left as they were.
    private(set) var localName = ""
    private(set) var namespace: OOXMLNamespace?
    /// `xmlTextReaderConstNamespaceUri` returns the reader's dictionary copy of a URI, and an
    /// element's local name is its dictionary copy too (the parser interns names unless
    /// `XML_PARSE_NODICT`, never set here): one pointer per distinct string for the reader's
    /// life, so each is turned into a Swift value once. Per element, hashing a URI's 60 bytes
    /// cost 0.5 % of all CPU and making the name's string 1.5 %.
    private var namespaces: [UnsafePointer<xmlChar>: OOXMLNamespace?] = [:]
    private var names: [UnsafePointer<xmlChar>: String] = [:]
    private(set) var depth = 0
    private(set) var isEmptyElement = false

    /// "<!DOCTYPE" in UTF-8, UTF-16LE and UTF-16BE: the encodings a package part may use.
    /// `<!DOCTYPE` in UTF-8 and in both UTF-16s, each with where its `!` is (rare in XML, so
    /// the search jumps from one to the next).
    private static let doctypeMarkers: [(bytes: [UInt8], bang: Int)] = {
        let ascii = Array("<!DOCTYPE".utf8)
        return [(ascii, 1), (ascii.flatMap { [$0, 0] }, 2), (ascii.flatMap { [0, $0] }, 3)]
    }()

    /// - parameter partName: how errors name the part: ``ZipPackage/describe(_:)``, never a raw
    ///   name the sender chose.
    init(_ data: Data, partName: String, limits: ReadLimits) throws {
        _ = LibXML2.ready
        xmlResetLastError()
        guard !data.isEmpty, data.count < Int(Int32.max) else {
            throw IntakeError(.xmlMalformed, "The \(partName) could not be opened as XML.")
        }
        let bytes = UnsafeMutableRawBufferPointer.allocate(byteCount: data.count, alignment: 1)
        // Through the contiguous bytes: `copyBytes(to:)` goes region by region through DataProtocol.
        data.withUnsafeBytes { bytes.copyMemory(from: $0) }
        // A DTD has no business in a package part (ECMA-376 Part 2); refusing it before libxml2
        // sees the bytes also covers DTDs whose entity tricks would fail the parse first.
        if Self.doctypeMarkers.contains(where: { ByteSearch.first($0.bytes, anchor: $0.bang, in: UnsafeRawBufferPointer(bytes)) != nil }) {
            bytes.deallocate()
            throw IntakeError(.xmlDoctype, "The \(partName) declares a DOCTYPE, which a DOCX part never needs; the file was refused.")
        }
        let options = Int32(XML_PARSE_NONET.rawValue | XML_PARSE_NOERROR.rawValue | XML_PARSE_NOWARNING.rawValue)
        guard let made = xmlReaderForMemory(bytes.baseAddress?.assumingMemoryBound(to: CChar.self), Int32(bytes.count),
                                            partName, nil, options) else {
            bytes.deallocate()
            throw IntakeError(.xmlMalformed, "The \(partName) could not be opened as XML.")
        }
        self.bytes = bytes
        self.partName = partName
        self.maxDepth = limits.maxXMLDepth
        reader = made
    }

    // The reader first: it may still point into the bytes until it is freed.
    deinit {
        xmlFreeTextReader(reader)
        bytes.deallocate()
    }

    /// Moves to the next node; false at the end of the part.
    @discardableResult
    func read() throws -> Bool {
        let status = xmlTextReaderRead(reader)
        if status == 0 { return false }
        if status < 0 { throw malformed() }
        readCount += 1
        depth = Int(xmlTextReaderDepth(reader))
        if depth > maxDepth {
            throw IntakeError(.xmlTooDeep, "The \(partName) nests elements deeper than the limit of \(maxDepth).")
        }
        switch xmlTextReaderNodeType(reader) {
        case Int32(XML_READER_TYPE_ELEMENT.rawValue):
            kind = .element
            isEmptyElement = xmlTextReaderIsEmptyElement(reader) == 1
            updateName()
        case Int32(XML_READER_TYPE_END_ELEMENT.rawValue):
            // An end is told by its depth alone (see ``forEachChild(_:)``): its name is not looked up.
            kind = .endElement
            isEmptyElement = false
        case Int32(XML_READER_TYPE_TEXT.rawValue), Int32(XML_READER_TYPE_CDATA.rawValue),
             Int32(XML_READER_TYPE_SIGNIFICANT_WHITESPACE.rawValue), Int32(XML_READER_TYPE_WHITESPACE.rawValue):
            kind = .text
        case Int32(XML_READER_TYPE_DOCUMENT_TYPE.rawValue):
            throw IntakeError(.xmlDoctype, "The \(partName) declares a DOCTYPE, which a DOCX part never needs; the file was refused.")
        default:
            kind = .other
        }
        return true
    }

    /// The text of the current text node.
    var value: String {
        guard let pointer = xmlTextReaderConstValue(reader) else { return "" }
        return String(cString: pointer)
    }

    func attribute(_ name: String, _ namespace: OOXMLNamespace) -> String? {
        for uri in namespace.uris {
            if let pointer = xmlTextReaderGetAttributeNs(reader, name, uri) {
                defer { intake_xml_free(pointer) }
                return String(cString: pointer)
            }
        }
        return nil
    }

    /// An attribute without a namespace (relationships, content types, VML).
    func attribute(_ name: String) -> String? {
        guard let pointer = xmlTextReaderGetAttribute(reader, name) else { return nil }
        defer { intake_xml_free(pointer) }
        return String(cString: pointer)
    }

    /// The namespace bound to a prefix at the current element (`mc:Choice@Requires` names prefixes).
    func namespace(forPrefix prefix: String) -> OOXMLNamespace? {
        guard let pointer = xmlTextReaderLookupNamespace(reader, prefix) else { return nil }
        defer { intake_xml_free(pointer) }
        return OOXMLNamespace(uri: String(cString: pointer))
    }

    func isElement(_ namespace: OOXMLNamespace, _ name: String) -> Bool {
        kind == .element && self.namespace == namespace && localName == name
    }

    /// Calls `body` for each child node of the current element, then leaves the reader on the
    /// element's end. Child elements the body does not read are skipped whole.
    func forEachChild(_ body: () throws -> Void) throws {
        guard kind == .element, !isEmptyElement else { return }
        let parentDepth = depth
        while try read() {
            if kind == .endElement && depth == parentDepth { return }
            let wasElement = kind == .element
            let before = readCount
            try body()
            if wasElement && readCount == before { try skipElement() }
        }
        throw malformed()
    }

    /// Skips the current element and everything inside it.
    func skipElement() throws {
        guard kind == .element, !isEmptyElement else { return }
        let startDepth = depth
        while try read() {
            if kind == .endElement && depth == startDepth { return }
        }
        throw malformed()
    }

    /// All the text inside the current element, concatenated.
    func textContent() throws -> String {
        var text = ""
        try forEachChild {
            switch kind {
            case .text: text += value
            case .element: text += try textContent()
            default: break
            }
        }
        return text
    }

    /// Advances to the root element; false when the part has none.
    func moveToRoot() throws -> Bool {
        while try read() { if kind == .element { return true } }
        return false
    }

    private func updateName() {
        // Only start elements come here: their names are interned.
        if let name = xmlTextReaderConstLocalName(reader) {
            if let known = names[name] { localName = known } else {
                localName = String(cString: name)
                names[name] = localName
            }
        } else {
            localName = ""
        }
        if let uri = xmlTextReaderConstNamespaceUri(reader) {
            if let known = namespaces[uri] { namespace = known } else {
                namespace = OOXMLNamespace(uri: String(cString: uri))
                namespaces[uri] = namespace
            }
        } else {
            namespace = nil
        }
    }

    private func malformed() -> IntakeError {
        // libxml2 refuses nesting past its own limit (256) before this reader sees the depth.
        if let error = xmlGetLastError(), let message = error.pointee.message,
           String(cString: message).localizedCaseInsensitiveContains("depth") {
            return IntakeError(.xmlTooDeep, "The \(partName) nests elements deeper than the limit of \(maxDepth).")
        }
        return IntakeError(.xmlMalformed, "The \(partName) is not well-formed XML.")
    }
}

/// libxml2's reader keeps parser state that two threads must never touch at once.
@available(*, unavailable)
extension XMLStreamReader: Sendable {}
