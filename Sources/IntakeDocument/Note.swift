/// A footnote or endnote of a DOCX (`word/footnotes.xml`, `word/endnotes.xml`).
///
/// Its blocks' origins name the notes part and carry ``Origin/note``, so a value found in a
/// note says so wherever it ends up.
public struct Note: Sendable, Codable, Equatable {
    public enum Kind: String, Sendable, Codable, Equatable {
        case footnote, endnote
    }

    public var kind: Kind
    /// The note's `w:id`, which the body's `w:footnoteReference` / `w:endnoteReference` names.
    public var id: Int
    public var blocks: [Block]
    public var origin: Origin

    public init(kind: Kind, id: Int, blocks: [Block], origin: Origin) {
        self.kind = kind
        self.id = id
        self.blocks = blocks
        self.origin = origin
    }

    /// The note's paragraphs joined with newlines.
    public var text: String { blocks.map(\.text).joined(separator: "\n") }
}
