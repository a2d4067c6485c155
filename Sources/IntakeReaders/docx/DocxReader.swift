import Foundation
import IntakeDocument

/// Reads a Word document (`.docx`, Transitional or Strict OOXML) into a ``Document``.
///
/// The package is opened in memory under ``ReadLimits`` (see ``ZipPackage``); the main part is
/// found through `_rels/.rels`, never by a fixed path. Every XML part goes through
/// ``XMLStreamReader`` (no DTDs, no entities, bounded depth). Errors are ``IntakeError``s with a
/// stable code and no document content in their message.
///
/// ```swift
/// let document = try DocxReader().read(Data(contentsOf: url))
/// ```
///
/// A reader holds no state between calls: one instance may read many files, on any thread.
public struct DocxReader: Sendable {
    public let limits: ReadLimits

    public init(limits: ReadLimits = .default) {
        self.limits = limits
    }

    /// Reads a whole .docx held in memory.
    /// - throws: ``IntakeError`` (`file.*`, `zip.*`, `xml.*`, `docx.*`); `docx.too-large` when
    ///   the document passes ``ReadLimits/maxBlocks``, ``ReadLimits/maxTableCellsPerRow`` or
    ///   ``ReadLimits/maxFormItems``.
    public func read(_ data: Data) throws -> Document {
        try checkContainer(data)
        let package = try ZipPackage(data, limits: limits)
        let rootRelationships = try PackageRelationships(package: package, sourcePart: "", limits: limits)
        guard let main = rootRelationships.first(where: RelationshipType.isOfficeDocument),
              package.contains(main.target) else {
            throw IntakeError(.docxNoMainPart, "The package has no main document part (no officeDocument relationship in _rels/.rels, or its target is missing).")
        }
        let contentTypes = try PackageContentTypes(package: package, limits: limits)
        let mainRelationships = try PackageRelationships(package: package, sourcePart: main.target, limits: limits)

        var document = Document(format: .docx)
        document.metadata = try CorePropertiesParser.read(package: package, rootRelationships: rootRelationships, limits: limits)
        var inkParts: Set<String> = []
        let budget = DocumentBudget(limits: limits)

        func parse(_ partName: String, relationships: PackageRelationships) throws -> [Block] {
            guard let data = try package.read(partName) else { return [] }
            let resources = WordBodyParser.Resources(package: package, relationships: relationships,
                                                    contentTypes: contentTypes, budget: budget)
            let parser = try WordBodyParser(data, part: partName, resources: resources, limits: limits)
            let blocks = try parser.parse()
            document.fields += parser.fields
            document.pictures += parser.pictures
            document.signatures += parser.signatures
            document.notes += parser.notes
            inkParts.formUnion(parser.referencedInkParts)
            return blocks
        }

        document.body = try parse(main.target, relationships: mainRelationships)
        for relationship in Self.parts(mainRelationships, RelationshipType.isHeader) {
            let relationships = try PackageRelationships(package: package, sourcePart: relationship, limits: limits)
            document.headers += try parse(relationship, relationships: relationships)
        }
        for relationship in Self.parts(mainRelationships, RelationshipType.isFooter) {
            let relationships = try PackageRelationships(package: package, sourcePart: relationship, limits: limits)
            document.footers += try parse(relationship, relationships: relationships)
        }
        // Notes parts hold only `w:footnote` / `w:endnote` elements: the parser files them in
        // `document.notes`, so there are no blocks to keep. Footnotes first, as Word numbers them.
        for relationship in Self.parts(mainRelationships, RelationshipType.isFootnotes)
            + Self.parts(mainRelationships, RelationshipType.isEndnotes) {
            let relationships = try PackageRelationships(package: package, sourcePart: relationship, limits: limits)
            _ = try parse(relationship, relationships: relationships)
        }
        document.signatures += Self.packageSignatureEvidence(package: package, contentTypes: contentTypes, referencedInk: inkParts)
        return document
    }

    /// Cheap checks on the raw bytes before the ZIP layer sees them.
    private func checkContainer(_ data: Data) throws {
        guard !data.isEmpty else { throw IntakeError(.fileEmpty, "The file is empty.") }
        guard data.count <= limits.maxFileBytes else {
            throw IntakeError(.fileTooLarge, "The file is \(data.count) bytes; the limit is \(limits.maxFileBytes).")
        }
        // An OLE compound file: either Word 97–2003 or an OOXML package encrypted with a password.
        if data.starts(with: [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]) {
            let marker = Data("EncryptedPackage".utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] })
            if data.range(of: marker) != nil {
                throw IntakeError(.docxEncrypted, "The document is protected with a password; save an unprotected copy and send that.")
            }
            throw IntakeError(.formatLegacyBinary, "The file is a Word 97–2003 (.doc) or other OLE file, not a .docx; save it as .docx.")
        }
        guard data.starts(with: [0x50, 0x4B]) else {
            throw IntakeError(.zipDamaged, "The file is not a ZIP container, so it cannot be a .docx.")
        }
    }

    /// The distinct, in-package targets of one relationship type, in part-name order.
    private static func parts(_ relationships: PackageRelationships, _ matches: (String) -> Bool) -> [String] {
        let targets = relationships.all.filter { !$0.isExternal && matches($0.type) }.map(\.target)
        return Array(Set(targets)).sorted { $0.localizedStandardCompare($1) == .orderedAscending }
    }

    /// Digital signature parts (`_xmlsignatures/sig*.xml`) and ink parts no body part refers to.
    private static func packageSignatureEvidence(package: ZipPackage, contentTypes: PackageContentTypes,
                                                 referencedInk: Set<String>) -> [SignatureEvidence] {
        var evidence: [SignatureEvidence] = []
        var seen: Set<String> = []
        let present = package.partNames.map { $0.hasPrefix("/") ? String($0.dropFirst()) : $0 }
        for name in present + contentTypes.overriddenParts {
            let lower = name.lowercased()
            guard lower.hasPrefix("_xmlsignatures/sig"), lower.hasSuffix(".xml"), seen.insert(lower).inserted else { continue }
            let isPresent = package.contains(name)
            evidence.append(SignatureEvidence(kind: .digitalSignaturePart, signed: isPresent ? true : nil,
                                              origin: Origin(part: name)))
        }
        let referenced = Set(referencedInk.map { $0.lowercased() })
        for name in present where name.lowercased().hasPrefix("word/ink/") && !referenced.contains(name.lowercased()) {
            guard !name.hasSuffix("/"), !name.lowercased().contains("/_rels/") else { continue }
            evidence.append(SignatureEvidence(kind: .ink, origin: Origin(part: name)))
        }
        return evidence
    }
}
