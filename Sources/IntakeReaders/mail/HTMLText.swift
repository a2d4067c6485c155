import Foundation

/// Turns an HTML e-mail body into readable plain text: tags dropped, block ends as line
/// breaks, common entities decoded, script and style content removed.
///
/// Not an HTML parser: good enough for a fallback body when a message has no `text/plain` part.
enum HTMLText {
    private static let lineBreakTags: Set<String> = [
        "br", "p", "/p", "div", "/div", "tr", "/tr", "li", "/li", "h1", "h2", "h3", "h4", "h5", "h6",
        "/h1", "/h2", "/h3", "/h4", "/h5", "/h6", "table", "/table", "blockquote", "/blockquote",
    ]
    private static let entities: [String: String] = [
        "amp": "&", "lt": "<", "gt": ">", "quot": "\"", "apos": "'", "nbsp": " ", "ndash": "–", "mdash": "—",
        "lsquo": "‘", "rsquo": "’", "ldquo": "“", "rdquo": "”", "hellip": "…", "pound": "£", "euro": "€",
    ]

    /// Walks the body once, by index over its scalars, appending to one growing output: no
    /// search ever starts again from an earlier position, so time is linear in the body.
    static func plainText(fromHTML html: String) -> String {
        let scalars = Array(html.unicodeScalars)
        var output = String.UnicodeScalarView()
        var index = 0
        while index < scalars.count {
            let scalar = scalars[index]
            if scalar == "<" {
                let tagEnd = scalars[index...].firstIndex(of: ">") ?? scalars.count
                let name = tagName(scalars[(index + 1)..<tagEnd])
                index = min(tagEnd + 1, scalars.count)
                if name == "script" || name == "style" || name == "head" {
                    index = end(ofClosing: name, in: scalars, from: index)
                } else if lineBreakTags.contains(name) {
                    output.append("\n")
                } else if name == "td" || name == "th" {
                    output.append(" ")
                }
            } else if scalar == "&", let (decoded, next) = entity(in: scalars, at: index) {
                // One scalar at a time: `append(contentsOf:)` on the view rebuilds it each call.
                for decodedScalar in decoded.unicodeScalars { output.append(decodedScalar) }
                index = next
            } else {
                output.append(scalar)
                index += 1
            }
        }
        return tidy(String(output))
    }

    /// "p class=x" → "p"; "/P" → "/p"; "br/" → "br"; comments and doctypes give "!".
    /// Reads only the name's own scalars, never the attributes after it.
    private static func tagName(_ tag: ArraySlice<Unicode.Scalar>) -> String {
        var rest = tag
        var name = String.UnicodeScalarView()
        if rest.first == "/" {
            name.append("/")
            rest = rest.dropFirst()
        }
        if rest.first == "!" { return "!" }
        for scalar in rest {
            guard scalar.properties.isAlphabetic || scalar.properties.numericType != nil else { break }
            name.append(scalar)
        }
        return String(name).lowercased()
    }

    /// The index just past the `>` of the first `</name` (any case) at or after `start`;
    /// the end when there is none.
    private static func end(ofClosing name: String, in scalars: [Unicode.Scalar], from start: Int) -> Int {
        let marker = Array("</\(name)".unicodeScalars)
        var index = start
        while index + marker.count <= scalars.count {
            if marker.indices.allSatisfy({ asciiLowercased(scalars[index + $0]) == marker[$0] }) {
                let close = scalars[(index + marker.count)...].firstIndex(of: ">") ?? scalars.count
                return min(close + 1, scalars.count)
            }
            index += 1
        }
        return scalars.count
    }

    private static func asciiLowercased(_ scalar: Unicode.Scalar) -> Unicode.Scalar {
        ("A"..."Z").contains(scalar) ? Unicode.Scalar(scalar.value + 32)! : scalar
    }

    /// Decodes `&name;`, `&#123;` or `&#x7B;` at `start`: the text and the index after the `;`.
    private static func entity(in scalars: [Unicode.Scalar], at start: Int) -> (String, Int)? {
        guard let semicolon = scalars[start..<min(start + 12, scalars.count)].firstIndex(of: ";") else { return nil }
        let body = String(String.UnicodeScalarView(scalars[(start + 1)..<semicolon]))
        let next = semicolon + 1
        if body.hasPrefix("#") {
            let digits = body.dropFirst()
            let value = digits.lowercased().hasPrefix("x") ? UInt32(digits.dropFirst(), radix: 16) : UInt32(digits)
            guard let value, let decoded = Unicode.Scalar(value) else { return nil }
            return (String(Character(decoded)), next)
        }
        guard let decoded = entities[body.lowercased()] else { return nil }
        return (decoded, next)
    }

    /// Collapses runs of spaces, trims each line and keeps at most one blank line in a row.
    private static func tidy(_ text: String) -> String {
        var lines: [String] = []
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            let words = line.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\r" || $0 == "\u{A0}" })
            let cleaned = words.joined(separator: " ")
            if cleaned.isEmpty && (lines.last?.isEmpty ?? true) { continue }
            lines.append(cleaned)
        }
        while lines.last?.isEmpty == true { lines.removeLast() }
        return lines.joined(separator: "\n")
    }
}
