import Foundation
import ZIPFoundation

/// Builds small .docx packages in memory for the DOCX reader tests.
public enum DocxBuilder {
    public static let namespaces = """
        xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" \
        xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" \
        xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" \
        xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" \
        xmlns:pic="http://schemas.openxmlformats.org/drawingml/2006/picture" \
        xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" \
        xmlns:w14="http://schemas.microsoft.com/office/word/2010/wordml" \
        xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape" \
        xmlns:wpg="http://schemas.microsoft.com/office/word/2010/wordprocessingGroup" \
        xmlns:wp14="http://schemas.microsoft.com/office/word/2010/wordprocessingDrawing" \
        xmlns:w10="urn:schemas-microsoft-com:office:word" \
        xmlns:wpi="http://schemas.microsoft.com/office/word/2010/wordprocessingInk" \
        xmlns:v="urn:schemas-microsoft-com:vml" xmlns:o="urn:schemas-microsoft-com:office:office" \
        xmlns:x9="urn:example:unknown"
        """

    public static let relationshipTypeBase = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"

    public static func document(_ body: String) -> String {
        "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?><w:document \(namespaces)><w:body>\(body)</w:body></w:document>"
    }

    /// `Id → (type suffix, target)` as a `.rels` part.
    public static func relationships(_ entries: [(id: String, type: String, target: String, external: Bool)]) -> String {
        let items = entries.map { entry in
            let mode = entry.external ? " TargetMode=\"External\"" : ""
            return "<Relationship Id=\"\(entry.id)\" Type=\"\(relationshipTypeBase)/\(entry.type)\" Target=\"\(entry.target)\"\(mode)/>"
        }.joined()
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">\(items)</Relationships>"
    }

    public static let contentTypes = """
        <?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">\
        <Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>\
        <Default Extension="xml" ContentType="application/xml"/><Default Extension="png" ContentType="image/png"/>\
        <Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>\
        </Types>
        """

    /// A package with `body` as its main part (at `mainPath`), plus any extra parts.
    public static func docx(body: String, mainPath: String = "word/document.xml",
                     documentRelationships: [(id: String, type: String, target: String, external: Bool)] = [],
                     extraParts: [(String, Data)] = []) throws -> Data {
        var parts: [(String, Data)] = [
            ("[Content_Types].xml", Data(contentTypes.utf8)),
            ("_rels/.rels", Data(relationships([("rId1", "officeDocument", mainPath, false)]).utf8)),
            (mainPath, Data(document(body).utf8)),
        ]
        if !documentRelationships.isEmpty {
            let directory = (mainPath as NSString).deletingLastPathComponent
            let file = (mainPath as NSString).lastPathComponent
            parts.append(("\(directory)/_rels/\(file).rels", Data(relationships(documentRelationships).utf8)))
        }
        return try zip(parts + extraParts)
    }

    public static func zip(_ parts: [(String, Data)], compression: CompressionMethod = .deflate) throws -> Data {
        let archive = try Archive(data: Data(), accessMode: .create)
        for (path, data) in parts {
            try archive.addEntry(with: path, type: .file, uncompressedSize: Int64(data.count),
                                 compressionMethod: compression) { position, size in
                data.subdata(in: Int(position)..<(Int(position) + size))
            }
        }
        guard let data = archive.data else { throw TestSupportError("ZIPFoundation made no archive") }
        return data
    }

    // MARK: Pieces of WordprocessingML

    public static func paragraph(_ runs: String, style: String? = nil) -> String {
        let properties = style.map { "<w:pPr><w:pStyle w:val=\"\($0)\"/></w:pPr>" } ?? ""
        return "<w:p>\(properties)\(runs)</w:p>"
    }

    public static func run(_ text: String) -> String { "<w:r><w:t xml:space=\"preserve\">\(text)</w:t></w:r>" }

    public static func cell(_ content: String, properties: String = "") -> String {
        "<w:tc><w:tcPr>\(properties)</w:tcPr>\(content)</w:tc>"
    }

    /// XML text escaped for an element's content.
    public static func escape(_ text: String) -> String {
        text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
    }

    /// A paragraph of `title`, then a table of the given rows' XML: the shape of most forms.
    public static func form(title: String, tableXML table: String) throws -> Data {
        try docx(body: paragraph(run(escape(title))) + "<w:tbl>\(table)</w:tbl>")
    }

    /// A paragraph of `title`, then one paragraph a line: an older free-text form.
    public static func form(title: String, lines: [String]) throws -> Data {
        try docx(body: ([title] + lines).map { paragraph(run(escape($0))) }.joined())
    }

    /// The same with a row per label and value, each in a cell of its own.
    public static func form(title: String, rows: [(String, String)]) throws -> Data {
        let cells = rows.map { row in
            "<w:tr>" + [row.0, row.1].map { cell(paragraph(run(escape($0)))) }.joined() + "</w:tr>"
        }
        return try form(title: title, tableXML: cells.joined())
    }

    /// Locates a folder of the shared corpus (`../shared/forms/…` next to the package root).
    public static func sharedForms(_ folder: String) -> URL {
        TestPaths.shared.appendingPathComponent("forms/\(folder)")
    }
}
