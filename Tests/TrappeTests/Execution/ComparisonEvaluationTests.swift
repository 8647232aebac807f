import Testing
@testable import TrappeStorage
@testable import TrappeIO
@testable import TrappeQuery
@testable import TrappeAnalysis
@testable import TrappeCharts
@testable import TrappeDatasets
@testable import TrappeShell

private typealias S = EvaluationTestSupport

@Suite struct ComparisonEvaluationTests {
  @Test func numbersCompareNumericallyWithNull() {
    let t = S.table(S.ints([1, 5, nil]), S.doubles([1.0, 4.5, 2]))
    #expect(S.run(.comparison(.less, S.col(0, .int64), S.int(3)), t) == [.bool(true), .bool(false), .null])
    #expect(S.run(.comparison(.greater, S.int(3), S.col(0, .int64)), t) == [.bool(true), .bool(false), .null])
    #expect(S.run(.comparison(.equal, S.col(0, .int64), S.col(1, .double)), t) == [.bool(true), .bool(false), .null])
    #expect(S.run(.comparison(.greaterOrEqual, S.col(1, .double), S.int(2)), t) == [.bool(false), .bool(true), .bool(true)])
    #expect(S.run(.comparison(.notEqual, S.col(0, .int64), S.null(.int64)), t) == [.null, .null, .null])
    #expect(S.run(.comparison(.lessOrEqual, S.col(0, .int64), S.dbl(1.0)), t) == [.bool(true), .bool(false), .null])
  }

  @Test func stringEqualityUsesDictionaryCodes() {
    let t = S.table(S.strings(["Aarhus", "Gladsaxe", nil, "Aarhus"]))
    #expect(S.run(.comparison(.equal, S.col(0, .string), S.str("Aarhus")), t) == [.bool(true), .bool(false), .null, .bool(true)])
    // Absent from the dictionary: false (NULL where the row is NULL).
    #expect(S.run(.comparison(.equal, S.col(0, .string), S.str("Odense")), t) == [.bool(false), .bool(false), .null, .bool(false)])
    #expect(S.run(.comparison(.notEqual, S.col(0, .string), S.str("Odense")), t) == [.bool(true), .bool(true), .null, .bool(true)])
    #expect(S.run(.comparison(.less, S.col(0, .string), S.str("B")), t) == [.bool(true), .bool(false), .null, .bool(true)])
    #expect(S.run(.comparison(.greater, S.str("B"), S.col(0, .string)), t) == [.bool(true), .bool(false), .null, .bool(true)])
  }

  @Test func stringColumnsWithDifferentDictionaries() {
    let t = S.table(S.strings(["a", "b", "c", nil]), S.strings(["c", "b", "x", "a"]))
    #expect(S.run(.comparison(.equal, S.col(0, .string), S.col(1, .string)), t) == [.bool(false), .bool(true), .bool(false), .null])
    #expect(S.run(.comparison(.less, S.col(0, .string), S.col(1, .string)), t) == [.bool(true), .bool(false), .bool(true), .null])
    #expect(S.run(.comparison(.greaterOrEqual, S.col(0, .string), S.col(0, .string)), t) == [.bool(true), .bool(true), .bool(true), .null])
  }

