import Foundation
import IntakeDocument
import IntakeReaders
import IntakeTestSupport
import Testing

extension DocxBuilder {
    static func read(_ body: String, limits: ReadLimits = .default) throws -> Document {
        try DocxReader(limits: limits).read(docx(body: body))
    }
}

/// Asserts that reading throws an ``IntakeError`` with this code.
func expectIntakeError(_ code: IntakeError.Code, sourceLocation: SourceLocation = #_sourceLocation, _ body: () throws -> Void) {
    do {
        try body()
        Issue.record("expected \(code), nothing was thrown", sourceLocation: sourceLocation)
    } catch let error as IntakeError {
        #expect(error.code == code, "got \(error)", sourceLocation: sourceLocation)
    } catch {
        Issue.record("expected \(code), got \(error)", sourceLocation: sourceLocation)
    }
}
