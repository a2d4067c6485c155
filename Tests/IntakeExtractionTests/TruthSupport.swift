import Foundation
import IntakePipeline
import IntakeRecord
import IntakeTestSupport
import Logging

/// Paths and helpers shared by the tests that compare records with truth files.
enum Corpus {
    static let packageRoot = TestPaths.packageRoot
    static let shared = TestPaths.shared
    static let filled = TestPaths.filled
    static let samples = TestPaths.samples
    static let mappings = TestPaths.mappings

    /// The conventions' "today" (shared/forms/filled/README.md).
    static let asOf = Day(iso: "2026-11-20")!

    static let pipeline: Pipeline = {
        let configuration = try! PipelineConfiguration.load(mappingsDirectory: mappings, asOf: asOf)
        return Pipeline(configuration: configuration)
    }()

    static let quietLogger: Logger = {
        var logger = Logger(label: "intake.tests", factory: { _ in SwiftLogNoOpLogHandler() })
        logger.logLevel = .critical
        return logger
    }()

    /// Every document of a folder that has a truth file beside it.
    static func documents(in folder: URL) -> [URL] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        return names.filter { $0.hasSuffix(".truth.json") }.sorted()
            .map { folder.appendingPathComponent(String($0.dropLast(".truth.json".count))) }
    }

    /// The expected records of a document: one, or a list for an e-mail.
    static func truth(for document: URL) throws -> [JSONValue] {
        let data = try Data(contentsOf: URL(fileURLWithPath: document.path + ".truth.json"))
        let json = try JSONDecoder().decode(JSONValue.self, from: data)
        if case .array(let list) = json { return list }
        return [json]
    }
}

/// Any JSON value, keeping booleans apart from numbers.
enum JSONValue: Decodable, Equatable {
    case null, bool(Bool), number(Double), string(String), array([JSONValue]), object([String: JSONValue])

    init(from decoder: any Decoder) throws {
        let c = try decoder.singleValueContainer()
        if c.decodeNil() { self = .null }
        else if let b = try? c.decode(Bool.self) { self = .bool(b) }
        else if let n = try? c.decode(Double.self) { self = .number(n) }
        else if let s = try? c.decode(String.self) { self = .string(s) }
        else if let a = try? c.decode([JSONValue].self) { self = .array(a) }
        else { self = .object(try c.decode([String: JSONValue].self)) }
    }

    subscript(key: String) -> JSONValue? {
        if case .object(let o) = self { return o[key] } else { return nil }
    }

    var string: String? { if case .string(let s) = self { s } else { nil } }
    var object: [String: JSONValue] { if case .object(let o) = self { o } else { [:] } }
    var strings: [String]? {
        guard case .array(let items) = self else { return nil }
        return items.compactMap(\.string)
    }

    /// A canonical text form: whitespace in strings collapsed, object keys sorted.
    var normalised: String {
        switch self {
        case .null: "null"
        case .bool(let b): b ? "true" : "false"
        case .number(let n): n == n.rounded() ? String(Int(n)) : String(n)
        case .string(let s): "\"" + s.split(whereSeparator: \.isWhitespace).joined(separator: " ") + "\""
        case .array(let items): "[" + items.map(\.normalised).joined(separator: ",") + "]"
        case .object(let o): "{" + o.keys.sorted().map { "\($0):\(o[$0]!.normalised)" }.joined(separator: ",") + "}"
        }
    }
}

/// Compares one record with its truth by the conventions of shared/forms/filled/README.md:
/// text compared with whitespace collapsed, an absent signature read as not present,
/// `accept` alternatives allowed, findings compared as sets of codes (or `findings_alt`).
enum TruthComparison {
    /// One record against its truth: which field keys were compared and which were wrong,
    /// and the finding codes found and wanted.
    struct Outcome {
        var keys: [String] = []
        var wrong: [String] = []
        var found: Set<String> = []
        var wanted: Set<String> = []
        var findingsMatch: Bool { found == wanted }
    }

    static func differences(record: CaseRecord, truth: JSONValue) throws -> [String] {
        let outcome = try compare(record: record, truth: truth)
        var problems: [String] = []
        let expectedKind = truth["kind"]?.string
        if record.kind != expectedKind { problems.append("kind: got \(record.kind ?? "null"), want \(expectedKind ?? "null")") }
        problems += outcome.wrong
        if !outcome.findingsMatch {
            problems.append("findings: got \(outcome.found.sorted()), want \(outcome.wanted.sorted())")
        }
        return problems
    }

    static func compare(record: CaseRecord, truth: JSONValue) throws -> Outcome {
        var outcome = Outcome()
        let encoded = try JSONDecoder().decode(JSONValue.self, from: JSONEncoder().encode(record.fields)).object
        let expected = truth["fields"]?.object ?? [:]
        let accept = truth["accept"]?.object ?? [:]
        let unsigned = JSONValue.object(["present": .bool(false), "kind": .string("none")]).normalised
        for key in Set(encoded.keys).union(expected.keys).sorted() {
            let got = encoded[key]?.normalised
            let want = expected[key]?.normalised
            if key.hasSuffix("signature"), (got ?? unsigned) == (want ?? unsigned) {
                if got != nil || want != nil { outcome.keys.append(key) }
                continue
            }
            outcome.keys.append(key)
            if got == want { continue }
            if let alternative = accept[key] {
                var options = [alternative.normalised]
                if case .array(let items) = alternative { options += items.map(\.normalised) }
                if let got, options.contains(got) { continue }
            }
            outcome.wrong.append("\(key): got \(got ?? "absent"), want \(want ?? "absent")")
        }
        // The truth files predate `low-confidence-field`, a warning to confirm a value: the
        // values it names are compared above like any other.
        outcome.found = Set(record.findings.map(\.code.rawValue)).subtracting([FindingCode.lowConfidenceField.rawValue])
        outcome.wanted = Set(truth["findings"]?.strings ?? [])
        if let alternative = truth["findings_alt"]?.strings.map(Set.init), outcome.found == alternative {
            outcome.wanted = alternative
        }
        return outcome
    }
}
