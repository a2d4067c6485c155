import Foundation
import IntakeDocument
import IntakeReaders
import IntakeTestSupport
import Testing

/// Files built to hurt a reader: each must fail fast with its own code, never leak content.
@Suite struct DocxHostileFileTests {
    typealias B = DocxBuilder

    private func docx(documentXML: Data) throws -> Data {
        try B.zip([
            ("[Content_Types].xml", Data(B.contentTypes.utf8)),
            ("_rels/.rels", Data(B.relationships([("rId1", "officeDocument", "word/document.xml", false)]).utf8)),
            ("word/document.xml", documentXML),
        ])
    }

    private func utf16(_ text: String) -> Data {
        Data([0xFF, 0xFE]) + Data(text.replacingOccurrences(of: "UTF-8", with: "UTF-16").utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] })
    }

    private static let secretPath = FileManager.default.temporaryDirectory.appendingPathComponent("intake-xxe-secret.txt")
    private static let secret = "INTAKE-XXE-SECRET-4711"

    private var externalEntityXML: String {
        """
        <?xml version="1.0" encoding="UTF-8"?><!DOCTYPE w:document [<!ENTITY xxe SYSTEM "\(Self.secretPath.absoluteString)">]>\
        <w:document \(B.namespaces)><w:body><w:p><w:r><w:t>&xxe;</w:t></w:r></w:p></w:body></w:document>
        """
    }

    private var billionLaughsXML: String {
        var entities = "<!ENTITY lol0 \"lol\">"
        for level in 1...9 { entities += "<!ENTITY lol\(level) \"" + String(repeating: "&lol\(level - 1);", count: 10) + "\">" }
        return """
            <?xml version="1.0" encoding="UTF-8"?><!DOCTYPE w:document [\(entities)]>\
            <w:document \(B.namespaces)><w:body><w:p><w:r><w:t>&lol9;</w:t></w:r></w:p></w:body></w:document>
            """
    }

    @Test func externalEntityIsRefusedAndNeverRead() throws {
        try Self.secret.write(to: Self.secretPath, atomically: true, encoding: .utf8)
        // Both encodings a part may use: the DOCTYPE is refused before any entity is resolved.
        for xml in [Data(externalEntityXML.utf8), utf16(externalEntityXML)] {
            do {
                let document = try DocxReader().read(docx(documentXML: xml))
                Issue.record("read a document with a DOCTYPE: \(document.plainText.contains(Self.secret))")
            } catch let error as IntakeError {
                #expect(error.code == .xmlDoctype)
                #expect(!error.description.contains(Self.secret))
            }
        }
    }

    @Test func billionLaughsIsRefused() throws {
        // UTF-8 and UTF-16 in both byte orders: each puts the DOCTYPE's "!" at another offset.
        let bigEndian = billionLaughsXML.replacingOccurrences(of: "UTF-8", with: "UTF-16").data(using: .utf16BigEndian)!
        for xml in [Data(billionLaughsXML.utf8), utf16(billionLaughsXML), bigEndian] {
            expectIntakeError(.xmlDoctype) { _ = try DocxReader().read(docx(documentXML: xml)) }
        }
    }

    @Test(arguments: [230, 2_000])
    func deepNestingIsRefused(depth: Int) throws {
        let nested = String(repeating: "<x9:e>", count: depth) + String(repeating: "</x9:e>", count: depth)
        expectIntakeError(.xmlTooDeep) { _ = try B.read(nested) }
    }

    @Test func malformedXMLIsReported() throws {
        expectIntakeError(.xmlMalformed) { _ = try B.read("<w:p><w:r><w:t>unclosed</w:r></w:p>") }
    }

    @Test func zipBombTripsTheRatioLimit() throws {
        let zeros = Data(count: 40 << 20)
        let data = try docx(documentXML: zeros)
        #expect(data.count < 200_000)
        expectIntakeError(.zipCompressionRatio) { _ = try DocxReader().read(data) }
        var limits = ReadLimits()
        limits.maxCompressionRatio = .max
        limits.maxPartBytes = 2 << 20
        expectIntakeError(.zipPartTooLarge) { _ = try DocxReader(limits: limits).read(data) }
        limits.maxPartBytes = 64 << 20
        limits.maxTotalInflatedBytes = 3 << 20
        expectIntakeError(.zipTotalTooLarge) { _ = try DocxReader(limits: limits).read(data) }
    }

    @Test func declaredSizesAreNotTrusted() throws {
        let text = String(repeating: "Lorem ipsum dolor sit amet. ", count: 80_000)
        let honest = try B.docx(body: B.paragraph(B.run(text)))
        let lying = Self.patchEntries(honest, named: "word/document.xml") { bytes, header, isCentral in
            Self.write32(&bytes, at: header + (isCentral ? 24 : 22), 10)
        }
        var limits = ReadLimits()
        limits.maxPartBytes = 1 << 20
        expectIntakeError(.zipPartTooLarge) { _ = try DocxReader(limits: limits).read(lying) }
    }

    @Test func tooManyEntries() throws {
        let parts = (0..<12).map { ("word/media/image\($0).png", Data([1, 2, 3])) }
        let data = try B.docx(body: B.paragraph(B.run("x")), extraParts: parts)
        var limits = ReadLimits()
        limits.maxZipEntries = 10
        expectIntakeError(.zipTooManyEntries) { _ = try DocxReader(limits: limits).read(data) }
        #expect(try DocxReader().read(data).body.map(\.text) == ["x"])
    }

    @Test func duplicateNamesDifferingInCase() throws {
        let data = try B.docx(body: B.paragraph(B.run("one")),
                              extraParts: [("Word/Document.xml", Data(B.document(B.paragraph(B.run("two"))).utf8))])
        expectIntakeError(.zipDuplicateName) { _ = try DocxReader().read(data) }
    }

    @Test func encryptedEntriesAreRefused() throws {
        let plain = try B.docx(body: B.paragraph(B.run("secret")))
        let encrypted = Self.patchEntries(plain, named: "word/document.xml") { bytes, header, isCentral in
            bytes[header + (isCentral ? 8 : 6)] |= 0x01
        }
        expectIntakeError(.zipEncrypted) { _ = try DocxReader().read(encrypted) }
    }

    @Test func truncatedAndEmptyFiles() throws {
        let real = try Data(contentsOf: B.sharedForms("filled").appendingPathComponent("bolton-rpde-form-01.docx"))
        expectIntakeError(.zipDamaged) { _ = try DocxReader().read(real.prefix(real.count / 2)) }
        expectIntakeError(.fileEmpty) { _ = try DocxReader().read(Data()) }
        expectIntakeError(.zipDamaged) { _ = try DocxReader().read(Data("not a zip at all".utf8)) }
        var limits = ReadLimits()
        limits.maxFileBytes = 1_000
        expectIntakeError(.fileTooLarge) { _ = try DocxReader(limits: limits).read(real) }
    }

    @Test func damagedEntryDataIsReported() throws {
        let text = String(repeating: "Some words to compress. ", count: 4_000)
        var data = try B.docx(body: B.paragraph(B.run(text)))
        // Overwrite the middle of the deflated document with junk, leaving the directory intact.
        let middle = data.count / 2
        for index in middle..<(middle + 64) { data[index] ^= 0x5A }
        expectIntakeError(.zipDamaged) { _ = try DocxReader().read(data) }
    }

    /// A stored part inflates whatever its bytes are: only the CRC-32 tells a changed letter.
    @Test func changedStoredPartFailsItsChecksum() throws {
        let parts: [(String, Data)] = [
            ("[Content_Types].xml", Data(B.contentTypes.utf8)),
            ("_rels/.rels", Data(B.relationships([("rId1", "officeDocument", "word/document.xml", false)]).utf8)),
            ("word/document.xml", Data(B.document(B.paragraph(B.run("Child's name: Ava"))).utf8)),
        ]
        let intact = try B.zip(parts, compression: .none)
        #expect(try DocxReader().read(intact).plainText.contains("Ava"))
        var changed = intact
        let at = try #require(changed.range(of: Data("Ava".utf8))).lowerBound
        changed[at] = UInt8(ascii: "E")
        expectIntakeError(.zipDamaged) { _ = try DocxReader().read(changed) }
    }

    @Test func oleCompoundFilesAreRecognised() throws {
        let magic: [UInt8] = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]
        expectIntakeError(.formatLegacyBinary) { _ = try DocxReader().read(Data(magic + Array(repeating: 0, count: 504))) }
        let marker = "EncryptedPackage".utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }
        expectIntakeError(.docxEncrypted) { _ = try DocxReader().read(Data(magic + Array(repeating: 0, count: 100) + marker)) }
    }

    @Test func packageWithoutMainPart() throws {
        let data = try B.zip([("_rels/.rels", Data(B.relationships([("rId1", "officeDocument", "word/missing.xml", false)]).utf8))])
        expectIntakeError(.docxNoMainPart) { _ = try DocxReader().read(data) }
        let noRels = try B.zip([("word/document.xml", Data(B.document("").utf8))])
        expectIntakeError(.docxNoMainPart) { _ = try DocxReader().read(noRels) }
    }

    // MARK: Byte surgery on ZIP headers

    /// Calls `edit` with the offset of each local (`isCentral` false) and central header of `name`.
    static func patchEntries(_ data: Data, named name: String, edit: (inout [UInt8], Int, Bool) -> Void) -> Data {
        var bytes = [UInt8](data)
        let nameBytes = Array(name.utf8)
        for (signature, nameOffset, isCentral) in [(UInt32(0x0403_4B50), 30, false), (UInt32(0x0201_4B50), 46, true)] {
            var index = 0
            while index + nameOffset + nameBytes.count <= bytes.count {
                if read32(bytes, at: index) == signature,
                   Array(bytes[(index + nameOffset)..<(index + nameOffset + nameBytes.count)]) == nameBytes {
                    edit(&bytes, index, isCentral)
                }
                index += 1
            }
        }
        return Data(bytes)
    }

    static func read32(_ bytes: [UInt8], at index: Int) -> UInt32 {
        (0..<4).reduce(UInt32(0)) { $0 | UInt32(bytes[index + $1]) << (8 * $1) }
    }

    static func write32(_ bytes: inout [UInt8], at index: Int, _ value: UInt32) {
        for offset in 0..<4 { bytes[index + offset] = UInt8((value >> (8 * offset)) & 0xFF) }
    }
}
