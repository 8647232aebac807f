import Testing
@testable import TrappeBase
@testable import TrappeStorage
@testable import TrappeIO

/// What a shown result keeps of its suppression (item 6): hidden cells become NULL, and the
/// mask can be carried to the same rows in other columns.
@Suite struct SuppressionMaskNullsTests {
  /// Counts 0, 1, 7 and 3 with a ratio built on them: rows 1 and 3 are hidden below 5.
  let table = Table([
    ("navn", .string(StringColumn(["a", "b", "c", "d"]))),
    ("n", .int64(Int64Column([0, 1, 7, 3]))),
    ("andel", .double(DoubleColumn([0, 0.5, 0.7, 0.25]))),
  ])
  let roles: [CountRole] = [.plain, .count, .derived(inputs: [1], complete: true)]

  @Test func hiddenCellsBecomeNullAndTheirNumbersAreGone() {
    let mask = SuppressionMask(table: table, roles: roles, below: 5)
    let nulled = mask.nulling(table)
    #expect((0..<4).map { nulled.columns[1].value(at: $0) } == [.int64(0), .null, .int64(7), .null])
    #expect((0..<4).map { nulled.columns[2].value(at: $0) } == [.double(0), .null, .double(0.7), .null])
    // Plain columns keep every value.
    #expect(nulled.columns[0] == table.columns[0])
    // Not only marked invalid: the stored numbers are overwritten.
    if case .int64(let n) = nulled.columns[1] {
      #expect(n.widenedValues() == [0, 0, 7, 0])
    } else {
      Issue.record("n is not an int column")
    }
  }

  @Test func nothingHiddenLeavesTheTable() {
    #expect(SuppressionMask().nulling(table) == table)
  }

  @Test func anEarlierMaskIsKeptWhenSuppressionIsOff() {
    let earlier = SuppressionMask(table: table, roles: roles, below: 5)
    let now = SuppressionMask()  // .suppress off
    let merged = now.merging(earlier)
    #expect(merged.cellCount == 4)
    #expect(merged.placeholder == "<5")
  }

  @Test func selectingFollowsTheColumns() {
    let mask = SuppressionMask(table: table, roles: roles, below: 5)
    // select andel, navn: output 0 is column 2, output 1 is column 0.
    let selected = mask.selecting(columns: [2, 0])
    #expect((0..<4).filter { selected.isSuppressed(column: 0, row: $0) } == [1, 3])
    #expect((0..<4).allSatisfy { !selected.isSuppressed(column: 1, row: $0) })
  }
}
