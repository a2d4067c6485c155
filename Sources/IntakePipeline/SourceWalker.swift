import Foundation

/// Expands the paths a user gives into the files to process, in a stable order.
///
/// Folders are walked recursively. Inside folders, hidden files and the corpus's own
/// bookkeeping (`*.truth.json`, `MANIFEST.json`, `*.md`) are passed over, and a symbolic link
/// is not followed: the reader opens it with `O_NOFOLLOW` and rejects it. A file named
/// explicitly is always processed, whatever it is; a link named explicitly is read through.
public enum SourceWalker {
    public struct Item: Sendable, Equatable {
        public var url: URL
        public var displayPath: String

        public init(url: URL, displayPath: String) {
            self.url = url
            self.displayPath = displayPath
        }
    }

    public static func expand(_ paths: [String]) throws -> [Item] {
        var items: [Item] = []
        for path in paths {
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
                throw WalkError(path: path)
            }
            guard isDirectory.boolValue else {
                // The user named this path: a link here is theirs to follow.
                items.append(Item(url: URL(fileURLWithPath: path).resolvingSymlinksInPath(), displayPath: path))
                continue
            }
            let base = path.hasSuffix("/") ? String(path.dropLast()) : path
            let enumerator = FileManager.default.enumerator(atPath: path)
            var found: [String] = []
            while let relative = enumerator?.nextObject() as? String {
                let name = (relative as NSString).lastPathComponent
                if name.hasPrefix(".") || isBookkeeping(name) { continue }
                var childIsDirectory: ObjCBool = false
                _ = FileManager.default.fileExists(atPath: base + "/" + relative, isDirectory: &childIsDirectory)
                if !childIsDirectory.boolValue, !relative.split(separator: "/").contains(where: { $0.hasPrefix(".") }) {
                    found.append(relative)
                }
            }
            for relative in found.sorted() {
                items.append(Item(url: URL(fileURLWithPath: base + "/" + relative), displayPath: base + "/" + relative))
            }
        }
        return items
    }

    static func isBookkeeping(_ name: String) -> Bool {
        name.hasSuffix(".truth.json") || name == "MANIFEST.json" || name.hasSuffix(".md")
    }

    public struct WalkError: Error, CustomStringConvertible {
        public var path: String
        public var description: String { "No such file or folder: \(path)" }
    }
}
