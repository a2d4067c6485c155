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

    @Test func sourcesWriteAsTheEncoderDoes() throws {
        let sources = [
            RecordSource(path: "inbox/a.docx", sha256: String(repeating: "ab", count: 32), format: "docx"),
            RecordSource(path: "mail/x \"y\".eml", sha256: "00", format: "docx", attachmentOf: "mail/x.eml",
                         attachmentName: "Form\tB.docx", receivedAt: "2026-11-20T10:00:00Z", sender: "a@b.example",
                         subject: "Re: escalation – stage 2", size: 12_345, convertedFrom: "doc", messageID: "id@b",
                         inReplyTo: ["p@b", "q@b"], references: []),
            RecordSource(path: "", sha256: "", format: "unknown", size: 0, inReplyTo: []),
        ]
        for source in sources { #expect(Self.written { $0.source(source); return true } == (try Self.encoded(source))) }
    }

    @Test func findingsWriteAsTheEncoderDoes() throws {
        let findings = [
            Finding(code: .missingField, severity: .error, field: "child.name", message: "Add the child's \"name\"."),
            Finding(code: FindingCode.allCases.last!, severity: .warning, message: "Line one\nline two"),
        ]
        for list in [[], findings, Array(findings.prefix(1))] {
            #expect(Self.written { $0.findings(list); return true } == (try Self.encoded(list)))
        }
    }

    @Test func wholeNumbersWriteAsTheEncoderDoes() throws {
        for number in [0.0, 1, -1, 2, 100, 12_345_678, 999_999_999_999_999, -0.0, 1e15, 1e16, 0.5, -2.25] {
            if let text = JSONText.decimal(number) { #expect(text == (try Self.encoded(number)), "\(number)") }
        }
        #expect(JSONText.decimal(1) == "1")
    }
}
