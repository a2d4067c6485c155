import Foundation
import IntakeDocument

/// An independent walk of a ZIP file's central directory, done before ZIPFoundation opens it.
///
/// ZIPFoundation silently stops listing at an encrypted entry and opens duplicate names without
/// complaint, so the checks that must see every entry (count, encryption, duplicate names) read
/// the directory here, straight from the bytes.
struct ZipCentralDirectory {
    struct Record {
        var name: String
        var encrypted: Bool
        var compressedSize: UInt64
        var uncompressedSize: UInt64
    }

    private(set) var records: [Record] = []

    init(_ data: Data, limits: ReadLimits) throws {
        let bytes = [UInt8](data)
        guard let end = Self.findEndRecord(bytes) else {
            throw IntakeError(.zipDamaged, "The ZIP container has no end-of-directory record (truncated or not a ZIP file).")
        }
        var count = UInt64(Self.u16(bytes, end + 10))
        var offset = UInt64(Self.u32(bytes, end + 16))
        if count == 0xFFFF || offset == 0xFFFF_FFFF {
            (count, offset) = try Self.zip64Directory(bytes, endOffset: end)
        }
        guard count <= UInt64(limits.maxZipEntries) else {
            throw IntakeError(.zipTooManyEntries, "The ZIP container lists \(count) entries; the limit is \(limits.maxZipEntries).")
        }
        var position = Int(clamping: offset)
        var seen: Set<String> = []
        for _ in 0..<count {
            guard position >= 0, position + 46 <= bytes.count, Self.u32(bytes, position) == 0x0201_4B50 else {
                throw IntakeError(.zipDamaged, "The ZIP central directory is damaged.")
            }
            let flags = Self.u16(bytes, position + 8)
            let method = Self.u16(bytes, position + 10)
            let nameLength = Int(Self.u16(bytes, position + 28))
            let extraLength = Int(Self.u16(bytes, position + 30))
            let commentLength = Int(Self.u16(bytes, position + 32))
            guard position + 46 + nameLength <= bytes.count else {
                throw IntakeError(.zipDamaged, "The ZIP central directory is damaged.")
            }
            let name = String(decoding: bytes[(position + 46)..<(position + 46 + nameLength)], as: UTF8.self)
            // Bit 0: encrypted; bit 6: strong encryption; method 99: WinZip AES.
            let encrypted = flags & 0x0001 != 0 || flags & 0x0040 != 0 || method == 99
            if encrypted {
                throw IntakeError(.zipEncrypted, "The ZIP entry \(name) is encrypted; Intake reads only unencrypted packages.")
            }
            // OPC part names are case-insensitive: two spellings of one name are an attack or damage.
            guard seen.insert(name.lowercased()).inserted else {
                throw IntakeError(.zipDuplicateName, "The ZIP container holds the entry name \(name) twice (ignoring case).")
            }
            records.append(Record(
                name: name, encrypted: encrypted,
                compressedSize: UInt64(Self.u32(bytes, position + 20)),
                uncompressedSize: UInt64(Self.u32(bytes, position + 24))))
            position += 46 + nameLength + extraLength + commentLength
        }
    }

    private static func findEndRecord(_ bytes: [UInt8]) -> Int? {
        guard bytes.count >= 22 else { return nil }
        let lowest = max(0, bytes.count - 22 - 0xFFFF)
        var index = bytes.count - 22
        while index >= lowest {
            if u32(bytes, index) == 0x0605_4B50 { return index }
            index -= 1
        }
        return nil
    }

    private static func zip64Directory(_ bytes: [UInt8], endOffset: Int) throws -> (UInt64, UInt64) {
        let locator = endOffset - 20
        guard locator >= 0, u32(bytes, locator) == 0x0706_4B50 else {
            throw IntakeError(.zipDamaged, "The ZIP64 directory locator is missing.")
        }
        let record = Int(clamping: u64(bytes, locator + 8))
        guard record >= 0, record + 56 <= bytes.count, u32(bytes, record) == 0x0606_4B50 else {
            throw IntakeError(.zipDamaged, "The ZIP64 end-of-directory record is damaged.")
        }
        return (u64(bytes, record + 32), u64(bytes, record + 48))
    }

    private static func u16(_ bytes: [UInt8], _ at: Int) -> UInt16 {
        guard at >= 0, at + 2 <= bytes.count else { return 0 }
        return UInt16(bytes[at]) | UInt16(bytes[at + 1]) << 8
    }

    private static func u32(_ bytes: [UInt8], _ at: Int) -> UInt32 {
        guard at >= 0, at + 4 <= bytes.count else { return 0 }
        return UInt32(u16(bytes, at)) | UInt32(u16(bytes, at + 2)) << 16
    }

    private static func u64(_ bytes: [UInt8], _ at: Int) -> UInt64 {
        UInt64(u32(bytes, at)) | UInt64(u32(bytes, at + 4)) << 32
    }
}
