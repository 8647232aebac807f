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
  let layout = BoxLayout.fit(natural: [4, 10, 8], minimum: 6, maxWidth: 80)
  #expect(layout.slots == [.column(0), .column(1), .column(2)])
  #expect(layout.widths == [4, 10, 8])
  #expect(layout.totalWidth == 32)
}

@Test func layoutTruncatesWidestColumnsBeforeEliding() {
  let layout = BoxLayout.fit(natural: [4, 30, 30], minimum: 6, maxWidth: 40)
  #expect(layout.slots == [.column(0), .column(1), .column(2)])
  #expect(layout.widths == [4, 13, 13])
  #expect(layout.totalWidth == 40)
}

@Test func layoutElidesMiddleColumnsKeepingFirstAndLast() {
  let layout = BoxLayout.fit(natural: [Int](repeating: 10, count: 15), minimum: 6, maxWidth: 40)
  #expect(layout.slots == [.column(0), .column(1), .ellipsis, .column(14)])
  #expect(layout.totalWidth <= 40)
}
