import Foundation
import IntakeDocument
import Testing
import ZIPFoundation
@testable import IntakeReaders

/// Parts are inflated with zlib from the directory's own walk: stored and deflated parts read
/// back byte for byte, and folders and links are not parts.
@Suite struct ZipPackageTests {
    static func archive(_ entries: [(path: String, type: Entry.EntryType, data: Data, method: CompressionMethod)]) throws -> Data {
        let archive = try Archive(data: Data(), accessMode: .create)
        for entry in entries {
            try archive.addEntry(with: entry.path, type: entry.type, uncompressedSize: Int64(entry.data.count),
                                 compressionMethod: entry.method) { position, size in
                entry.data.subdata(in: Int(position)..<(Int(position) + size))
            }
        }
        return try #require(archive.data)
    }

    @Test func storedAndDeflatedPartsReadBackAndFoldersAndLinksAreNotParts() throws {
        // 300 KB of varied text: several zlib output chunks.
        let text = Data((0..<20_000).map { "line \($0) of the part\n" }.joined().utf8)
        let data = try Self.archive([
            ("word/document.xml", .file, text, .deflate),
            ("word/media/stored.bin", .file, Data((0..<70_000).map { UInt8(truncatingIfNeeded: $0 &* 31) }), .none),
            ("word/media/", .directory, Data(), .none),
            ("word/link.xml", .symlink, Data("document.xml".utf8), .none),
            ("empty.xml", .file, Data(), .deflate),
        ])
        let package = try ZipPackage(data, limits: .default)
        #expect(try package.read("word/document.xml") == text)
        #expect(try package.read("/WORD/Document.XML") == text)
        #expect(try package.read("word/media/stored.bin") == Data((0..<70_000).map { UInt8(truncatingIfNeeded: $0 &* 31) }))
        #expect(try package.read("empty.xml") == Data())
        #expect(try package.read("word/media/") == nil)
        #expect(try package.read("word/link.xml") == nil)
        #expect(try package.read("word/missing.xml") == nil)
        #expect(package.partNames == ["word/document.xml", "word/media/stored.bin", "word/media/", "word/link.xml", "empty.xml"])
    }

    @Test func aNameRepeatedWithALeadingSlashIsADuplicate() throws {
        let data = try Self.archive([("word/document.xml", .file, Data("a".utf8), .deflate),
                                     ("/Word/document.xml", .file, Data("b".utf8), .deflate)])
        let error = try #require(throws: IntakeError.self) { _ = try ZipPackage(data, limits: .default) }
        #expect(error.code == .zipDuplicateName)
    }

    /// The local header's own name length says where the data starts: 40 bytes too long, zlib
    /// starts inside the stream and the part must come out damaged, not as other bytes.
    @Test func dataMisplacedByItsLocalHeaderIsDamaged() throws {
        let text = Data(String(repeating: "Some words to compress. ", count: 4_000).utf8)
        var bytes = [UInt8](try Self.archive([("word/document.xml", .file, text, .deflate)]))
        bytes[26] = bytes[26] &+ 40
        let error = try #require(throws: IntakeError.self) { _ = try ZipPackage(Data(bytes), limits: .default).read("word/document.xml") }
        #expect(error.code == .zipDamaged)
    }
}
