import CLibXML2

/// An HTML body parsed by libxml2's HTML parser, walked once in document order. The parser
/// recovers from broken markup (unclosed tags, a stray `<`) instead of failing, reads no
/// network, DTD or external entity, and reports nothing on stderr; a `<meta charset>` is
/// ignored, the body being decoded text already. Nesting deeper than libxml2's limit (256)
/// stops the parse there, keeping what came before.
///
/// Owns its libxml2 document, freed in `deinit`; not Sendable: one document, used on one thread.
final class HTMLDocument {
    enum Node {
        case start(String)
        case end(String)
        case text(String)
    }

    private let doc: htmlDocPtr

    /// nil when libxml2 makes no document of it (an empty body).
    init?(_ html: String) {
        _ = LibXML2.ready
        let options = HTML_PARSE_RECOVER.rawValue | HTML_PARSE_NONET.rawValue | HTML_PARSE_NOERROR.rawValue
            | HTML_PARSE_NOWARNING.rawValue | HTML_PARSE_IGNORE_ENC.rawValue
        // libxml2 ends the document at a NUL byte; the text around one is kept.
        var html = html.contains("\u{0}") ? html.replacingOccurrences(of: "\u{0}", with: "") : html
        // The parser copies the bytes it is given: the pointer is needed only during the call.
        let parsed = html.withUTF8 { bytes -> htmlDocPtr? in
            guard let base = bytes.baseAddress, !bytes.isEmpty, bytes.count < Int(Int32.max) else { return nil }
            return htmlReadMemory(UnsafeRawPointer(base).assumingMemoryBound(to: CChar.self), Int32(bytes.count),
                                  nil, "UTF-8", Int32(options))
        }
        guard let parsed else { return nil }
        doc = parsed
    }

    deinit {
        xmlFreeDoc(doc)
    }

    /// Calls `visit` for each element's start and end and each run of text, in document order.
    /// `visit` returns false on a start to skip that element's content (its end still comes).
    /// Iterative, so that deeply nested markup cannot exhaust the stack.
    func walk(_ visit: (Node) -> Bool) {
        var next = doc.pointee.children
        while let node = next {
            var descend = false
            switch node.pointee.type {
            case XML_ELEMENT_NODE:
                descend = visit(.start(Self.name(node))) && node.pointee.children != nil
                if !descend { _ = visit(.end(Self.name(node))) }
            case XML_TEXT_NODE, XML_CDATA_SECTION_NODE:
                if let content = node.pointee.content { _ = visit(.text(String(cString: content))) }
            default:
                break
            }
            if descend {
                next = node.pointee.children
                continue
            }
            // The next sibling, or else the next sibling of the nearest ancestor that has one,
            // ending each element left on the way up.
            var current = node
            next = nil
            while true {
                if let sibling = current.pointee.next {
                    next = sibling
                    break
                }
                guard let parent = current.pointee.parent, parent.pointee.type == XML_ELEMENT_NODE else { break }
                _ = visit(.end(Self.name(parent)))
                current = parent
            }
        }
    }

    /// libxml2's HTML parser gives element names in lower case.
    private static func name(_ node: xmlNodePtr) -> String {
        node.pointee.name.map { String(cString: $0) } ?? ""
    }
}
