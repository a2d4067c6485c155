/// A typed field value as the contract writes it in JSON.
public enum FieldValue: Sendable, Equatable, Hashable {
    case text(String)
    /// ISO `YYYY-MM-DD`.
    case date(String)
    case integer(Int)
    case boolean(Bool)
    case list([String])
    case signature(SignatureValue)
    /// A policy's ladder.
    case stages([PolicyStage])

    /// The value as text, for reports and stores that keep a text column beside the JSON.
    public var displayText: String {
        switch self {
        case .text(let s), .date(let s): s
        case .integer(let n): String(n)
        case .boolean(let b): b ? "yes" : "no"
        case .list(let items): items.joined(separator: "; ")
        case .signature(let s): s.present ? "signed (\(s.kind.rawValue))" : "not signed"
        case .stages(let stages): stages.map { "\($0.number) \($0.name)" }.joined(separator: "; ")
        }
    }

    /// The type name stored beside the value: `text`, `date`, `integer`, `boolean`, `list`, `signature`, `stages`.
    public var typeName: String {
        switch self {
        case .text: "text"
        case .date: "date"
        case .integer: "integer"
        case .boolean: "boolean"
        case .list: "list"
        case .signature: "signature"
        case .stages: "stages"
        }
    }
}

public struct SignatureValue: Sendable, Codable, Equatable, Hashable {
    public var present: Bool
    public var kind: SignatureKind

    public init(present: Bool, kind: SignatureKind) {
        self.present = present
        self.kind = kind
    }

    public static let none = SignatureValue(present: false, kind: .none)
}

public enum SignatureKind: String, Sendable, Codable, Equatable, Hashable {
    case typed, image, ink, digital, none
}

public struct PolicyStage: Sendable, Codable, Equatable, Hashable {
    public var number: Int
    public var name: String
    public var workingDays: Int?

    public init(number: Int, name: String, workingDays: Int? = nil) {
        self.number = number
        self.name = name
        self.workingDays = workingDays
    }

    enum CodingKeys: String, CodingKey {
        case number, name
        case workingDays = "working_days"
    }
}

extension FieldValue: Codable {
    public init(from decoder: any Decoder) throws {
        let c = try decoder.singleValueContainer()
        if let b = try? c.decode(Bool.self) { self = .boolean(b); return }
        if let n = try? c.decode(Int.self) { self = .integer(n); return }
        if let s = try? c.decode(String.self) {
            self = Self.looksLikeISODate(s) ? .date(s) : .text(s)
            return
        }
        if let list = try? c.decode([String].self) { self = .list(list); return }
        if let sig = try? c.decode(SignatureValue.self) { self = .signature(sig); return }
        self = .stages(try c.decode([PolicyStage].self))
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.singleValueContainer()
        switch self {
        case .text(let s), .date(let s): try c.encode(s)
        case .integer(let n): try c.encode(n)
        case .boolean(let b): try c.encode(b)
        case .list(let items): try c.encode(items)
        case .signature(let s): try c.encode(s)
        case .stages(let stages): try c.encode(stages)
        }
    }

    static func looksLikeISODate(_ s: String) -> Bool {
        let u = Array(s.utf8)
        guard u.count == 10, u[4] == UInt8(ascii: "-"), u[7] == UInt8(ascii: "-") else { return false }
        return u.enumerated().allSatisfy { i, b in i == 4 || i == 7 || (b >= 48 && b <= 57) }
    }
}

/// A record's fields in the order they were found, encoded as one JSON object.
public struct RecordFields: Sendable, Equatable, Codable, Sequence {
    public private(set) var entries: [(key: String, value: FieldValue)] = []

    public init() {}

    public init(_ entries: [(String, FieldValue)]) {
        for (k, v) in entries { self[k] = v }
    }

    public subscript(key: String) -> FieldValue? {
        get { entries.first { $0.key == key }?.value }
        set {
            if let i = entries.firstIndex(where: { $0.key == key }) {
                if let newValue { entries[i].value = newValue } else { entries.remove(at: i) }
            } else if let newValue {
                entries.append((key, newValue))
            }
        }
    }

    public var keys: [String] { entries.map(\.key) }
    public var count: Int { entries.count }
    public var isEmpty: Bool { entries.isEmpty }

    public func makeIterator() -> IndexingIterator<[(key: String, value: FieldValue)]> {
        entries.makeIterator()
    }

    public static func == (a: RecordFields, b: RecordFields) -> Bool {
        a.entries.count == b.entries.count && zip(a.entries, b.entries).allSatisfy { $0.key == $1.key && $0.value == $1.value }
    }

    private struct Key: CodingKey {
        var stringValue: String
        var intValue: Int? { nil }
        init(stringValue: String) { self.stringValue = stringValue }
        init?(intValue: Int) { nil }
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: Key.self)
        for key in c.allKeys.sorted(by: { $0.stringValue < $1.stringValue }) {
            self[key.stringValue] = try c.decode(FieldValue.self, forKey: key)
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: Key.self)
        for (k, v) in entries { try c.encode(v, forKey: Key(stringValue: k)) }
    }
}
