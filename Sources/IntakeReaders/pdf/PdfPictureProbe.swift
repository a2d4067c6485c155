import CZlibInflate
import Foundation

/// Whether a PDF can hold a picture, told from its bytes, so the reader leaves out poppler's
/// image pass only where no picture can be.
///
/// `poppler_page_get_image_mapping` interprets every page a second time (the text pass is the
/// first): 8 % of all CPU on the benchmark, most of it on forms with no picture at all. A picture
/// may be a signature, so the probe answers "none" only when the bytes prove it:
/// - no `/Encrypt`: encrypted streams cannot be read here;
/// - no `/Image` name (an image XObject's `/Subtype`) in the objects, also inside object streams,
///   and no name written with `#` escapes, which could spell one;
/// - no `BI` operator in any stream once inflated: an inline image, which is how Ghostscript
///   writes small 1-bit pictures such as a signature.
///
/// Font programs, cross-reference streams and XML metadata are passed over: they draw nothing.
/// Any other stream it cannot read (a filter other than FlateDecode, decode parameters, an
/// inflate error, a stream past ``maxInflatedBytes``, no `endstream`) answers "may hold", and
/// the pass runs as before. A false "may hold" costs time; a false "none" would lose a signature.
enum PdfPictureProbe {
    /// Largest inflated stream looked into; a larger one is not read and the pass runs.
    static let maxInflatedBytes = 32 << 20
    /// All streams of a file together: past this the probe stops and the pass runs (a small
    /// hostile file of many highly compressed streams must not cost more than poppler would).
    static let maxTotalInflatedBytes = 128 << 20

    static func mayHoldPictures(_ data: Data) -> Bool {
        data.withUnsafeBytes { raw in
            guard let base = raw.baseAddress?.assumingMemoryBound(to: UInt8.self) else { return true }
            return ProbeScan(bytes: UnsafeBufferPointer(start: base, count: raw.count)).mayHoldPictures()
        }
    }
}

/// One pass over a PDF's bytes: object text between streams, and each stream by its dictionary.
private struct ProbeScan {
    let bytes: UnsafeBufferPointer<UInt8>

    func mayHoldPictures() -> Bool {
        // Reused for every stream of the file: ASCII85 decoded, then inflated.
        var decoded: [UInt8] = [], inflated: [UInt8] = []
        var objectsStart = 0, searchFrom = 0, inflatedTotal = 0
        while let keyword = PdfBytes.find("stream", in: bytes, from: searchFrom, to: bytes.count) {
            searchFrom = keyword + 6
            guard let dataStart = streamData(after: keyword) else {
                // A stream whose data cannot be found, or a keyword this walk cannot place (after
                // a comment, say): unsure.
                if isStreamKeyword(at: keyword) || looksLikeStreamKeyword(at: keyword) { return true }
                continue
            }
            if PdfBytes.objectTextMayHold(UnsafeBufferPointer(rebasing: bytes[objectsStart..<keyword])) { return true }
            let dictionary = UnsafeBufferPointer(rebasing: bytes[dictionaryStart(before: keyword, from: objectsStart)..<keyword])
            let kind = PdfStreamKind(dictionary: dictionary)
            guard let end = streamEnd(kind, at: dataStart, decoded: &decoded, inflated: &inflated) else { return true }
            inflatedTotal += decoded.count + inflated.count
            decoded.removeAll(keepingCapacity: true)
            inflated.removeAll(keepingCapacity: true)
            guard inflatedTotal <= PdfPictureProbe.maxTotalInflatedBytes else { return true }
            objectsStart = end
            searchFrom = max(searchFrom, objectsStart)
        }
        return PdfBytes.objectTextMayHold(UnsafeBufferPointer(rebasing: bytes[objectsStart...]))
    }

    /// Where the stream's data ends when nothing in it may place a picture; nil when something
    /// may, or when it cannot be read.
    private func streamEnd(_ kind: PdfStreamKind, at dataStart: Int, decoded: inout [UInt8], inflated: inout [UInt8]) -> Int? {
        switch kind {
        case .unreadable:
            return nil
        case .passedOver:
            return PdfBytes.find("endstream", in: bytes, from: dataStart, to: bytes.count)
        case .read(let ascii85, let flate, let holdsObjects):
            var end: Int
            var data = UnsafeBufferPointer(rebasing: bytes[dataStart...])
            if ascii85 {
                guard let consumed = PdfASCII85.decode(data, into: &decoded) else { return nil }
                end = dataStart + consumed
            } else if !flate {
                guard let found = PdfBytes.find("endstream", in: bytes, from: dataStart, to: bytes.count) else { return nil }
                end = found
                data = UnsafeBufferPointer(rebasing: bytes[dataStart..<found])
            } else {
                end = dataStart
            }
            let mayHold = decoded.withUnsafeBufferPointer { ascii85Output -> Bool? in
                if ascii85 { data = ascii85Output }
                if flate {
                    guard let consumed = Self.inflate(data, into: &inflated) else { return nil }
                    if !ascii85 { end = dataStart + consumed }
                    return inflated.withUnsafeBufferPointer { Self.holds($0, objects: holdsObjects) }
                }
                return Self.holds(data, objects: holdsObjects)
            }
            guard mayHold == false else { return nil }
            return end
        }
    }

