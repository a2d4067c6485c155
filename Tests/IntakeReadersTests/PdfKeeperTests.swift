import Foundation
import Testing
import IntakeDocument
@testable import IntakeReaders

/// The document kept open so poppler's global parameters live for the whole run must be a
/// PDF that needs no repair: a damaged one would fail to open and keep nothing alive.
@Suite struct PdfKeeperTests {
    @Test func theKeptDocumentIsAWellFormedOnePagePDF() throws {
        let data = Data(PopplerDocumentHandle.minimalPDF.utf8)
        let handle = try PopplerDocumentHandle(data: data)
        #expect(handle.pageCount == 1)
        // qpdf checks the cross-reference offsets byte for byte (poppler would repair them quietly).
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("keeper-\(UUID().uuidString).pdf")
        try data.write(to: url)
        defer { try? FileManager.default.removeItem(at: url) }
        let qpdf = Process()
        qpdf.executableURL = URL(fileURLWithPath: "/usr/bin/qpdf")
        qpdf.arguments = ["--check", url.path]
        qpdf.standardOutput = FileHandle.nullDevice
        try qpdf.run()
        qpdf.waitUntilExit()
        #expect(qpdf.terminationStatus == 0)
    }
}
