import Testing
@testable import TrappeBase
@testable import TrappeStorage
@testable import TrappeIO

/// Secondary suppression (SuppressionMask+Secondary.swift), worked by hand.
@Suite struct SecondarySuppressionTests {
  /// A 3 × 2 table with a row total (i_alt = mænd + kvinder) and a total row ("i alt" = a + b + c):
  ///
  ///     navn   mænd kvinder i_alt
  ///     a         3      10    13
  ///     b        20       7    27
  ///     c        12      15    27
  ///     i alt    35      32    67
  let table = Table([
    ("navn", .string(StringColumn(["a", "b", "c", "i alt"]))),
    ("mænd", .int64(Int64Column([3, 20, 12, 35]))),
    ("kvinder", .int64(Int64Column([10, 7, 15, 32]))),
    ("i_alt", .int64(Int64Column([13, 27, 27, 67]))),
  ])
  let roles: [CountRole] = [.plain, .count, .count, .count]

  @Test func theTotalsAreFound() {
    let lines = SuppressionMask.totalLines(table, roles: roles)
    // 4 row lines (i_alt = mænd + kvinder on every row) and 3 column lines (row 3 sums rows 0–2).
    #expect(lines.count == 7)
    #expect(lines.filter { $0.total.column == 3 && $0.total.row < 3 }.count == 3)
    #expect(lines.filter { $0.total.row == 3 }.count == 4)
  }

  @Test func aHiddenCountCannotBeWorkedOutFromTheTotals() {
    let mask = SuppressionMask(table: table, roles: roles, below: 5)
    // Primary: mænd a = 3. By hand, in the order of the lines:
    // row a {13; 3*, 10} → hide kvinder a (10 < 13); column mænd {35; 3*, 20, 12} → hide mænd c (12);
    // column kvinder {32; 10*, 7, 15} → hide kvinder b (7); then row b {27; 20, 7*} → hide mænd b (20);
    // row c {27; 12*, 15} → hide kvinder c (15). Every line then has 0 or at least 2 hidden cells.
    #expect((0..<4).filter { mask.isSuppressed(column: 1, row: $0) } == [0, 1, 2])
    #expect((0..<4).filter { mask.isSuppressed(column: 2, row: $0) } == [0, 1, 2])
    #expect((0..<4).filter { mask.isSuppressed(column: 3, row: $0) } == [])
    #expect(mask.secondaryCount == 5)
    #expect(mask.placeholder(column: 1, row: 0) == "<5")
    #expect(mask.placeholder(column: 1, row: 2) == "x")
    #expect(mask.footer(names: ["navn", "mænd", "kvinder", "i_alt"]) == [
      "Suppressed: counts below 5 and the ratios built on them (1 cell)",
      "Also hidden as x: 5 cells so that a total in this table cannot give a hidden count back (secondary suppression)",
    ])
  }

  @Test func withoutTotalsNothingMoreIsHidden() {
    // The same cells without the total column and row: no line, so only the small count is hidden.
    let plain = Table([
      ("navn", .string(StringColumn(["a", "b", "c"]))),
      ("mænd", .int64(Int64Column([3, 20, 12]))),
      ("kvinder", .int64(Int64Column([10, 7, 15]))),
    ])
    let mask = SuppressionMask(table: plain, roles: [.plain, .count, .count], below: 5)
    #expect(SuppressionMask.totalLines(plain, roles: [.plain, .count, .count]).isEmpty)
    #expect(mask.cellCount == 1)
    #expect(mask.secondaryCount == 0)
  }

  @Test func aRatioOnASecondaryCellIsHiddenAsSecondary() {
    // andel = 100 · mænd / i_alt reads columns 1 and 3: hidden in rows 0–2 (mænd is hidden there),
    // as <5 in row 0 (the small count) and as x in rows 1 and 2 (only secondary counts).
    let withRatio = Table(table.schema.names.indices.map { (table.schema.names[$0], table.columns[$0]) }
      + [("andel", .double(DoubleColumn([23.1, 74.1, 44.4, 52.2])))])
    let mask = SuppressionMask(
      table: withRatio, roles: roles + [.derived(inputs: [1, 3], complete: true)], below: 5)
    #expect((0..<4).filter { mask.isSuppressed(column: 4, row: $0) } == [0, 1, 2])
    #expect(mask.placeholder(column: 4, row: 0) == "<5")
    #expect(mask.placeholder(column: 4, row: 1) == "x")
  }
}