  @Test func stringOrderingIsDanishLikeSort() {
    // By hand, Danish order (DanishCollation: letters regardless of case and accent, then upper
    // case first; æ, ø, å after z; aa is two a's). Byte order would say "a" > "B", "æ" < "z"
    // wrongly for Danish, and "Aabenraa" < "Ærø" the same; row 4 is NULL.
    let t = S.table(S.strings(["a", "Ærø", "Aabenraa", "z", nil, "Århus"]))
    // < "B": "a" (a < b), not Ærø (æ > b), "Aabenraa", not z, NULL, not Århus.
    #expect(S.run(.comparison(.less, S.col(0, .string), S.str("B")), t)
      == [.bool(true), .bool(false), .bool(true), .bool(false), .null, .bool(false)])
    // >= "æ": Ærø (primary ærø > æ), not a, not Aabenraa, not z (z < æ), NULL, Århus (å > æ).
    #expect(S.run(.comparison(.greaterOrEqual, S.col(0, .string), S.str("æ")), t)
      == [.bool(false), .bool(true), .bool(false), .bool(false), .null, .bool(true)])
    // Case only breaks letter ties: "B" < "b" and "b" < "C"; a constant on the left flips.
    let cases = S.table(S.strings(["b", "B", "c"]))
    #expect(S.run(.comparison(.greater, S.col(0, .string), S.str("B")), cases) == [.bool(true), .bool(false), .bool(true)])
    #expect(S.run(.comparison(.lessOrEqual, S.str("b"), S.col(0, .string)), cases) == [.bool(true), .bool(false), .bool(true)])
    // Two columns with different dictionaries are ranked on one Danish scale:
    // "å" vs "z" (å after z), "Ø" vs "ø" (upper first), "aa" vs "ab" (two a's, a < b).
    let pairs = S.table(S.strings(["å", "Ø", "aa", nil]), S.strings(["z", "ø", "ab", "x"]))
    #expect(S.run(.comparison(.greater, S.col(0, .string), S.col(1, .string)), pairs)
      == [.bool(true), .bool(false), .bool(false), .null])
    #expect(S.run(.comparison(.less, S.col(0, .string), S.col(1, .string)), pairs)
      == [.bool(false), .bool(true), .bool(true), .null])
  }

  @Test func periodsAndBools() {
    let t = S.table(S.periods(.quarter, [.quarter(2008, 3), .quarter(2009, 1), nil]), S.bools([true, false, nil]))
    let q = BoundExpression.literal(.period(.quarter(2008, 4)), .period)
    #expect(S.run(.comparison(.greater, S.col(0, .period), q), t) == [.bool(false), .bool(true), .null])
    #expect(S.run(.comparison(.equal, S.col(0, .period), S.col(0, .period)), t) == [.bool(true), .bool(true), .null])
    #expect(S.run(.comparison(.equal, S.col(1, .bool), .literal(.bool(true), .bool)), t) == [.bool(true), .bool(false), .null])
    #expect(S.run(.comparison(.less, S.col(1, .bool), .literal(.bool(true), .bool)), t) == [.bool(false), .bool(true), .null])
  }

  @Test func inListOnNumbersStringsAndPeriods() {
    let t = S.table(S.ints([1, 2, nil, 4]), S.strings(["Aarhus", "Odense", "Vejle", nil]))
    let values: [Value] = [.int64(1), .int64(4)]
    #expect(S.run(.inList(S.col(0, .int64), values, negated: false), t) == [.bool(true), .bool(false), .null, .bool(true)])
    #expect(S.run(.inList(S.col(0, .int64), values, negated: true), t) == [.bool(false), .bool(true), .null, .bool(false)])
    let many = (0..<20).map { Value.int64(Int64($0 * 2)) }
    #expect(S.run(.inList(S.col(0, .int64), many, negated: false), t) == [.bool(false), .bool(true), .null, .bool(true)])
    let towns: [Value] = [.string("Vejle"), .string("Aarhus"), .string("Roskilde")]
    #expect(S.run(.inList(S.col(1, .string), towns, negated: false), t) == [.bool(true), .bool(false), .bool(true), .null])
    // SQL: no match and a NULL constant gives NULL.
    #expect(S.run(.inList(S.col(0, .int64), [.int64(1), .null], negated: false), t) == [.bool(true), .null, .null, .null])
    let p = S.table(S.periods(.year, [.year(2008), .year(2010)]))
    #expect(S.run(.inList(S.col(0, .period), [.period(.year(2010))], negated: false), p) == [.bool(false), .bool(true)])
  }

  @Test func selectionKeepsOnlyTrueRows() {
    let t = S.table(S.ints([5, nil, 1, 7, 3]))
    var w = EvaluationWarnings()
    let sel = ExpressionEvaluator.selection(.comparison(.greater, S.col(0, .int64), S.int(2)), on: t, warnings: &w)
    #expect(sel == [0, 3, 4])
    let none = ExpressionEvaluator.selection(.literal(.null, .bool), on: t, warnings: &w)
    #expect(none.isEmpty)
    let all = ExpressionEvaluator.selection(.literal(.bool(true), .bool), on: t, warnings: &w)
    #expect(all == [0, 1, 2, 3, 4])
  }
}
