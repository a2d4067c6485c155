/// A set of label words as ids into one form's vocabulary (``FormLabels/vocabulary``), kept
/// sorted. Matching compares every text with dozens of wordings: as `Set<String>` each
/// intersection hashed every word again and allocated a set; here it is a merge of two short
/// integer arrays.
struct WordSet: Equatable, Sendable {
    private(set) var ids: [Int32]

    init() { ids = [] }

    init<Ids: Sequence>(_ ids: Ids) where Ids.Element == Int32 {
        var sorted = Array(ids)
        sorted.sort()
        var unique: [Int32] = []
        unique.reserveCapacity(sorted.count)
        for id in sorted where unique.last != id { unique.append(id) }
        self.ids = unique
    }

    private init(sortedUnique: [Int32]) { ids = sortedUnique }

    var count: Int { ids.count }
    var isEmpty: Bool { ids.isEmpty }

    /// Calls `body` with each id the two sets share, in order.
    func forEachCommon(with other: WordSet, _ body: (Int32) -> Void) {
        var i = 0, j = 0
        while i < ids.count, j < other.ids.count {
            let a = ids[i], b = other.ids[j]
            if a == b { body(a); i += 1; j += 1 } else if a < b { i += 1 } else { j += 1 }
        }
    }

    func intersectionCount(_ other: WordSet) -> Int {
        var count = 0
        forEachCommon(with: other) { _ in count += 1 }
        return count
    }

    func isDisjoint(with other: WordSet) -> Bool {
        var i = 0, j = 0
        while i < ids.count, j < other.ids.count {
            let a = ids[i], b = other.ids[j]
            if a == b { return false }
            if a < b { i += 1 } else { j += 1 }
        }
        return true
    }

    func isSubset(of other: WordSet) -> Bool {
        guard count <= other.count else { return false }
        return intersectionCount(other) == count
    }

    func union(_ other: WordSet) -> WordSet {
        var out: [Int32] = []
        out.reserveCapacity(ids.count + other.ids.count)
        var i = 0, j = 0
        while i < ids.count || j < other.ids.count {
            if j == other.ids.count || (i < ids.count && ids[i] < other.ids[j]) { out.append(ids[i]); i += 1 }
            else if i == ids.count || other.ids[j] < ids[i] { out.append(other.ids[j]); j += 1 }
            else { out.append(ids[i]); i += 1; j += 1 }
        }
        return WordSet(sortedUnique: out)
    }

    mutating func formUnion(_ other: WordSet) { self = union(other) }

    func subtracting(_ other: WordSet) -> WordSet {
        var out: [Int32] = []
        var j = 0
        for id in ids {
            while j < other.ids.count, other.ids[j] < id { j += 1 }
            if j < other.ids.count, other.ids[j] == id { continue }
            out.append(id)
        }
        return WordSet(sortedUnique: out)
    }
}
