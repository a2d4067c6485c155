/// Turns an HTML e-mail body into readable plain text, for a message with no `text/plain`
/// part: libxml2's HTML parser (``HTMLDocument``) reads the markup, entities included; block
/// starts and ends become line breaks, table cells spaces, and script, style and head content
/// is dropped. An entity HTML does not define (`&bogus;`) stays as written, as a browser shows it.
enum HTMLText {
    /// Elements that start a line, and end one (all but `br`).
    private static let blocks: Set<String> = [
        "br", "p", "div", "tr", "li", "h1", "h2", "h3", "h4", "h5", "h6", "table", "blockquote",
    ]
    private static let cells: Set<String> = ["td", "th"]
    private static let dropped: Set<String> = ["script", "style", "head"]

    static func plainText(fromHTML html: String) -> String {
        guard let document = HTMLDocument(html) else { return "" }
        var output = ""
        document.walk { node in
            switch node {
            case .start(let name):
                if blocks.contains(name) { output += "\n" } else if cells.contains(name) { output += " " }
                return !dropped.contains(name)
            case .end(let name):
                if name != "br" && blocks.contains(name) { output += "\n" }
            case .text(let text):
                output += text
            }
            return true
        }
        return tidy(output)
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
