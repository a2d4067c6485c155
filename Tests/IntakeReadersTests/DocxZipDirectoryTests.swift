import Foundation
import IntakeDocument
import IntakeReaders
import IntakeTestSupport
import Testing

/// Hand-made ZIP containers whose directories lie about offsets and sizes, and sender-chosen
/// entry names that must not reach error messages.
@Suite(.timeLimit(.minutes(2))) struct DocxZipDirectoryTests {
    typealias B = DocxBuilder

    /// A name a sender could choose to smuggle content into logs.
    static let revealingName = "word/Jane Smith disclosed abuse.xml"

    // MARK: Overflow-safe offsets

    /// The review's repro: a ZIP64 locator whose record offset is 2⁶⁴−1.
    @Test func zip64LocatorWithHugeRecordOffset() throws {
        var data = Data("PK\u{3}\u{4}".utf8) + Data(count: 26)
        data += Self.zip64Locator(recordOffset: .max)
        data += Self.endRecord(count: 0xFFFF, directorySize: 0xFFFF_FFFF, directoryOffset: 0xFFFF_FFFF)
        expectIntakeError(.zipDamaged) { _ = try DocxReader().read(data) }
    }

    /// A well-placed ZIP64 record whose central directory offset is 2⁶⁴−1 (ZIPFoundation would
    /// trap converting it to `off_t`).
    @Test func zip64RecordWithHugeDirectoryOffset() throws {
        for offset in [UInt64.max, UInt64(Int64.max), UInt64(Int64.max) + 1, 1 << 40] {
            var data = Data("PK\u{3}\u{4}".utf8) + Data(count: 26)
            data += Self.zip64Record(count: 1, directoryOffset: offset)
            data += Self.zip64Locator(recordOffset: UInt64(data.count - 56))
            data += Self.endRecord(count: 0xFFFF, directorySize: 0xFFFF_FFFF, directoryOffset: 0xFFFF_FFFF)
            expectIntakeError(.zipDamaged) { _ = try DocxReader().read(data) }
        }
    }

    @Test func zip64MarkersWithoutLocator() throws {
        let data = Data("PK\u{3}\u{4}".utf8) + Data(count: 26)
            + Self.endRecord(count: 0xFFFF, directorySize: 0, directoryOffset: 0xFFFF_FFFF)
        expectIntakeError(.zipDamaged) { _ = try DocxReader().read(data) }
    }

    @Test func plainDirectoryOffsetPastTheEnd() throws {
        let data = Data("PK\u{3}\u{4}".utf8) + Data(count: 26) + Self.endRecord(count: 1, directorySize: 46, directoryOffset: 0xFFFF_FFF0)
        expectIntakeError(.zipDamaged) { _ = try DocxReader().read(data) }
    }

    /// ZIP64 extra fields on an entry: a local-header offset, compressed size or inflated size
    /// near 2⁶⁴ (each would trap inside ZIPFoundation).
    @Test(arguments: [
        (UInt32(1), UInt32(1), UInt32(0xFFFF_FFFF), [UInt64.max]),
        (UInt32(1), UInt32(0xFFFF_FFFF), UInt32(0), [UInt64(Int64.max) + 7]),
        (UInt32(0xFFFF_FFFF), UInt32(1), UInt32(0), [UInt64.max - 3]),
        (UInt32(0xFFFF_FFFF), UInt32(0xFFFF_FFFF), UInt32(0xFFFF_FFFF), [1, 1, UInt64.max - 29]),
    ])
    func zip64ExtraFieldWithHugeValues(uncompressed: UInt32, compressed: UInt32, localOffset: UInt32, wide: [UInt64]) throws {
        let data = Self.singleEntryZip(uncompressed: uncompressed, compressed: compressed, localOffset: localOffset,
                                       extra: Self.zip64Extra(wide))
        expectIntakeError(.zipDamaged) { _ = try DocxReader().read(data) }
    }

    /// A stored entry (one that is read: `_rels/.rels`) whose directory claims 2³⁹ bytes:
    /// ZIPFoundation would read it in 16 KB steps past the end of the file, 33 million times.
    @Test func storedEntryWithFakeInflatedSize() throws {
        let data = Self.singleEntryZip(uncompressed: 0xFFFF_FFFF, compressed: 1, localOffset: 0, extra: Self.zip64Extra([1 << 39]))
        expectIntakeError(.zipDamaged) { _ = try DocxReader().read(data) }
    }

    /// Directory entries whose name, extra and comment lengths run past the end of the file.
    @Test func entryLengthsPastTheEnd() throws {
        var bytes = [UInt8](Self.singleEntryZip(uncompressed: 1, compressed: 1, localOffset: 0, extra: Data()))
        let directory = bytes.count - 22 - 46 - 11
        DocxHostileFileTests.write32(&bytes, at: directory + 30, 0xFFFF_FFFF)  // extra and comment lengths
        expectIntakeError(.zipDamaged) { _ = try DocxReader().read(Data(bytes)) }
    }

    // MARK: Entry names stay out of messages

    @Test func encryptedEntryIsNamedByPosition() throws {
        let plain = try B.docx(body: B.paragraph(B.run("x")), extraParts: [(Self.revealingName, Data("secret".utf8))])
        let encrypted = DocxHostileFileTests.patchEntries(plain, named: Self.revealingName) { bytes, header, isCentral in
            bytes[header + (isCentral ? 8 : 6)] |= 0x01
        }
        let error = try readError(encrypted)
        #expect(error.code == .zipEncrypted)
        #expect(error.message.contains("ZIP entry #4"))
        #expect(!error.message.contains("Jane"))
    }

    @Test func duplicateEntryIsNamedByPosition() throws {
        let data = try B.docx(body: B.paragraph(B.run("x")),
                              extraParts: [(Self.revealingName, Data()), (Self.revealingName.uppercased(), Data())])
        let error = try readError(data)
        #expect(error.code == .zipDuplicateName)
        #expect(error.message.contains("ZIP entry #5"))
        #expect(!error.message.lowercased().contains("jane"))
    }

    /// A header part with a sender-chosen name: inflation, ratio and XML errors name its position;
    /// the fixed main part is still named.
    @Test func partErrorsNameOnlyFixedParts() throws {
        let header = [("rId9", "header", "Jane%20Smith%20disclosed%20abuse.xml", false)]
        let broken = try B.docx(body: B.paragraph(B.run("x")), documentRelationships: header,
                                extraParts: [(Self.revealingName, Data("<w:hdr><w:p>".utf8))])
        let malformed = try readError(broken)
        #expect(malformed.code == .xmlMalformed)
        #expect(malformed.message.contains("ZIP entry #5"))
        #expect(!malformed.message.contains("Jane"))

        let bomb = try B.docx(body: B.paragraph(B.run("x")), documentRelationships: header,
                              extraParts: [(Self.revealingName, Data(count: 4 << 20))])
        let ratio = try readError(bomb)
        #expect(ratio.code == .zipCompressionRatio)
        #expect(!ratio.message.contains("Jane"))

        let main = try readError(try B.docx(body: "<w:p>"))
        #expect(main.code == .xmlMalformed)
        #expect(main.message.contains("word/document.xml"))
    }

    // MARK: Helpers

    private func readError(_ data: Data) throws -> IntakeError {
        do {
            _ = try DocxReader().read(data)
        } catch let error as IntakeError {
            return error
        }
        throw Failure.nothingThrown
    }

    private enum Failure: Error { case nothingThrown }

    /// Little-endian fields, concatenated (one statement per field keeps type-checking fast).
    static func le(_ fields: [any FixedWidthInteger]) -> Data {
        var data = Data()
        func append<T: FixedWidthInteger>(_ field: T) {
            withUnsafeBytes(of: field.littleEndian) { data.append(contentsOf: $0) }
        }
        for field in fields { append(field) }
        return data
    }

    static func endRecord(count: UInt16, directorySize: UInt32, directoryOffset: UInt32) -> Data {
        le([UInt32(0x0605_4B50), UInt16(0), UInt16(0), count, count, directorySize, directoryOffset, UInt16(0)])
    }

    static func zip64Locator(recordOffset: UInt64) -> Data {
        le([UInt32(0x0706_4B50), UInt32(0), recordOffset, UInt32(1)])
    }

    static func zip64Record(count: UInt64, directoryOffset: UInt64) -> Data {
        le([UInt32(0x0606_4B50), UInt64(44), UInt16(45), UInt16(45), UInt32(0), UInt32(0),
            count, count, UInt64(46), directoryOffset])
    }

    static func zip64Extra(_ values: [UInt64]) -> Data {
        le([UInt16(1), UInt16(values.count * 8)]) + le(values.map { $0 as any FixedWidthInteger })
    }

    /// One stored entry "_rels/.rels" holding "x", with the directory record's sizes, local-header
    /// offset and extra field as given.
    static func singleEntryZip(uncompressed: UInt32, compressed: UInt32, localOffset: UInt32, extra: Data) -> Data {
        let name = Data("_rels/.rels".utf8)
        var local = le([UInt32(0x0403_4B50), UInt16(45), UInt16(0), UInt16(0), UInt32(0)])
        local += le([UInt32(0), UInt32(1), UInt32(1), UInt16(name.count), UInt16(0)])
        local += name + Data("x".utf8)
        var central = le([UInt32(0x0201_4B50), UInt16(45), UInt16(45), UInt16(0), UInt16(0), UInt32(0), UInt32(0)])
        central += le([compressed, uncompressed, UInt16(name.count), UInt16(extra.count)])
        central += le([UInt16(0), UInt16(0), UInt16(0), UInt32(0), localOffset])
        central += name + extra
        return local + central + endRecord(count: 1, directorySize: UInt32(central.count), directoryOffset: UInt32(local.count))
    }
}
