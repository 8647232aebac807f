import Testing
@testable import TrappeBase
@testable import TrappeStorage
@testable import TrappeIO
@testable import TrappeQuery
@testable import TrappeAnalysis
@testable import TrappeCharts
@testable import TrappeDatasets
@testable import TrappeShell

@Test func cellFormatterSpellsEveryType() {
  var ints = PrimitiveColumnBuilder<Int64>(placeholder: 0)
  ints.append(12345)
  ints.appendNull()
  let danish = CellFormatter(locale: .danish)
  let plain = CellFormatter()
  #expect(danish.format(.int64(ints.finish()), rows: [0, 1]) == ["12.345", nil])
  #expect(plain.format(.int64(ints.finish()), row: 0) == "12345")
  #expect(danish.format(.double(DoubleColumn([0.5])), row: 0) == "0,5")
  #expect(plain.format(.bool(BoolColumn([true, false])), rows: [1, 0]) == ["false", "true"])
  var periods = PeriodColumnBuilder(unit: .quarter)
  periods.append(.quarter(2008, 3))
  periods.appendNull()
  #expect(plain.format(.period(periods.finish()), rows: [0, 1]) == ["2008Q3", nil])
  #expect(plain.format(.string(StringColumn(["a", nil])), rows: [0, 1]) == ["a", nil])
}

@Test func cellFormatterEscapesControlCharacters() {
  let column = Column.string(StringColumn(["two\nlines", "tab\there", "cr\r\nlf", "bell\u{7}", "plain æøå"]))
  let texts = CellFormatter().format(column, rows: [0, 1, 2, 3, 4])
  #expect(texts == ["two\\nlines", "tab\\there", "cr\\r\\nlf", "bell\\u{7}", "plain æøå"])
}
