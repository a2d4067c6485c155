import Foundation

/// What a form's label matching found for a text, kept for the whole run and shared by every
/// document of the form, on every thread: a form's printed labels and headings recur in every
/// submission, and working them out again for each document was a tenth of all CPU.
///
/// Only answers that depend on the text alone (and the form) are kept (``LabelMatcher`` keeps the rest per
/// document), so what a document gets cannot depend on which documents came before it. Memory
/// stays bounded: texts longer than ``maxTextBytes`` are not kept (they are values, not
/// labels), and a table that holds ``maxEntries`` takes no more.
final class SharedLabelResults: @unchecked Sendable {
    static let maxTextBytes = 200
    static let maxEntries = 8_192

    struct SectionKey: Hashable {
        var text: String
        var heading: Bool
    }

    // Guarded by `lock`.
    private var sections: [SectionKey: String?] = [:]
    private var boundaries: [String: Bool] = [:]
    private var words: [String: Set<String>] = [:]
    private var normalized: [String: String] = [:]
    private let lock = NSLock()

    func section(_ key: SectionKey, orFind find: () -> String?) -> String? {
        remembered(key, key.text, in: \.sections, orFind: find)
    }

    func isBoundary(_ text: String, orFind find: () -> Bool) -> Bool {
        remembered(text, text, in: \.boundaries, orFind: find)
    }

    func words(_ text: String, orFind find: () -> Set<String>) -> Set<String> {
        remembered(text, text, in: \.words, orFind: find)
    }

    func normalized(_ text: String, orFind find: () -> String) -> String {
        remembered(text, text, in: \.normalized, orFind: find)
    }

    /// The kept answer, or `find`'s (run outside the lock, so threads wait only on look-ups).
    private func remembered<Key: Hashable, Value>(_ key: Key, _ text: String,
                                                   in table: ReferenceWritableKeyPath<SharedLabelResults, [Key: Value]>,
                                                   orFind find: () -> Value) -> Value {
        guard text.utf8.count <= Self.maxTextBytes else { return find() }
        if let known = lock.withLock({ self[keyPath: table][key] }) { return known }
        let found = find()
        lock.withLock {
            if self[keyPath: table].count < Self.maxEntries { self[keyPath: table][key] = found }
        }
        return found
    }
}
