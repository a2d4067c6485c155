import Foundation
import IntakeDocument

/// A ZIP file's central directory, read straight from the bytes: every entry's name, sizes,
/// checksum, method and where its data lies, for ``ZipPackage`` to inflate with zlib.
///
/// Every entry is seen (count, encryption, duplicate names are checked on all of them), and
/// every offset and size is checked before it is used: the directory, each local header and
/// each entry's data must lie inside the file.
///
/// All arithmetic on values read from the file is done in `UInt64` and compared against the
/// file size before any conversion to `Int`: no value from the file can overflow or trap.
/// Error messages name entries by their position, never by the name the sender chose.
struct ZipCentralDirectory {
    struct Record {
        enum Kind { case file, directory, symlink }

        var name: String
        var kind: Kind
        var compressedSize: UInt64
        var uncompressedSize: UInt64
        var checksum: UInt32
        /// The local header's compression method: 0 stored, 8 deflated.
        var method: UInt16
        /// Where the entry's data starts; its stored size (compressed, or inflated when stored) fits in the file.
        var dataOffset: Int
    }

    /// A declared inflated size beyond this is not a real package part (1 TiB).
    static let absurdSize: UInt64 = 1 << 40

    private(set) var records: [Record] = []
    let bytes: [UInt8]

    init(_ data: Data, limits: ReadLimits) throws {
        bytes = [UInt8](data)
        guard let end = findEndRecord() else {
            throw IntakeError(.zipDamaged, "The ZIP container has no end-of-directory record (truncated or not a ZIP file).")
        }
        var count = UInt64(u16(end + 10))
        var offset = UInt64(u32(end + 16))
        if let zip64 = try zip64Directory(endOffset: end) {
            (count, offset) = zip64
        } else if count == 0xFFFF || offset == 0xFFFF_FFFF {
            throw IntakeError(.zipDamaged, "The ZIP64 directory locator is missing.")
        }
        guard count <= UInt64(limits.maxZipEntries) else {
            throw IntakeError(.zipTooManyEntries, "The ZIP container lists \(count) entries; the limit is \(limits.maxZipEntries).")
        }
        guard fits(offset, 0) else { throw Self.damagedDirectory }
        var position = Int(offset)
        var seen: Set<String> = []
        for index in 0..<Int(count) {
            guard fits(UInt64(position), 46), u32(position) == 0x0201_4B50 else { throw Self.damagedDirectory }
            let flags = u16(position + 8)
            let method = u16(position + 10)
            let nameLength = Int(u16(position + 28))
            let extraLength = Int(u16(position + 30))
            let commentLength = Int(u16(position + 32))
            let nameStart = position + 46
            // The three lengths are 16-bit and `position` is inside the file: no overflow.
            guard fits(UInt64(nameStart), UInt64(nameLength + extraLength + commentLength)) else {
                throw Self.damagedDirectory
            }
            // Names are read as UTF-8 whether or not flag bit 11 says so: OPC names are, and a
            // part is found by the name its relationship gives.
            let name = String(decoding: bytes[nameStart..<(nameStart + nameLength)], as: UTF8.self)
            // Bit 0: encrypted; bit 6: strong encryption; method 99: WinZip AES.
            let encrypted = flags & 0x0001 != 0 || flags & 0x0040 != 0 || method == 99
            if encrypted {
                throw IntakeError(.zipEncrypted, "ZIP entry #\(index + 1) is encrypted; Intake reads only unencrypted packages.")
            }
            // OPC part names are case-insensitive, with or without a leading slash: two spellings
            // of one name are an attack or damage.
            guard seen.insert((name.hasPrefix("/") ? String(name.dropFirst()) : name).lowercased()).inserted else {
                throw IntakeError(.zipDuplicateName, "ZIP entry #\(index + 1) repeats the name of an earlier entry (ignoring case).")
            }
            let sizes = try entrySizes(at: position, extraStart: nameStart + nameLength, extraLength: extraLength, index: index)
            records.append(Record(name: name, kind: kind(at: position, name: name),
                                  compressedSize: sizes.compressed, uncompressedSize: sizes.uncompressed,
                                  checksum: u32(position + 16), method: sizes.method, dataOffset: sizes.dataOffset))
            position = nameStart + nameLength + extraLength + commentLength
        }
    }

    private static let damagedDirectory = IntakeError(.zipDamaged, "The ZIP central directory is damaged.")

    /// True when `length` bytes starting at `offset` lie inside the file (no overflow possible).
    private func fits(_ offset: UInt64, _ length: UInt64) -> Bool {
        let size = UInt64(bytes.count)
        return offset <= size && length <= size - offset
    }

