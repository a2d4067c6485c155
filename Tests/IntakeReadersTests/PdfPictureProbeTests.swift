import CZlibInflate
import Foundation
import IntakeDocument
import IntakeTestSupport
import Testing
@testable import IntakeReaders

/// The probe lets the reader leave out poppler's image pass; a wrong "no picture" would lose a
/// pasted signature. Each picture fixture (scripts/make-pdf-fixtures.py) hides its picture where
/// a check for `/Image` alone would miss it, and poppler must still find it through the reader.
@Suite("PDF picture probe")
struct PdfPictureProbeTests {
    static func pictures(in data: Data) throws -> Int { try PdfReader().read(data).pictures.count }

    /// Poppler's own count, every page, with no probe in the way.
    static func popplerPictures(in data: Data) throws -> Int {
        let handle = try PopplerDocumentHandle(data: data)
        return (0..<handle.pageCount).reduce(0) { $0 + (handle.page(at: $1)?.images().count ?? 0) }
    }

    @Test("A picture the probe must not miss is found by the reader",
          arguments: ["inline-picture", "ascii85-picture", "escaped-picture", "overleaf", "image-only"])
    func hiddenPicture(fixture: String) throws {
        let data = try PdfTestFiles.fixture(fixture)
        #expect(PdfPictureProbe.mayHoldPictures(data))
        #expect(try Self.popplerPictures(in: data) == 1)
        if fixture != "image-only" { #expect(try Self.pictures(in: data) == 1) }
    }

    @Test("Text-only fixtures are proved free of pictures and read the same")
    func textOnly() throws {
        for fixture in ["plain", "prose", "fields"] {
            let data = try PdfTestFiles.fixture(fixture)
            #expect(!PdfPictureProbe.mayHoldPictures(data), "\(fixture)")
            #expect(try Self.pictures(in: data) == 0)
        }
    }

    /// Every PDF of the shared forms and the samples: wherever the probe says "none", poppler
    /// finds none; and the probe does say "none" for some, or it would save nothing.
    @Test("On every shared and sample PDF, the probe's \"none\" agrees with poppler")
    func agreesWithPoppler() throws {
        let folders = [PdfTestFiles.sharedForms.appendingPathComponent("blank"), PdfTestFiles.sharedForms.appendingPathComponent("filled"),
                       TestPaths.packageRoot.appendingPathComponent("samples")]
        var proved = 0, withPictures = 0
        for folder in folders {
            for name in try FileManager.default.contentsOfDirectory(atPath: folder.path) where name.hasSuffix(".pdf") {
                let data = try Data(contentsOf: folder.appendingPathComponent(name))
                guard let count = try? Self.popplerPictures(in: data) else { continue }
                if count > 0 { withPictures += 1 }
                if !PdfPictureProbe.mayHoldPictures(data) {
                    proved += 1
                    #expect(count == 0, "\(name)")
                }
            }
        }
        #expect(proved >= 10 && withPictures >= 5, "\(proved) proved, \(withPictures) with pictures")
    }

    @Test("Encrypted with an empty user password: poppler opens it, the probe cannot look, the picture is kept")
    func encryptedWithoutPassword() throws {
        let data = try PdfTestFiles.encrypted("inline-picture", userPassword: "")
        #expect(PdfPictureProbe.mayHoldPictures(data))
        #expect(try Self.pictures(in: data) == 1)
    }

    @Test("Object streams, cut-short streams and unknown filters make the probe unsure")
    func unsure() throws {
        func pdf(_ objects: [String], streams: [(dictionary: String, data: [UInt8])] = []) -> Data {
            var bytes = Array("%PDF-1.7\n".utf8)
            for (index, object) in objects.enumerated() { bytes += Array("\(index + 1) 0 obj\n\(object)\nendobj\n".utf8) }
            for (index, stream) in streams.enumerated() {
                bytes += Array("\(objects.count + index + 1) 0 obj\n<< \(stream.dictionary) /Length \(stream.data.count) >>\nstream\n".utf8)
                bytes += stream.data + Array("\nendstream\nendobj\n".utf8)
            }
            return Data(bytes + Array("trailer\n<< /Root 1 0 R >>\n%%EOF\n".utf8))
        }
        let page = ["<< /Type /Catalog /Pages 2 0 R >>", "<< /Type /Pages /Kids [] /Count 0 >>"]
        let deflated = Self.deflate(Array("9 0 /Image".utf8)), text = Self.deflate(Array("BT (Hello) Tj ET".utf8))
        #expect(!PdfPictureProbe.mayHoldPictures(pdf(page, streams: [("/Filter /FlateDecode", text)])))
        // `/Subtype 9 0 R`, with object 9 the name /Image inside a compressed object stream.
        #expect(PdfPictureProbe.mayHoldPictures(pdf(page, streams: [("/Type /ObjStm /N 1 /First 4 /Filter /FlateDecode", deflated)])))
        #expect(PdfPictureProbe.mayHoldPictures(pdf(page, streams: [("/Filter /FlateDecode", Array(text.dropLast(6)))])))
        #expect(PdfPictureProbe.mayHoldPictures(pdf(page, streams: [("/Filter /LZWDecode", text)])))
        #expect(PdfPictureProbe.mayHoldPictures(pdf(page, streams: [("/Filter [/FlateDecode /ASCII85Decode]", text)])))
        #expect(PdfPictureProbe.mayHoldPictures(pdf(page, streams: [("/Filter 7 0 R", text)])))
        #expect(PdfPictureProbe.mayHoldPictures(pdf(page, streams: [("/Filter /FlateDecode /DecodeParms << /Predictor 12 >>", text)])))
        // A name holding "obj" after the filter must not cut the dictionary short (the stream
        // would be searched compressed), nor a comment hide the stream keyword.
        let inline = Self.deflate(Array("q BI /W 1 /H 1 /BPC 1 /IM true ID \u{80} EI Q".utf8))
        #expect(PdfPictureProbe.mayHoldPictures(pdf(page, streams: [("/Filter /FlateDecode /Resources << /XObject << /Xobj1 9 0 R >> >>", inline)])))
        #expect(!PdfPictureProbe.mayHoldPictures(pdf(page, streams: [("/Filter /FlateDecode /Resources << /XObject << /Xobj1 9 0 R >> >>", text)])))
        var commented = Array(pdf(page))
        let trailer = try #require(Data(commented).range(of: Data("trailer".utf8))).lowerBound
        commented.insert(contentsOf: Array("9 0 obj\n<< /Filter /FlateDecode /Length \(inline.count) >>\n% a note\nstream\n".utf8) + inline
                         + Array("\nendstream\nendobj\n".utf8), at: trailer)
        #expect(PdfPictureProbe.mayHoldPictures(Data(commented)))
        // Names that only begin like /Image, and a font program full of bytes, do not count.
        #expect(!PdfPictureProbe.mayHoldPictures(pdf(page + ["<< /ProcSet [/PDF /Text /ImageB /ImageC] >>"],
                                                     streams: [("/Length1 40 /Filter /FlateDecode", Array(repeating: 0x42, count: 40))])))
    }

    @Test("Streams inflating past 128 MiB in all are not all read: the pass runs")
    func inflationBudget() {
        let zeros = Self.deflate([UInt8](repeating: 0x20, count: 30 << 20))
        func file(_ streams: Int) -> Data {
            var bytes = Array("%PDF-1.7\n1 0 obj\n<< /Type /Catalog >>\nendobj\n".utf8)
            for index in 0..<streams {
                bytes += Array("\(index + 2) 0 obj\n<< /Filter /FlateDecode /Length \(zeros.count) >>\nstream\n".utf8)
                bytes += zeros + Array("\nendstream\nendobj\n".utf8)
            }
            return Data(bytes + Array("trailer\n<< /Root 1 0 R >>\n%%EOF\n".utf8))
        }
        #expect(!PdfPictureProbe.mayHoldPictures(file(3)))
        #expect(PdfPictureProbe.mayHoldPictures(file(5)))
    }

    @Test("ASCII85 decodes full and short groups, z and white space, and refuses what is not ASCII85")
    func ascii85() {
        func decode(_ text: String) -> [UInt8]? {
            var output: [UInt8] = []
            let bytes = Array(text.utf8)
            return bytes.withUnsafeBufferPointer { PdfASCII85.decode($0, into: &output) } == nil ? nil : output
        }
        #expect(decode("9jqo^BlbD-BleB1DJ+*+F(f,q~>") == Array("Man is distinguished".utf8))
        #expect(decode("z@:B~>") == [0, 0, 0, 0] + Array("ab".utf8))
        #expect(decode("F(o9)@<?X\n 4AH~>endstream") == Array("signature".utf8))
        #expect(decode("F(o9)@<?X4AH") == nil)
        #expect(decode("F(o9)v@<?X4AH~>") == nil)
    }

    /// zlib's format, as a PDF's FlateDecode streams hold it.
    static func deflate(_ bytes: [UInt8]) -> [UInt8] {
        var size = compressBound(uLong(bytes.count))
        var result = [UInt8](repeating: 0, count: Int(size))
        #expect(compress(&result, &size, bytes, uLong(bytes.count)) == Z_OK)
        return Array(result.prefix(Int(size)))
    }
}
