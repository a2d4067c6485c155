import Foundation
import IntakePipeline
import IntakeRecord
import Testing

/// Runs the whole pipeline over every document that has a truth file, and compares each
/// record with it field by field and finding by finding.
@Suite struct TruthCorpusTests {
    @Test("shared/forms/filled: every record matches its truth", arguments: Corpus.documents(in: Corpus.filled))
    func filledForm(_ document: URL) throws {
        try check(document)
    }

    @Test("samples/: every record matches its truth", arguments: Corpus.documents(in: Corpus.samples))
    func sample(_ document: URL) throws {
        try check(document)
    }

    @Test func bothCorporaArePresent() {
        #expect(Corpus.documents(in: Corpus.filled).count >= 17)
        #expect(Corpus.documents(in: Corpus.samples).count >= 30)
    }

    private func check(_ document: URL) throws {
        let records = Corpus.pipeline.process(fileAt: document, displayPath: document.lastPathComponent, logger: Corpus.quietLogger)
        let truths = try Corpus.truth(for: document)
        try #require(records.count == truths.count, "\(document.lastPathComponent): \(records.count) records, truth has \(truths.count)")
        for (record, truth) in zip(records, truths) {
            let problems = try TruthComparison.differences(record: record, truth: truth)
            #expect(problems.isEmpty, "\(document.lastPathComponent): \(problems.joined(separator: "; "))")
            let expectedStatus: RecordStatus = record.kind == nil ? .rejected
                : record.findings.contains { $0.severity == .error } ? .needsAttention : .accepted
            #expect(record.status == expectedStatus)
        }
    }
}
