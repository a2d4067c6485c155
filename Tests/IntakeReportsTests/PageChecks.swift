import CGMime
import CLibXML2
import Foundation

/// A page parsed by libxml2's HTML parser: the errors it reported, and what the DOM holds.
struct ParsedHTML {
    final class ErrorBox { var messages: [String] = [] }

    let errors: [String]
    let elementNames: [String]
    let text: String

    init(_ html: String) {
        let box = ErrorBox()
        let opaque = Unmanaged.passUnretained(box).toOpaque()
        xmlSetStructuredErrorFunc(opaque) { context, error in
            guard let context, let error else { return }
            let box = Unmanaged<ErrorBox>.fromOpaque(context).takeUnretainedValue()
            box.messages.append("\(error.pointee.code): \(error.pointee.message.map { String(cString: $0) } ?? "")")
        }
        defer { xmlSetStructuredErrorFunc(nil, nil) }
        let bytes = Array(html.utf8)
        let options = Int32(HTML_PARSE_NONET.rawValue | HTML_PARSE_NOWARNING.rawValue)
        let document = bytes.withUnsafeBufferPointer { buffer in
            buffer.baseAddress!.withMemoryRebound(to: CChar.self, capacity: buffer.count) {
                htmlReadMemory($0, Int32(buffer.count), nil, "utf-8", options)
            }
        }
        var names: [String] = []
        var text = ""
        if let document {
            func walk(_ node: xmlNodePtr?) {
                var current = node
                while let n = current {
                    if n.pointee.type == XML_ELEMENT_NODE { names.append(String(cString: n.pointee.name)) }
                    walk(n.pointee.children)
                    current = n.pointee.next
                }
            }
            walk(xmlDocGetRootElement(document))
            if let content = xmlNodeGetContent(xmlDocGetRootElement(document)) {
                text = String(cString: content)
                intake_xml_free(content)
            }
            xmlFreeDoc(document)
        } else {
            box.messages.append("no document")
        }
        errors = box.messages
        elementNames = names
        self.text = text
    }
}

/// A reply .eml parsed back with GMime: its headers and the text of each leaf part by type.
struct ParsedMail {
    let headers: [String: String]
    let parts: [String: String]

    init?(_ raw: String) {
        g_mime_init()
        let bytes = Array(raw.utf8)
        guard let message = bytes.withUnsafeBytes({ intake_gmime_parse_message($0.baseAddress, $0.count) }) else { return nil }
        defer { g_object_unref(message) }
        let object = intake_gmime_message_object(message)
        var headers: [String: String] = [:]
        for name in ["To", "Subject", "In-Reply-To", "References", "Content-Type"] {
            headers[name] = g_mime_object_get_header(object, name).map { String(cString: $0) }
        }
        headers["Subject"] = g_mime_message_get_subject(message).map { String(cString: $0) }
        self.headers = headers
        var parts: [String: String] = [:]
        if let root = g_mime_message_get_mime_part(message) {
            for index in 0..<intake_gmime_multipart_count(root) {
                guard let child = intake_gmime_multipart_child(root, index) else { continue }
                let type = intake_gmime_object_mime_type(child).map { pointer in
                    defer { g_free(pointer) }
                    return String(cString: pointer)
                } ?? ""
                if let text = intake_gmime_text_part_text(child) {
                    parts[type] = String(cString: text)
                    g_free(text)
                }
            }
        }
        self.parts = parts
    }
}
