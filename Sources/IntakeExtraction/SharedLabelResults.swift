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

    private let sections = Table<SectionKey, String?>()
    private let boundaries = Table<String, Bool>()
    private let words = Table<String, Set<String>>()
    private let normalized = Table<String, String>()

    func section(_ key: SectionKey, orFind find: () -> String?) -> String? {
        sections.remembered(key, key.text, orFind: find)
    }

    func isBoundary(_ text: String, orFind find: () -> Bool) -> Bool {
        boundaries.remembered(text, text, orFind: find)
    }

    func words(_ text: String, orFind find: () -> Set<String>) -> Set<String> {
        words.remembered(text, text, orFind: find)
    }

    func normalized(_ text: String, orFind find: () -> String) -> String {
        normalized.remembered(text, text, orFind: find)
    }

    /// One kind of answer, with its own lock (a key path into one object's tables cost more
    /// than the look-up).
    private final class Table<Key: Hashable, Value>: @unchecked Sendable {
        // Guarded by `lock`.
        private var entries: [Key: Value] = [:]
        private let lock = NSLock()

        /// The kept answer, or `find`'s (run outside the lock, so threads wait only on look-ups).
        func remembered(_ key: Key, _ text: String, orFind find: () -> Value) -> Value {
            guard text.utf8.count <= SharedLabelResults.maxTextBytes else { return find() }
            if let known = lock.withLock({ entries[key] }) { return known }
            let found = find()
            lock.withLock {
                if entries.count < SharedLabelResults.maxEntries { entries[key] = found }
            }
            return found
        }
    }
}
