import Foundation
import IntakeDocument

/// One `<Relationship>` of a `.rels` part, its target resolved to a part name.
struct PackageRelationship: Sendable, Equatable {
    var id: String
    var type: String
    /// The part name (`word/media/image1.png`), or the raw target when ``isExternal``.
    var target: String
    /// `TargetMode="External"`: a URL outside the package, never fetched.
    var isExternal: Bool
}

/// The relationships of one part (or of the package, for `_rels/.rels`).
struct PackageRelationships: Sendable {
    private(set) var all: [PackageRelationship] = []
    private var byID: [String: PackageRelationship] = [:]

    init() {}

    /// Reads the `.rels` part that belongs to `sourcePart` ("" for the package itself).
    init(package: ZipPackage, sourcePart: String, limits: ReadLimits) throws {
        let relsName = Self.relsPartName(for: sourcePart)
        guard let data = try package.read(relsName) else { return }
        let reader = try XMLStreamReader(data, partName: package.describe(relsName), limits: limits)
        guard try reader.moveToRoot() else { return }
        let baseDirectory = Self.directory(of: sourcePart)
        try reader.forEachChild {
            guard reader.isElement(.packageRelationships, "Relationship"),
                  let id = reader.attribute("Id"), let type = reader.attribute("Type"),
                  let target = reader.attribute("Target") else { return }
            let external = reader.attribute("TargetMode")?.lowercased() == "external"
            let resolved = external ? target : Self.resolve(target, from: baseDirectory)
            let relationship = PackageRelationship(id: id, type: type, target: resolved, isExternal: external)
            all.append(relationship)
            byID[id] = relationship
        }
    }

    subscript(id: String) -> PackageRelationship? { byID[id] }

    func first(where matches: (String) -> Bool) -> PackageRelationship? {
        all.first { !$0.isExternal && matches($0.type) }
    }

    static func relsPartName(for part: String) -> String {
        let directory = directory(of: part)
        let file = part.split(separator: "/").last.map(String.init) ?? ""
        return directory.isEmpty ? "_rels/\(file).rels" : "\(directory)/_rels/\(file).rels"
    }

    static func directory(of part: String) -> String {
        guard let slash = part.lastIndex(of: "/") else { return "" }
        return String(part[..<slash])
    }

    /// Resolves a relative target against a directory, folding `.` and `..`.
    static func resolve(_ target: String, from directory: String) -> String {
        // Foundation's decoding bridges through NSString; most targets have nothing to decode.
        let decoded = target.containsASCII("%") ? target.removingPercentEncoding ?? target : target
        var segments: [Substring] = decoded.hasPrefix("/") ? [] : directory.split(separator: "/")
        for segment in decoded.split(separator: "/") {
            switch segment {
            case ".": continue
            case "..": if !segments.isEmpty { segments.removeLast() }
            default: segments.append(segment)
            }
        }
        return segments.joined(separator: "/")
    }
}

/// `[Content_Types].xml`: the media type of each part.
struct PackageContentTypes: Sendable {
    private var defaults: [String: String] = [:]
    private var overrides: [String: String] = [:]

    init() {}

    init(package: ZipPackage, limits: ReadLimits) throws {
        let name = "[Content_Types].xml"
        guard let data = try package.read(name) else { return }
        let reader = try XMLStreamReader(data, partName: package.describe(name), limits: limits)
        guard try reader.moveToRoot() else { return }
        try reader.forEachChild {
            guard reader.kind == .element, reader.namespace == .contentTypes,
                  let type = reader.attribute("ContentType") else { return }
            if reader.localName == "Default", let ext = reader.attribute("Extension") {
                defaults[ext.lowercased()] = type
            } else if reader.localName == "Override", let part = reader.attribute("PartName") {
                overrides[Self.key(part)] = type
            }
        }
    }

    func contentType(of part: String) -> String? {
        if let type = overrides[Self.key(part)] { return type }
        guard let dot = part.lastIndex(of: ".") else { return nil }
        return defaults[part[part.index(after: dot)...].lowercased()]
    }

    /// Parts named in an Override, as part names without the leading slash.
    var overriddenParts: [String] { overrides.keys.sorted() }

    private static func key(_ part: String) -> String {
        (part.hasPrefix("/") ? String(part.dropFirst()) : part).lowercased()
    }
}
