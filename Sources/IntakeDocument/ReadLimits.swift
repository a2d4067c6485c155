/// Caps that keep a hostile or broken file from costing unbounded time or memory.
///
/// Every reader checks these while it works (bytes are counted as they are inflated, never
/// taken from a declared size), and a breach is an ``IntakeError`` naming the limit.
public struct ReadLimits: Sendable, Equatable {
    /// Largest input file accepted at all.
    public var maxFileBytes: Int = 64 << 20
    /// Most entries a DOCX package may list.
    public var maxZipEntries: Int = 2_000
    /// Most bytes one package part may inflate to.
    public var maxPartBytes: Int = 32 << 20
    /// Most bytes all parts read from one package may inflate to together.
    public var maxTotalInflatedBytes: Int = 128 << 20
    /// Largest inflated/compressed ratio allowed for a part once it passes ``ratioCheckFloor`` bytes.
    public var maxCompressionRatio: Int = 200
    /// Parts smaller than this inflate freely (tiny parts can have huge ratios honestly).
    public var ratioCheckFloor: Int = 1 << 20
    /// Deepest XML nesting accepted.
    public var maxXMLDepth: Int = 200
    /// Most blocks (paragraphs, tables and table cells) read from one document, all parts
    /// together: millions of empty paragraphs compress to almost nothing.
    public var maxBlocks: Int = 100_000
    /// Most cells in one table row.
    public var maxTableCellsPerRow: Int = 1_000
    /// Most form items (fields, tick boxes, pictures, signature evidence) read from one document.
    public var maxFormItems: Int = 20_000
    /// Most pages read from a PDF.
    public var maxPDFPages: Int = 500
    /// Most MIME parts walked in one e-mail.
    public var maxMailParts: Int = 500

    public init() {}

    public static let `default` = ReadLimits()
}
