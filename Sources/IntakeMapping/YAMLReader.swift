import Yams

/// Reads a YAML mapping node key by key, so that every mistake names its file and line.
///
/// Unknown keys are mistakes too: a misspelt `requried:` must not silently do nothing.
struct YAMLReader {
    let file: String
    let node: Node
    private let mapping: Node.Mapping

    init(file: String, node: Node) throws {
        guard let mapping = node.mapping else {
            throw MappingError(file: file, line: node.mark?.line, message: "expected a mapping of keys to values")
        }
        self.file = file
        self.node = node
        self.mapping = mapping
    }

    var line: Int? { node.mark?.line }

    func error(_ message: String, at node: Node? = nil) -> MappingError {
        MappingError(file: file, line: (node ?? self.node).mark?.line, message: message)
    }

    /// Fails on keys this reader was not told about.
    func rejectUnknownKeys(_ known: Set<String>) throws {
        for (key, _) in mapping {
            guard let name = key.string else { throw error("keys must be text", at: key) }
            if !known.contains(name) {
                throw error("unknown key '\(name)' (expected one of: \(known.sorted().joined(separator: ", ")))", at: key)
            }
        }
    }

    func has(_ key: String) -> Bool { mapping[key] != nil }

    func string(_ key: String) throws -> String {
        guard let value = try optionalString(key) else { throw error("missing required key '\(key)'") }
        return value
    }

    func optionalString(_ key: String) throws -> String? {
        guard let value = mapping[key] else { return nil }
        guard let scalar = value.scalar else { throw error("'\(key)' must be text", at: value) }
        return scalar.string
    }

    func optionalInt(_ key: String) throws -> Int? {
        guard let value = mapping[key] else { return nil }
        guard let number = value.int else { throw error("'\(key)' must be a whole number", at: value) }
        return number
    }

    func optionalBool(_ key: String) throws -> Bool? {
        guard let value = mapping[key] else { return nil }
        guard let flag = value.bool else { throw error("'\(key)' must be true or false", at: value) }
        return flag
    }

    /// A list of text; a single text value is taken as a list of one.
    func strings(_ key: String) throws -> [String] {
        guard let value = mapping[key] else { return [] }
        if let scalar = value.scalar { return [scalar.string] }
        guard let sequence = value.sequence else { throw error("'\(key)' must be a list of text", at: value) }
        return try sequence.map { item in
            guard let scalar = item.scalar else { throw error("items of '\(key)' must be text", at: item) }
            return scalar.string
        }
    }

    func ints(_ key: String) throws -> [Int] {
        guard let value = mapping[key] else { return [] }
        guard let sequence = value.sequence else { throw error("'\(key)' must be a list of numbers", at: value) }
        return try sequence.map { item in
            guard let number = item.int else { throw error("items of '\(key)' must be whole numbers", at: item) }
            return number
        }
    }

    func child(_ key: String) throws -> YAMLReader? {
        guard let value = mapping[key] else { return nil }
        return try YAMLReader(file: file, node: value)
    }

    func children(_ key: String) throws -> [YAMLReader] {
        guard let value = mapping[key] else { return [] }
        guard let sequence = value.sequence else { throw error("'\(key)' must be a list", at: value) }
        return try sequence.map { try YAMLReader(file: file, node: $0) }
    }

    /// The raw node under a key, for values of several possible shapes.
    func raw(_ key: String) -> Node? { mapping[key] }
}
