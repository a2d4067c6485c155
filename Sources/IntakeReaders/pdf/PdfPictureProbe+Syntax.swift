import IntakeDocument
import Foundation

/// What a stream's dictionary says about reading it, for ``PdfPictureProbe``.
enum PdfStreamKind: Equatable {
    /// A font program, a cross-reference stream or XML metadata: nothing in it draws.
    case passedOver
    /// No filter, FlateDecode, ASCII85Decode, or ASCII85Decode then FlateDecode (ReportLab's
    /// content streams); `holdsObjects` for an object stream (objects, not drawing operators).
    case read(ascii85: Bool, flate: Bool, holdsObjects: Bool)
    /// Any other filter or chain, or decode parameters.
    case unreadable

    init(dictionary: UnsafeBufferPointer<UInt8>) {
        func has(_ name: StaticString) -> Bool { PdfBytes.findName(name, in: dictionary) != nil }
        func has(_ key: StaticString, _ value: String) -> Bool {
            guard let at = PdfBytes.findName(key, in: dictionary) else { return false }
            return PdfBytes.name(at: PdfBytes.skipWhite(in: dictionary, from: at + key.utf8CodeUnitCount), in: dictionary) == value
        }
        if has("/Length1") || has("/Length2") || has("/Length3") || has("/Type", "/XRef") || has("/Type", "/Metadata")
            || has("/Subtype", "/Type1C") || has("/Subtype", "/CIDFontType0C") || has("/Subtype", "/OpenType") {
            self = .passedOver
            return
        }
        guard let filters = Self.filters(in: dictionary), !has("/DecodeParms") else {
            self = .unreadable
            return
        }
        let holdsObjects = has("/Type", "/ObjStm")
        switch filters {
        case []: self = .read(ascii85: false, flate: false, holdsObjects: holdsObjects)
        case ["/FlateDecode"]: self = .read(ascii85: false, flate: true, holdsObjects: holdsObjects)
        case ["/ASCII85Decode"]: self = .read(ascii85: true, flate: false, holdsObjects: holdsObjects)
        case ["/ASCII85Decode", "/FlateDecode"]: self = .read(ascii85: true, flate: true, holdsObjects: holdsObjects)
        default: self = .unreadable
        }
    }

    /// The `/Filter` names in order: none, one, or an array of them; nil when the value is
    /// something else (an indirect reference, say).
    private static func filters(in dictionary: UnsafeBufferPointer<UInt8>) -> [String]? {
        guard let key = PdfBytes.findName("/Filter", in: dictionary) else { return [] }
        var index = PdfBytes.skipWhite(in: dictionary, from: key + 7)
        guard index < dictionary.count, dictionary[index] == UInt8(ascii: "[") else {
            return PdfBytes.name(at: index, in: dictionary).map { [$0] }
        }
        var names: [String] = []
        index += 1
        while true {
            index = PdfBytes.skipWhite(in: dictionary, from: index)
            if index < dictionary.count, dictionary[index] == UInt8(ascii: "]") { return names }
            guard let name = PdfBytes.name(at: index, in: dictionary) else { return nil }
            names.append(name)
            index += name.utf8.count
        }
    }
}

/// ASCII85 (`ASCII85Decode`), as PDF writes it: groups of five characters from `!` to `u`,
/// `z` for four zero bytes, white space anywhere, ending at `~>`.
enum PdfASCII85 {
    /// Decodes from the start of `input` into `output`; the number of input bytes up to and
    /// including `~>`, or nil when a character is out of range, there is no end, or the output
    /// passes ``PdfPictureProbe/maxInflatedBytes``.
    static func decode(_ input: UnsafeBufferPointer<UInt8>, into output: inout [UInt8]) -> Int? {
        output.removeAll(keepingCapacity: true)
        var group: UInt64 = 0, count = 0, index = 0
        func flush(_ digits: Int) {
            // A short last group stands for digits - 1 bytes, padded with `u` (84).
            var value = group
            for _ in digits..<5 { value = value * 85 + 84 }
            for shift in stride(from: 24, to: 24 - 8 * (digits - 1), by: -8) { output.append(UInt8(truncatingIfNeeded: value >> UInt64(shift))) }
        }
        while index < input.count {
            let byte = input[index]
            index += 1
            if PdfBytes.isWhite(byte) { continue }
            if byte == UInt8(ascii: "~") {
                guard index < input.count, input[index] == UInt8(ascii: ">"), count != 1 else { return nil }
                if count > 0 { flush(count) }
                return index + 1
            }
            guard output.count <= PdfPictureProbe.maxInflatedBytes else { return nil }
            if byte == UInt8(ascii: "z"), count == 0 {
                output += [0, 0, 0, 0]
                continue
            }
            guard byte >= UInt8(ascii: "!"), byte <= UInt8(ascii: "u") else { return nil }
            group = group * 85 + UInt64(byte - UInt8(ascii: "!"))
            count += 1
            if count == 5 {
                guard group <= UInt64(UInt32.max) else { return nil }
                flush(5)
                (group, count) = (0, 0)
            }
        }
        return nil
    }
}

