import CZlibInflate
import Foundation
import IntakeDocument

/// An OPC package (the ZIP container of a DOCX) opened in memory, with every part read under
/// ``ReadLimits``.
///
/// Nothing is extracted to disk. The directory is ``ZipCentralDirectory``'s walk; parts are
/// inflated with zlib straight from the file's bytes. Inflated bytes are counted while they
/// arrive, per part and in total, and the extraction is abandoned as soon as a limit is
/// passed: declared sizes are never trusted. Part names are looked up ignoring case, as OPC
/// requires. Not thread-safe.
final class ZipPackage {
    private let directory: ZipCentralDirectory
    private let limits: ReadLimits
    private var entries: [String: ZipCentralDirectory.Record] = [:]
    /// Part key → 1-based position in the directory, to name untrusted entries in errors.
    private var positions: [String: Int] = [:]
    private var inflatedTotal = 0
    /// Entry names as stored, in directory order.
    private(set) var partNames: [String] = []

    /// Output is taken from zlib, and the limits checked, this much at a time.
    static let chunkSize = 64 << 10

    init(_ data: Data, limits: ReadLimits) throws {
        self.limits = limits
        directory = try ZipCentralDirectory(data, limits: limits)
        for record in directory.records {
            partNames.append(record.name)
            // A later entry of the same name (ignoring case) is refused by the walk.
            entries[Self.key(record.name)] = record
            positions[Self.key(record.name)] = partNames.count
        }
    }

    func contains(_ name: String) -> Bool { entries[Self.key(name)] != nil }

    /// The size the directory declares for a part: for reporting only, never for limits.
    func declaredSize(of name: String) -> Int? {
        entries[Self.key(name)].map { Int(clamping: $0.uncompressedSize) }
    }

    /// The bytes of a part, or nil when the package has no such part (or it is a folder or a link).
    func read(_ name: String) throws -> Data? {
        guard let record = entries[Self.key(name)], record.kind == .file else { return nil }
        let compressed = max(Int(clamping: record.compressedSize), 1)
        var data = Data()
        let consume = { [self] (chunk: UnsafeRawBufferPointer) throws in
            data.append(contentsOf: chunk)
            inflatedTotal += chunk.count
            try check(part: name, inflated: data.count, compressed: compressed)
        }
        try directory.bytes.withUnsafeBytes { file in
            switch record.method {
            case 0:
                // The walk checked that the stored size fits in the file.
                var offset = record.dataOffset
                let end = offset + Int(record.uncompressedSize)
                while offset < end {
                    let next = min(end, offset + Self.chunkSize)
                    try consume(UnsafeRawBufferPointer(rebasing: file[offset..<next]))
                    offset = next
                }
            case 8:
                let input = UnsafeRawBufferPointer(rebasing: file[record.dataOffset..<(record.dataOffset + Int(record.compressedSize))])
                guard try Self.inflate(input, into: consume) else {
                    throw IntakeError(.zipDamaged, "The \(describe(name)) could not be inflated (damaged data).")
                }
            default:
                throw IntakeError(.zipDamaged, "The \(describe(name)) could not be inflated (damaged data).")
            }
        }
        let checksum = data.withUnsafeBytes { UInt32(truncatingIfNeeded: crc32_z(0, $0.baseAddress?.assumingMemoryBound(to: UInt8.self), $0.count)) }
        guard checksum == record.checksum else {
            throw IntakeError(.zipDamaged, "The \(describe(name)) fails its checksum (damaged data).")
        }
        return data
    }

    /// Raw deflate (no zlib header, as ZIP stores it) through `consume`, a chunk at a time;
    /// false when the data is damaged or ends before the deflate stream does.
    private static func inflate(_ input: UnsafeRawBufferPointer, into consume: (UnsafeRawBufferPointer) throws -> Void) throws -> Bool {
        var stream = z_stream()
        guard intake_inflate_init_raw(&stream) == Z_OK else { return false }
        defer { inflateEnd(&stream) }
        stream.next_in = UnsafeMutablePointer(mutating: input.baseAddress?.assumingMemoryBound(to: UInt8.self))
        stream.avail_in = uInt(min(input.count, Int(UInt32.max)))
        var chunk = [UInt8](repeating: 0, count: chunkSize)
        while true {
            let (status, produced) = chunk.withUnsafeMutableBufferPointer { buffer -> (Int32, Int) in
                stream.next_out = buffer.baseAddress
                stream.avail_out = uInt(buffer.count)
                let status = CZlibInflate.inflate(&stream, Z_NO_FLUSH)
                return (status, buffer.count - Int(stream.avail_out))
            }
            guard status == Z_OK || status == Z_STREAM_END else { return false }
            if produced > 0 { try chunk.withUnsafeBytes { try consume(UnsafeRawBufferPointer(rebasing: $0[..<produced])) } }
            if status == Z_STREAM_END { return true }
            // Z_OK with nothing produced and no input left: the data ends mid-stream.
            if produced == 0, stream.avail_in == 0 { return false }
        }
    }

    private func check(part: String, inflated: Int, compressed: Int) throws {
        if inflated > limits.maxPartBytes {
            throw IntakeError(.zipPartTooLarge, "The \(describe(part)) inflates past the limit of \(limits.maxPartBytes) bytes.")
        }
        if inflatedTotal > limits.maxTotalInflatedBytes {
            throw IntakeError(.zipTotalTooLarge, "The package inflates past the limit of \(limits.maxTotalInflatedBytes) bytes in total.")
        }
        if inflated > limits.ratioCheckFloor, inflated / compressed > limits.maxCompressionRatio {
            throw IntakeError(.zipCompressionRatio, "The \(describe(part)) inflates more than \(limits.maxCompressionRatio) times its compressed size.")
        }
    }

    /// How error messages name a part: "part word/document.xml" for the fixed OPC part names
    /// the reader looks for, else "ZIP entry #4". Names chosen by the sender (relationship
    /// targets, media, custom parts) can carry anything, so they are never quoted.
    func describe(_ name: String) -> String {
        let key = Self.key(name)
        if Self.isFixedPartName(key) { return "part \(key)" }
        return positions[key].map { "ZIP entry #\($0)" } ?? "package part"
    }

    private static let fixedPartNames: Set<String> = [
        "[content_types].xml", "_rels/.rels", "word/document.xml", "word/_rels/document.xml.rels",
        "docprops/core.xml", "docprops/app.xml",
    ]

    /// The fixed names above, plus Word's own header and footer names (`word/header12.xml` and
    /// their `.rels`).
    static func isFixedPartName(_ key: String) -> Bool {
        if fixedPartNames.contains(key) { return true }
        for prefix in ["word/header", "word/footer", "word/_rels/header", "word/_rels/footer"] where key.hasPrefix(prefix) {
            var rest = key.dropFirst(prefix.count)
            guard rest.hasSuffix(".xml") || rest.hasSuffix(".xml.rels") else { continue }
            rest = rest.hasSuffix(".rels") ? rest.dropLast(9) : rest.dropLast(4)
            return (1...3).contains(rest.count) && rest.allSatisfy { ("0"..."9").contains($0) }
        }
        return false
    }

    /// OPC part names: case-insensitive, with or without the leading slash.
    private static func key(_ name: String) -> String {
        (name.hasPrefix("/") ? String(name.dropFirst()) : name).lowercased()
    }
}