    /// The effective sizes and local-header offset of one entry, with ZIP64 values (extra field
    /// 0x0001, holding only the fields whose 32-bit slot is all ones, in this order) applied.
    private func entrySizes(at position: Int, extraStart: Int, extraLength: Int, index: Int) throws
        -> (compressed: UInt64, uncompressed: UInt64, method: UInt16, dataOffset: Int) {
        var uncompressed = UInt64(u32(position + 24))
        var compressed = UInt64(u32(position + 20))
        var localHeader = UInt64(u32(position + 42))
        if let zip64 = zip64Extra(start: extraStart, length: extraLength) {
            var cursor = zip64.lowerBound
            func next(_ value: inout UInt64) {
                guard value == 0xFFFF_FFFF, cursor + 8 <= zip64.upperBound else { return }
                // A zero here is ignored and the 32-bit value kept.
                let wide = u64(cursor)
                if wide > 0 { value = wide }
                cursor += 8
            }
            next(&uncompressed)
            next(&compressed)
            next(&localHeader)
        }
        let damaged = IntakeError(.zipDamaged, "ZIP entry #\(index + 1) declares an offset or size outside the file.")
        guard fits(localHeader, 30), u32(Int(localHeader)) == 0x0403_4B50, uncompressed <= Self.absurdSize else {
            throw damaged
        }
        // The local header's own name and extra lengths (16-bit each) say where the data starts.
        let header = Int(localHeader)
        let dataOffset = UInt64(header + 30 + Int(u16(header + 26)) + Int(u16(header + 28)))
        // The method is the local header's; stored data is read at its inflated size, which
        // must then fit in the file (a fake size of 2⁴⁰ would otherwise be read, or allocated).
        let method = u16(header + 8)
        guard fits(dataOffset, compressed), method != 0 || fits(dataOffset, uncompressed) else { throw damaged }
        return (compressed, uncompressed, method, Int(dataOffset))
    }

    /// File, folder or symbolic link: by the Unix mode in the external attributes when the
    /// entry was made on Unix or macOS, else a folder only by a name ending in "/" (or the
    /// MS-DOS folder attribute).
    private func kind(at position: Int, name: String) -> Record.Kind {
        let system = u16(position + 4) >> 8
        let attributes = u32(position + 38)
        let folderName = name.hasSuffix("/")
        switch system {
        case 3, 19:
            switch (attributes >> 16) & 0o170000 {
            case 0o100000: return .file
            case 0o040000: return .directory
            case 0o120000: return .symlink
            default: return folderName ? .directory : .file
            }
        case 0:
            return folderName || attributes >> 4 == 0x01 ? .directory : .file
        default:
            return folderName ? .directory : .file
        }
    }

    /// The data range of the first ZIP64 extended-information block in an extra field.
    private func zip64Extra(start: Int, length: Int) -> Range<Int>? {
        var cursor = start
        let end = start + length
        while cursor + 4 <= end {
            let id = u16(cursor)
            let size = Int(u16(cursor + 2))
            guard cursor + 4 + size <= end else { return nil }
            if id == 0x0001 { return (cursor + 4)..<(cursor + 4 + size) }
            cursor += 4 + size
        }
        return nil
    }

    private func findEndRecord() -> Int? {
        guard bytes.count >= 22 else { return nil }
        let lowest = max(0, bytes.count - 22 - 0xFFFF)
        var index = bytes.count - 22
        while index >= lowest {
            if u32(index) == 0x0605_4B50 { return index }
            index -= 1
        }
        return nil
    }

    /// The ZIP64 entry count and directory offset, when the file has a ZIP64 locator.
    ///
    /// The ZIP64 record is read at the fixed place just before the locator (and only when it says
    /// version 4.5 or later); a locator pointing anywhere else is damage.
    private func zip64Directory(endOffset: Int) throws -> (UInt64, UInt64)? {
        let locator = endOffset - 20
        guard locator >= 0, u32(locator) == 0x0706_4B50 else { return nil }
        let record = locator - 56
        guard record >= 0, u32(record) == 0x0606_4B50, u64(locator + 8) == UInt64(record) else {
            throw IntakeError(.zipDamaged, "The ZIP64 end-of-directory record is damaged.")
        }
        guard u16(record + 14) >= 45 else { return nil }
        return (u64(record + 32), u64(record + 48))
    }

    // Little-endian readers: a read past either end gives 0 (then fails a signature or bound check).

    private func u16(_ at: Int) -> UInt16 {
        guard at >= 0, at <= bytes.count - 2 else { return 0 }
        return UInt16(bytes[at]) | UInt16(bytes[at + 1]) << 8
    }

    private func u32(_ at: Int) -> UInt32 {
        guard at >= 0, at <= bytes.count - 4 else { return 0 }
        return UInt32(u16(at)) | UInt32(u16(at + 2)) << 16
    }

    private func u64(_ at: Int) -> UInt64 {
        guard at >= 0, at <= bytes.count - 8 else { return 0 }
        return UInt64(u32(at)) | UInt64(u32(at + 4)) << 32
    }
}
