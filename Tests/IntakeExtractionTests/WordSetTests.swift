import Testing
@testable import IntakeExtraction

/// `WordSet` stands in for `Set<String>` in label matching: every operation must agree with
/// `Set`'s on the same ids.
@Suite struct WordSetTests {
    /// Deterministic small sets with overlaps, repeats, empties and one-sided extremes.
    static let samples: [[Int32]] = {
        var sets: [[Int32]] = [[], [0], [5], [0, 5, 9], [9, 5, 0, 5], [1, 2, 3, 4, 5, 6, 7, 8], [2, 4, 6, 8, 100], [100, 2_000_000]]
        var seed: UInt32 = 7
        for _ in 0..<40 {
            sets.append((0..<Int(seed % 9)).map { _ in
                seed = seed &* 1_103_515_245 &+ 12_345
                return Int32((seed >> 16) % 20)
            })
        }
        return sets
    }()

    @Test func everyOperationAgreesWithSet() {
        for a in Self.samples {
            for b in Self.samples {
                let (x, y) = (WordSet(a), WordSet(b))
                let (p, q) = (Set(a), Set(b))
                #expect(x.ids == p.sorted())
                #expect(x.count == p.count && x.isEmpty == p.isEmpty)
                #expect(x.intersectionCount(y) == p.intersection(q).count)
                #expect(x.isDisjoint(with: y) == p.isDisjoint(with: q))
                #expect(x.isSubset(of: y) == p.isSubset(of: q))
                #expect(x.union(y).ids == p.union(q).sorted())
                #expect(x.subtracting(y).ids == p.subtracting(q).sorted())
                var common: [Int32] = []
                x.forEachCommon(with: y) { common.append($0) }
                #expect(common == p.intersection(q).sorted())
            }
        }
    }
}
