import Foundation
import IntakeDocument
@testable import IntakeReaders
import Testing

/// The streaming XML reader on parts small enough that `Data` keeps them inline (14 bytes or
/// less on 64-bit): libxml2 reads the bytes lazily, long after the reader was made, so they must
/// still be there once the caller's stack has moved on.
@Suite("XML stream reader") struct XMLStreamReaderTests {
    @Test("a part of 14 bytes or less is read from bytes the reader owns", arguments: [
        ("<a>b</a>", "b"), ("<a>hello</a>", "hello"), ("<ab>xyzw</ab>", "xyzw"), ("<r>0123456</r>", "0123456"),
    ])
    func tinyPart(xml: String, text: String) throws {
        let reader = try Self.reader(xml)
        Self.overwriteTheStack()
        #expect(try reader.moveToRoot())
        #expect(try reader.textContent() == text)
    }

    @Test("a larger part whose Data the caller dropped is still read whole")
    func droppedData() throws {
        let text = String(repeating: "safeguarding ", count: 200)
        let reader = try Self.reader("<r>\(text)</r>")
        Self.overwriteTheStack()
        #expect(try reader.moveToRoot())
        #expect(try reader.textContent() == text)
    }

    @Test("an empty part is malformed, not a crash")
    func emptyPart() {
        expectIntakeError(.xmlMalformed) { _ = try XMLStreamReader(Data(), partName: "test part", limits: ReadLimits()) }
    }

    /// Made in a frame of its own, so that the `Data` and any stack copy of it are gone on return.
    @inline(never)
    private static func reader(_ xml: String) throws -> XMLStreamReader {
        try XMLStreamReader(Data(xml.utf8), partName: "test part", limits: ReadLimits())
    }

    /// Fills the stack below the caller with '<' bytes, where a dangling pointer into a dead
    /// frame would now find them.
    @inline(never)
    private static func overwriteTheStack() {
        withUnsafeTemporaryAllocation(byteCount: 1024, alignment: 16) { buffer in
            buffer.initializeMemory(as: UInt8.self, repeating: UInt8(ascii: "<"))
            withExtendedLifetime(buffer) {}
        }
    }
}
