import Testing
@testable import TrappeBase
@testable import TrappeStorage
@testable import TrappeIO
@testable import TrappeQuery
@testable import TrappeAnalysis
@testable import TrappeCharts
@testable import TrappeDatasets
@testable import TrappeShell

@Test func layoutKeepsNaturalWidthsWhenTheyFit() {
  let layout = BoxLayout.fit(natural: [4, 10, 8], floors: [4, 6, 6], hideOrder: [2, 1], maxWidth: 80)
  #expect(layout.slots == [.column(0), .column(1), .column(2)])
  #expect(layout.widths == [4, 10, 8])
  #expect(layout.totalWidth == 32)
}

@Test func layoutShortensTextDownToItsFloorsBeforeHiding() {
  let layout = BoxLayout.fit(natural: [4, 30, 30], floors: [4, 6, 6], hideOrder: [2, 1], maxWidth: 40)
  #expect(layout.slots == [.column(0), .column(1), .column(2)])
  #expect(layout.widths == [4, 13, 13])
  #expect(layout.totalWidth == 40)
}

@Test func layoutHidesColumnsInTheGivenOrderAndNeverTheKey() {
  // Ten whole columns of 10 (numbers: floor = natural) in 40 columns: 3 fit (3 × 13 + 1).
  let natural = [Int](repeating: 10, count: 10)
  let layout = BoxLayout.fit(natural: natural, floors: natural, hideOrder: [9, 8, 7, 6, 5, 4, 3, 0, 1], maxWidth: 40)
  #expect(layout.shownColumns == [0, 1, 2])
  #expect(layout.widths == [10, 10, 10])
  // The key (column 2 here, not in hideOrder) outlives columns hidden before it.
  let keyed = BoxLayout.fit(natural: natural, floors: natural, hideOrder: [0, 1, 3, 4, 5, 6, 7, 8, 9], maxWidth: 40)
  #expect(keyed.shownColumns == [2, 8, 9])
  #expect(keyed.shownColumns.contains(2))
  #expect(keyed.totalWidth <= 40)
}

@Test func layoutCutsTheLastColumnOnlyWhenNothingIsLeftToHide() {
  let layout = BoxLayout.fit(natural: [30], floors: [30], hideOrder: [], maxWidth: 20)
  #expect(layout.shownColumns == [0])
  #expect(layout.totalWidth == 20)
}
