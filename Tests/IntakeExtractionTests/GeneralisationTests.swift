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

    @Test func wordingsTheMappingsNeverSawAreRead() throws {
        let score = try Self.score("corpus/unseen")
        print("corpus/unseen: \(score)")
        #expect(score.accuracy >= Floors.unseenAccuracy, "\(score)")
        #expect(score.precision >= Floors.unseenPrecision, "\(score)")
        #expect(score.recall >= Floors.unseenRecall, "\(score)")
    }

    @Test func theTuningCorpusIsRead() throws {
        let score = try Self.score("corpus/dev")
        print("corpus/dev: \(score)")
        #expect(score.accuracy >= Floors.devAccuracy, "\(score)")
        #expect(score.precision >= Floors.devPrecision, "\(score)")
        #expect(score.recall >= Floors.devRecall, "\(score)")
    }

    @Test func theSecondTuningCorpusIsRead() throws {
        let score = try Self.score("corpus/dev2")
        print("corpus/dev2: \(score)")
        #expect(score.accuracy >= Floors.dev2Accuracy, "\(score)")
        #expect(score.precision >= Floors.dev2Precision, "\(score)")
        #expect(score.recall >= Floors.dev2Recall, "\(score)")
    }

    enum Floors {
        static let dev2Accuracy = 0.92, dev2Precision = 0.64, dev2Recall = 0.95
        static let unseenAccuracy = 0.95, unseenPrecision = 0.74, unseenRecall = 0.93
        static let devAccuracy = 0.97, devPrecision = 0.88, devRecall = 0.97
    }
}
