import Foundation
import IntakePipeline
import IntakeRecord
import Testing

/// Field accuracy and findings precision and recall on corpora the mappings were never
/// written from (corpus/, made by tools/make_variants.py). `corpus/dev` and `corpus/dev2` may
/// be studied while tuning; `corpus/unseen` is only ever measured. The floors are today's figures less a
/// little, so that a change that makes extraction generalise worse fails here; the README
/// gives the figures themselves.
@Suite struct GeneralisationTests {
    struct Score: CustomStringConvertible {
        var fields = 0, rightFields = 0, truePositives = 0, falsePositives = 0, falseNegatives = 0
        var accuracy: Double { Double(rightFields) / Double(max(fields, 1)) }
        var precision: Double { Double(truePositives) / Double(max(truePositives + falsePositives, 1)) }
        var recall: Double { Double(truePositives) / Double(max(truePositives + falseNegatives, 1)) }
        var description: String {
            String(format: "fields %.1f %% (%d/%d), findings precision %.1f %%, recall %.1f %%",
                   100 * accuracy, rightFields, fields, 100 * precision, 100 * recall)
        }
    }

    static func score(_ folder: String) throws -> Score {
        let directory = Corpus.packageRoot.appendingPathComponent(folder)
        var score = Score()
        let documents = Corpus.documents(in: directory)
        try #require(documents.count >= 100, "\(folder) holds \(documents.count) documents")
        for document in documents {
            let records = Corpus.pipeline.process(fileAt: document, displayPath: document.lastPathComponent, logger: Corpus.quietLogger)
            for (record, truth) in zip(records, try Corpus.truth(for: document)) {
                let outcome = try TruthComparison.compare(record: record, truth: truth)
                score.fields += outcome.keys.count
                score.rightFields += outcome.keys.count - outcome.wrong.count
                score.truePositives += outcome.found.intersection(outcome.wanted).count
                score.falsePositives += outcome.found.subtracting(outcome.wanted).count
                score.falseNegatives += outcome.wanted.subtracting(outcome.found).count
            }
        }
        return score
    }

    /// A corpus and the least it must score: field accuracy, findings precision and recall.
    struct Floor: Sendable, CustomStringConvertible {
        var folder: String
        var accuracy: Double, precision: Double, recall: Double
        var description: String { folder }
    }

    static let floors = [
        Floor(folder: "corpus/unseen", accuracy: 0.99, precision: 0.96, recall: 0.98),
        Floor(folder: "corpus/dev", accuracy: 0.995, precision: 0.98, recall: 0.99),
        Floor(folder: "corpus/dev2", accuracy: 0.985, precision: 0.96, recall: 0.98),
    ]

    @Test("wordings the mappings never saw are read", arguments: floors)
    func corpusIsRead(_ floor: Floor) throws {
        let score = try Self.score(floor.folder)
        print("\(floor.folder): \(score)")
        #expect(score.accuracy >= floor.accuracy, "\(score)")
        #expect(score.precision >= floor.precision, "\(score)")
        #expect(score.recall >= floor.recall, "\(score)")
    }
}
