import Foundation
import IntakeDocument
import IntakeExtraction
import IntakeReaders
import IntakeRecord
import IntakeTestSupport
import Testing

/// The three real policy documents in shared/forms/filled, read by the real readers, against
/// the `policy.*` fields of their truth files.
@Suite struct PolicyTruthTests {
    static let filled = TestPaths.filled

    struct Truth: Decodable {
        let fields: [String: FieldValue]
    }

    @Test(arguments: ["bolton-policy.pdf", "coventry-policy.docx", "south-gloucestershire-policy.docx"])
    func matchesTruth(_ name: String) throws {
        let url = Self.filled.appending(path: name)
        let document = try DocumentReader().read(Data(contentsOf: url), fileName: name)
        let truth = try JSONDecoder().decode(Truth.self, from: Data(contentsOf: url.appendingPathExtension("truth.json")))
        let fields = PolicyExtractor.extract(document: document).fields
        let expected = truth.fields.filter { $0.key.hasPrefix("policy.") }
        #expect(Set(fields.keys) == Set(expected.keys))
        for (key, value) in expected {
            #expect(fields[key] == value, "\(name) \(key)")
        }
    }
}
