import Foundation
import IntakePipeline
import Testing
@testable import IntakeExtraction

/// Label answers are kept for the run and shared by every document of a form, so a record
/// must not depend on which documents were read before it, or on how many threads read them.
@Suite struct SharedLabelResultsTests {
    @Test func recordsAreTheSameWhateverWasReadBefore() throws {
        let folder = Corpus.packageRoot.appendingPathComponent("corpus/dev")
        let files = try FileManager.default.contentsOfDirectory(atPath: folder.path)
            .filter { $0.hasSuffix(".docx") || $0.hasSuffix(".pdf") }.sorted().prefix(40)
        #expect(files.count == 40)
        func fresh() throws -> Pipeline {
            Pipeline(configuration: try PipelineConfiguration.load(mappingsDirectory: Corpus.mappings, asOf: Corpus.asOf))
        }
        @Sendable func lines(_ pipeline: Pipeline, _ name: String) throws -> [Data] {
            let data = try Data(contentsOf: folder.appendingPathComponent(name))
            return try pipeline.process(data: data, displayPath: name, receivedAt: "2026-11-20T09:00:00Z", logger: Corpus.quietLogger)
                .map { try $0.jsonLine() }
        }
        let forwards = try fresh(), backwards = try fresh()
        var expected: [String: [Data]] = [:]
        for name in files { expected[name] = try lines(forwards, name) }
        // The second pipeline meets each file after all the others, from two threads at once.
        let reversed = Array(files.reversed())
        let halves = [Array(reversed.enumerated().filter { $0.offset % 2 == 0 }.map(\.element)),
                      Array(reversed.enumerated().filter { $0.offset % 2 == 1 }.map(\.element))]
        let results = Mutexed<[String: [Data]]>([:])
        DispatchQueue.concurrentPerform(iterations: 2) { half in
            for name in halves[half] {
                let got = (try? lines(backwards, name)) ?? []
                results.update { $0[name] = got }
            }
        }
        for name in files { #expect(results.value[name] == expected[name], "\(name)") }
    }

    @Test func longTextsAreNotKeptAndTablesStopGrowingWhenFull() {
        let results = SharedLabelResults()
        var finds = 0
        func ask(_ text: String) -> Bool { results.isBoundary(text) { finds += 1; return true } }
        _ = ask("Child's name")
        _ = ask("Child's name")
        #expect(finds == 1)
        let long = String(repeating: "a", count: SharedLabelResults.maxTextBytes + 1)
        _ = ask(long)
        _ = ask(long)
        #expect(finds == 3)
        for index in 0..<(SharedLabelResults.maxEntries + 10) { _ = ask("label \(index)") }
        finds = 0
        _ = ask("label \(SharedLabelResults.maxEntries + 5)")
        _ = ask("label 5")
        #expect(finds == 1)
    }
}

/// A value several threads update, for collecting results in a test.
final class Mutexed<Value>: @unchecked Sendable {
    private var stored: Value
    private let lock = NSLock()
    init(_ value: Value) { stored = value }
    var value: Value { lock.withLock { stored } }
    func update(_ body: (inout Value) -> Void) { lock.withLock { body(&stored) } }
}