/// PDF's byte classes and the searches the probe makes.
enum PdfBytes {
    static func isWhite(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x0A || byte == 0x0D || byte == 0x09 || byte == 0x0C || byte == 0x00
    }

    static func isDelimiter(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "("), UInt8(ascii: ")"), UInt8(ascii: "<"), UInt8(ascii: ">"), UInt8(ascii: "["),
             UInt8(ascii: "]"), UInt8(ascii: "{"), UInt8(ascii: "}"), UInt8(ascii: "/"), UInt8(ascii: "%"): true
        default: false
        }
    }

    /// Part of a name or a keyword.
    static func isRegular(_ byte: UInt8) -> Bool { !isWhite(byte) && !isDelimiter(byte) }

    /// First `needle` at or after `from` and ending by `end`.
    static func find(_ needle: StaticString, in bytes: UnsafeBufferPointer<UInt8>, from: Int, to end: Int) -> Int? {
        ByteSearch.first(UnsafeRawBufferPointer(start: needle.utf8Start, count: needle.utf8CodeUnitCount),
                         in: UnsafeRawBufferPointer(bytes), from: from, to: end)
    }

    /// First `name` as a whole name (not the start of a longer one: `/Image`, not `/ImageB`).
    static func findName(_ name: StaticString, in bytes: UnsafeBufferPointer<UInt8>) -> Int? {
        var from = 0
        while let at = find(name, in: bytes, from: from, to: bytes.count) {
            let after = at + name.utf8CodeUnitCount
            if after >= bytes.count || !isRegular(bytes[after]) { return at }
            from = at + 1
        }
        return nil
    }

    static func skipWhite(in bytes: UnsafeBufferPointer<UInt8>, from: Int) -> Int {
        var index = from
        while index < bytes.count, isWhite(bytes[index]) { index += 1 }
        return index
    }

    /// The name that starts at `index` (slash included), or nil when none does.
    static func name(at index: Int, in bytes: UnsafeBufferPointer<UInt8>) -> String? {
        guard index < bytes.count, bytes[index] == UInt8(ascii: "/") else { return nil }
        var end = index + 1
        while end < bytes.count, isRegular(bytes[end]) { end += 1 }
        return String(decoding: UnsafeBufferPointer(rebasing: bytes[index..<end]), as: UTF8.self)
    }

    /// Object text that may describe an image, be encrypted, or spell a name with `#` escapes.
    static func objectTextMayHold(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        findName("/Image", in: bytes) != nil || findName("/Encrypt", in: bytes) != nil || hasEscapedName(bytes)
    }

    /// Drawing operators that may place a picture: an inline image (`BI`), or anything the
    /// object check finds (an object stream's contents, a stream read as it is).
    static func contentMayHold(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var from = 0
        while let at = find("BI", in: bytes, from: from, to: bytes.count) {
            let before = at == 0 || !isRegular(bytes[at - 1])
            let after = at + 2 >= bytes.count || !isRegular(bytes[at + 2])
            if before && after { return true }
            from = at + 1
        }
        return objectTextMayHold(bytes)
    }

    /// A `#` inside a name (`/Im#61ge` is `/Image`); one inside a string may match too, which
    /// only keeps the image pass.
    static func hasEscapedName(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let base = bytes.baseAddress else { return false }
        var from = 0
        while from < bytes.count, let hit = memchr(base + from, Int32(UInt8(ascii: "#")), bytes.count - from) {
            let at = UnsafeRawPointer(hit) - UnsafeRawPointer(base)
            // Back to the start of the name; an earlier `#` in the same run was judged already.
            var index = at - 1
            while index >= 0, isRegular(bytes[index]), bytes[index] != UInt8(ascii: "#") { index -= 1 }
            if index >= 0, bytes[index] == UInt8(ascii: "/") { return true }
            from = at + 1
        }
        return false
    }
}
