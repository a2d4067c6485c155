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

    @Test func theAnchorIsTheNeedlesRarestLetter() {
        #expect(Array("size".utf8).withUnsafeBytes { ByteSearch.rareAnchor($0) } == 2)
        #expect(Array("date of birth".utf8).withUnsafeBytes { ByteSearch.rareAnchor($0) } == 8)
        #expect(Array("e e".utf8).withUnsafeBytes { ByteSearch.rareAnchor($0) } == 0)
    }

    @Test func anyAnchorFindsWhatTheFirstByteFinds() {
        let haystack = Array("the stage of the escalation, stage two; a staged stag stage".utf8)
        haystack.withUnsafeBytes { bytes in
            for needle in ["stage", "stage two", "stag", "e", "; a", "escalation, s", "absent"].map({ Array($0.utf8) }) {
                let anchor = needle.withUnsafeBytes { ByteSearch.rareAnchor($0) }
                var from = 0
                while from <= haystack.count {
                    #expect(ByteSearch.first(needle, anchor: anchor, in: bytes, from: from) == ByteSearch.first(needle, in: bytes, from: from))
                    from += 7
                }
            }
        }
    }
}