    private static func holds(_ data: UnsafeBufferPointer<UInt8>, objects: Bool) -> Bool {
        objects ? PdfBytes.objectTextMayHold(data) : PdfBytes.contentMayHold(data)
    }

    /// `stream` as a keyword: after a dictionary's `>>`, not the tail of `endstream`.
    private func isStreamKeyword(at keyword: Int) -> Bool {
        var index = keyword - 1
        while index >= 0, PdfBytes.isWhite(bytes[index]) { index -= 1 }
        return index >= 1 && bytes[index] == UInt8(ascii: ">") && bytes[index - 1] == UInt8(ascii: ">")
    }

    /// `stream` standing alone (not the tail of `endstream`) before an end of line, wherever it is.
    private func looksLikeStreamKeyword(at keyword: Int) -> Bool {
        let alone = keyword == 0 || !PdfBytes.isRegular(bytes[keyword - 1])
        return alone && keyword + 6 < bytes.count && (bytes[keyword + 6] == 0x0D || bytes[keyword + 6] == 0x0A)
    }

    /// Where a stream's data starts: after the keyword's end of line. Nil when this `stream` is
    /// not the keyword, or is one with no end of line after it.
    private func streamData(after keyword: Int) -> Int? {
        guard isStreamKeyword(at: keyword) else { return nil }
        var index = keyword + 6
        while index < bytes.count, bytes[index] == 0x20 || bytes[index] == 0x09 { index += 1 }
        guard index < bytes.count else { return nil }
        if bytes[index] == 0x0D { return index + 1 < bytes.count && bytes[index + 1] == 0x0A ? index + 2 : index + 1 }
        return bytes[index] == 0x0A ? index + 1 : nil
    }

    /// The start of the object that owns the stream: its last `obj` keyword (as a keyword: white
    /// space before it, no name or word going on after it, so neither `endobj` nor `/Xobj1`),
    /// so the dictionary read is the stream's own and not an earlier object's.
    private func dictionaryStart(before keyword: Int, from lowest: Int) -> Int {
        var index = keyword - 3
        while index >= lowest {
            if bytes[index] == UInt8(ascii: "o"), bytes[index + 1] == UInt8(ascii: "b"), bytes[index + 2] == UInt8(ascii: "j"),
               index > 0, PdfBytes.isWhite(bytes[index - 1]), !PdfBytes.isRegular(bytes[index + 3]) {
                return index + 3
            }
            index -= 1
        }
        return lowest
    }

    /// Inflates the zlib stream at the start of `input` into `output` (resized to what it
    /// holds); the number of input bytes it took, or nil when it is damaged, cut short or larger
    /// than ``PdfPictureProbe/maxInflatedBytes``.
    private static func inflate(_ input: UnsafeBufferPointer<UInt8>, into output: inout [UInt8]) -> Int? {
        guard let base = input.baseAddress else { return nil }
        var stream = z_stream()
        guard intake_inflate_init(&stream) == Z_OK else { return nil }
        defer { inflateEnd(&stream) }
        output.removeAll(keepingCapacity: true)
        stream.next_in = UnsafeMutablePointer(mutating: base)
        stream.avail_in = uInt(min(input.count, Int(UInt32.max)))
        var chunk = [UInt8](repeating: 0, count: 64 << 10)
        while true {
            let status = chunk.withUnsafeMutableBufferPointer { buffer -> Int32 in
                stream.next_out = buffer.baseAddress
                stream.avail_out = uInt(buffer.count)
                return CZlibInflate.inflate(&stream, Z_NO_FLUSH)
            }
            guard status == Z_OK || status == Z_STREAM_END else { return nil }
            output += chunk[..<(chunk.count - Int(stream.avail_out))]
            if status == Z_STREAM_END { return Int(stream.total_in) }
            guard output.count <= PdfPictureProbe.maxInflatedBytes else { return nil }
        }
    }
}
