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

    static func plainText(fromHTML html: String) -> String {
        var output = ""
        var scalars = html.unicodeScalars[...]
        while let scalar = scalars.first {
            if scalar == "<" {
                let tagEnd = scalars.firstIndex(of: ">") ?? scalars.endIndex
                let tag = String(scalars[scalars.index(after: scalars.startIndex)..<tagEnd])
                scalars = tagEnd == scalars.endIndex ? scalars[tagEnd...] : scalars[scalars.index(after: tagEnd)...]
                let name = tagName(tag)
                if name == "script" || name == "style" || name == "head" {
                    scalars = skip(past: "</\(name)", in: scalars)
                } else if lineBreakTags.contains(name) {
                    output += "\n"
                } else if name == "td" || name == "th" {
                    output += " "
                }
            } else if scalar == "&", let (decoded, rest) = entity(at: scalars) {
                output += decoded
                scalars = rest
            } else {
                output.unicodeScalars.append(scalar)
                scalars = scalars.dropFirst()
            }
        }
        return tidy(output)
    }

    /// "p class=x" → "p"; "/P" → "/p"; "br/" → "br"; comments and doctypes give "!".
    private static func tagName(_ tag: String) -> String {
        var rest = Substring(tag)
        var closing = ""
        if rest.first == "/" {
            closing = "/"
            rest = rest.dropFirst()
        }
        if rest.first == "!" { return "!" }
        return closing + rest.prefix { $0.isLetter || $0.isNumber }.lowercased()
    }

    private static func skip(past marker: String, in scalars: Substring.UnicodeScalarView) -> Substring.UnicodeScalarView {
        let text = Substring(scalars)
        guard let range = text.range(of: marker, options: .caseInsensitive) else { return text.unicodeScalars[text.endIndex...] }
        let rest = text[range.upperBound...]
        guard let close = rest.firstIndex(of: ">") else { return rest.unicodeScalars[rest.endIndex...] }
        return rest[rest.index(after: close)...].unicodeScalars
    }

    /// Decodes `&name;`, `&#123;` or `&#x7B;` at the start of `scalars`.
    private static func entity(at scalars: Substring.UnicodeScalarView) -> (String, Substring.UnicodeScalarView)? {
        guard let semicolon = scalars.prefix(12).firstIndex(of: ";") else { return nil }
        let body = String(scalars[scalars.index(after: scalars.startIndex)..<semicolon])
        let rest = scalars[scalars.index(after: semicolon)...]
        if body.hasPrefix("#") {
            let digits = body.dropFirst()
            let value = digits.lowercased().hasPrefix("x") ? UInt32(digits.dropFirst(), radix: 16) : UInt32(digits)
            guard let value, let decoded = Unicode.Scalar(value) else { return nil }
            return (String(Character(decoded)), rest)
        }
        guard let decoded = entities[body.lowercased()] else { return nil }
        return (decoded, rest)
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
