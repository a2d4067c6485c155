import CZlibInflate
import Foundation
import IntakeDocument
import ZIPFoundation

/// An OPC package (the ZIP container of a DOCX) opened in memory, with every part read under
/// ``ReadLimits``.
///
/// Nothing is extracted to disk. Inflated bytes are counted while they arrive, per part and in
/// total, and the extraction is abandoned as soon as a limit is passed: declared sizes are never
/// trusted. Part names are looked up ignoring case, as OPC requires. Not thread-safe.
final class ZipPackage {
    private let archive: Archive
    private let limits: ReadLimits
    private var entries: [String: Entry] = [:]
    /// Part key → 1-based position in the directory, to name untrusted entries in errors.
    private var positions: [String: Int] = [:]
    private var inflatedTotal = 0
    /// Entry names as stored, in directory order.
    private(set) var partNames: [String] = []

    init(_ data: Data, limits: ReadLimits) throws {
        self.limits = limits
        let directory = try ZipCentralDirectory(data, limits: limits)
        do {
            archive = try Archive(data: data, accessMode: .read)
        } catch {
            throw IntakeError(.zipDamaged, "The ZIP container could not be opened (damaged or truncated).")
        }
        for entry in archive {
            entries[Self.key(entry.path)] = entry
            partNames.append(entry.path)
            positions[Self.key(entry.path)] = partNames.count
        }
        // ZIPFoundation stops listing at an entry it cannot parse: both walks must agree.
        guard partNames.count == directory.records.count else {
            throw IntakeError(.zipDamaged, "The ZIP container lists \(directory.records.count) entries but only \(partNames.count) could be read.")
        }
    }

    func contains(_ name: String) -> Bool { entries[Self.key(name)] != nil }

    /// The size the directory declares for a part: for reporting only, never for limits.
    func declaredSize(of name: String) -> Int? {
        entries[Self.key(name)].map { Int(clamping: $0.uncompressedSize) }
    }

    /// The bytes of a part, or nil when the package has no such part.
    func read(_ name: String) throws -> Data? {
        guard let entry = entries[Self.key(name)], entry.type == .file else { return nil }
        var data = Data()
        let compressed = max(Int(clamping: entry.compressedSize), 1)
        do {
            // ZIPFoundation's CRC-32 is Swift, bit by table; zlib's, below, is several times faster.
            _ = try archive.extract(entry, skipCRC32: true) { chunk in
                data.append(chunk)
                inflatedTotal += chunk.count
                try check(part: name, inflated: data.count, compressed: compressed)
            }
        } catch let error as IntakeError {
            throw error
        } catch {
            throw IntakeError(.zipDamaged, "The \(describe(name)) could not be inflated (damaged data).")
        }
        let checksum = data.withUnsafeBytes { UInt32(truncatingIfNeeded: crc32_z(0, $0.baseAddress?.assumingMemoryBound(to: UInt8.self), $0.count)) }
        guard checksum == entry.checksum else {
            throw IntakeError(.zipDamaged, "The \(describe(name)) fails its checksum (damaged data).")
        }
        return data
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
