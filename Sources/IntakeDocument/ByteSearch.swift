import Foundation

/// Finding a byte string in a file's bytes: `memchr` (vectorised) for one byte of the needle,
/// then `memcmp` around it. Anchoring on a byte that is rare in the haystack (`!` in XML, not
/// `<`) keeps the comparisons few. (glibc's `memmem` is behind `_GNU_SOURCE`.)
public enum ByteSearch {
    /// The offset of the first `needle` in `haystack[from..<end]`, found by its byte at `anchor`.
    public static func first(_ needle: UnsafeRawBufferPointer, anchor: Int = 0, in haystack: UnsafeRawBufferPointer,
                      from: Int = 0, to end: Int? = nil) -> Int? {
        let end = end ?? haystack.count
        guard let base = haystack.baseAddress, let pattern = needle.baseAddress, anchor < needle.count,
              from >= 0, end - from >= needle.count else { return nil }
        let key = Int32(needle[anchor])
        // Where the anchor byte can be for a whole match inside the range.
        var at = from + anchor
        let last = end - needle.count + anchor
        while at <= last, let hit = memchr(base + at, key, last - at + 1) {
            let start = UnsafeRawPointer(hit) - base - anchor
            if memcmp(base + start, pattern, needle.count) == 0 { return start }
            at = start + anchor + 1
        }
        return nil
    }

    public static func first(_ needle: [UInt8], anchor: Int = 0, in haystack: UnsafeRawBufferPointer,
                      from: Int = 0, to end: Int? = nil) -> Int? {
        needle.withUnsafeBytes { first($0, anchor: anchor, in: haystack, from: from, to: end) }
    }

    /// The offset of the needle's byte least frequent in English text (a space and "e" are
    /// everywhere, "z" and a digit are not), for `anchor`: `memchr` then stops less often.
    public static func rareAnchor(_ needle: UnsafeRawBufferPointer) -> Int {
        var best = 0, bestRank = Int.max
        for (offset, byte) in needle.enumerated() {
            let rank = englishRank[Int(byte)]
            if rank < bestRank { best = offset; bestRank = rank }
        }
        return best
    }

    /// Higher is more frequent: letters in order of English frequency (either case), then the space.
    private static let englishRank: [Int] = {
        var rank = [Int](repeating: 2, count: 256)
        for (index, letter) in "zqxjkvbpygfwmucldrhsnioate".utf8.enumerated() {
            rank[Int(letter)] = 3 + index
            rank[Int(letter) - 32] = 3 + index
        }
        rank[Int(UInt8(ascii: " "))] = 40
        return rank
    }()
}
