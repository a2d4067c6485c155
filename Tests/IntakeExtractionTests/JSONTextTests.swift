import Foundation
import Testing
@testable import IntakeRecord

/// Records write plain values and keys without `JSONEncoder`; the bytes must be the encoder's.
@Suite struct JSONTextTests {
    static func written(_ write: (inout JSONText) -> Bool) -> String? {
        var out = JSONText()
        return write(&out) ? String(decoding: out.bytes, as: UTF8.self) : nil
    }

    static func quoted(_ text: String) -> String { written { $0.string(text); return true }! }

    static func encoded(_ value: some Encodable) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(value), as: UTF8.self)
    }

    @Test func everyScalarUpToU0800AndTheAwkwardOnesQuoteAsTheEncoderDoes() throws {
        let awkward: [UInt32] = [0x2028, 0x2029, 0xFEFF, 0xFFFD, 0x1F600, 0x10FFFF]
        for value in Array(0..<0xD800 as Range<UInt32>).prefix(0x800) + awkward {
            let text = "a" + String(Unicode.Scalar(value)!) + "/b"
            #expect(Self.quoted(text) == (try Self.encoded(text)), "U+\(String(value, radix: 16))")
        }
        for text in ["", "\r\n", "e\u{301}", "\"quoted\" \\ back\\slash", "Ava Unsworth\t(13)\n"] {
            #expect(Self.quoted(text) == (try Self.encoded(text)))
        }
    }

    @Test func plainValuesWriteAsTheEncoderDoesAndTheRestAreLeftToIt() throws {
        let values: [FieldValue] = [.text("Ava \"A\" Unsworth"), .date("2026-03-05"), .integer(0), .integer(-42),
                                    .integer(Int.max), .integer(Int.min), .boolean(true), .boolean(false)]
        for value in values { #expect(Self.written { $0.plain(value) } == (try Self.encoded(value))) }
        #expect(Self.written { $0.plain(.list(["a", "b"])) } == nil)
    }

    @Test func provenanceWritesAsTheEncoderDoes() throws {
        let full = Provenance(part: "word/document.xml", page: 2, table: 1, row: 14, cell: 1, field: "Text1 \"a\"",
                              via: "cell-right", match: "similar-label", confidence: 0.86)
        var map: [String: Provenance] = ["child.name": full, "agency_a.name": Provenance(), "stage": Provenance(page: 1),
                                         "a10": Provenance(confidence: 1), "a2": Provenance(confidence: 0), "B": Provenance(row: -1)]
        for step in 0...100 { map["confidence.\(step)"] = Provenance(confidence: (Double(step) / 100 * 100).rounded() / 100) }
        map["thirds"] = Provenance(confidence: 1.0 / 3)
        #expect(Self.written { $0.provenance(map) } == (try Self.encoded(map)))
        #expect(Self.written { $0.provenance(["tiny": Provenance(confidence: 1e-7)]) } == nil)
        #expect(Self.written { $0.provenance(["clé": Provenance()]) } == nil)
    }
}
