import Foundation
import IntakeDocument
import Testing

/// The byte-level helpers shared by readers and extraction must give what the slower
/// Foundation and `Character` forms gave.
@Suite struct TextPrimitivesTests {
    @Test func nonEmptyLinesAreWhatSplitGives() {
        let texts = ["", "\n", "one", "one\ntwo", "\n\none\n\n\ntwo\n", "a\r\nb\nc", "e\u{301}\n\u{301}x", "☒ Yes\n☐ No\n", "tab\there\n \n"]
        for text in texts {
            #expect(text.nonEmptyLines == text.split(separator: "\n", omittingEmptySubsequences: true), "\(text.debugDescription)")
        }
    }

    @Test func byteSearchFindsTheFirstWholeNeedleInsideTheRange() {
        let haystack = Array("xx<!DOC <!DOCTYPE and <!DOCTYPE".utf8)
        haystack.withUnsafeBytes { bytes in
            let needle = Array("<!DOCTYPE".utf8)
            #expect(ByteSearch.first(needle, in: bytes) == 8)
            #expect(ByteSearch.first(needle, anchor: 1, in: bytes) == 8)
            #expect(ByteSearch.first(needle, anchor: 8, in: bytes, from: 9) == 22)
            // A match must end inside the range.
            #expect(ByteSearch.first(needle, in: bytes, from: 9, to: haystack.count - 1) == nil)
            #expect(ByteSearch.first(Array("zz".utf8), in: bytes) == nil)
            #expect(ByteSearch.first(needle, in: bytes, from: haystack.count) == nil)
        }
    }
}
