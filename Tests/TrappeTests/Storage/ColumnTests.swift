import Testing
@testable import TrappeBase
@testable import TrappeStorage
@testable import TrappeIO
@testable import TrappeQuery
@testable import TrappeAnalysis
@testable import TrappeCharts
@testable import TrappeDatasets
@testable import TrappeShell

@Suite struct ColumnTests {
  @Test func validityMaskStaysEmptyWithoutNulls() {
    var mask = ValidityMask(allValid: 0)
    for _ in 0..<100 { mask.append(true) }
    #expect(!mask.hasNulls)
    #expect(mask.byteCount == 0)
    #expect(mask.nullCount == 0)
  }

  @Test func validityMaskTracksNullsAcrossWordBoundaries() {
    var mask = ValidityMask(allValid: 0)
    for i in 0..<130 { mask.append(i % 64 != 63) }
    #expect(mask.hasNulls)
    #expect(mask.nullCount == 2)
    #expect(!mask.isValid(63))
    #expect(!mask.isValid(127))
    #expect(mask.isValid(128) && mask.isValid(129) && mask.isValid(0))
    mask.set(63, valid: true)
    #expect(mask.nullCount == 1)
  }

  @Test func materialisingLateKeepsEarlierRowsValid() {
    var mask = ValidityMask(allValid: 0)
    for _ in 0..<70 { mask.append(true) }
    mask.append(false)
    #expect(mask.count == 71)
    #expect((0..<70).allSatisfy { mask.isValid($0) })
    #expect(!mask.isValid(70))
  }

  @Test func stringColumnsShareDictionaryEntries() {
    let column = StringColumn(["Aarhus", "Gladsaxe", nil, "Aarhus", "Slagelse"])
    #expect(column.dictionary == ["Aarhus", "Gladsaxe", "Slagelse"])
    #expect(column.widenedCodes() == [0, 1, 0, 0, 2])
    #expect(column[2] == nil)
    #expect(column[3] == "Aarhus")
    #expect(column.validity.nullCount == 1)
  }

  @Test func tableChecksNothingButReportsShape() {
    let table = Table([
      ("kode", .int64(Int64Column([101, 147]))),
      ("navn", .string(StringColumn(["København", "Frederiksberg"]))),
    ])
    #expect(table.rowCount == 2)
    #expect(table.columnCount == 2)
    #expect(table.schema.names == ["kode", "navn"])
    #expect(table.column(named: "navn")?.value(at: 1) == .string("Frederiksberg"))
    #expect(table.column(named: "nope") == nil)
  }

  @Test func catalogKeepsInsertionOrderAndReplaces() {
    var catalog = Catalog()
    catalog.register(.given("b", table: .empty))
    catalog.register(.given("a", table: .empty))
    let replaced = catalog.register(.given("b", table: .empty))
    #expect(replaced)
    #expect(catalog.names == ["b", "a"])
    let removed = catalog.remove("b")
    let removedAgain = catalog.remove("b")
    #expect(removed && !removedAgain)
    #expect(catalog.names == ["a"])
  }

  @Test func summaryCountsNullsDistinctMinMaxAndExamples() {
    var ints = PrimitiveColumnBuilder<Int64>(placeholder: 0)
    for v: Int64? in [5, nil, 3, 5, 9, nil] {
      if let v { ints.append(v) } else { ints.appendNull() }
    }
    let summary = ColumnSummary(.int64(ints.finish()))
    #expect(summary.nullCount == 2)
    #expect(summary.distinctCount == 3)
    #expect(summary.minimum == .int64(3))
    #expect(summary.maximum == .int64(9))
    #expect(summary.examples == [.int64(5), .int64(3), .int64(9)])

    let strings = ColumnSummary(.string(StringColumn(["ø", "a", nil, "å"])))
    #expect(strings.minimum == .string("a"))
    #expect(strings.distinctCount == 3)

    var periods = PeriodColumnBuilder(unit: .quarter)
    periods.append(.quarter(2008, 3))
    periods.append(.quarter(2007, 4))
    let acceptedYear = periods.append(.year(2008))
    #expect(!acceptedYear)
    let periodSummary = ColumnSummary(.period(periods.finish()))
    #expect(periodSummary.minimum.description == "2007Q4")
    #expect(periodSummary.maximum.description == "2008Q3")

    let empty = ColumnSummary(.double(DoubleColumn(values: [0], validity: { var m = ValidityMask(allValid: 0); m.append(false); return m }())))
    #expect(empty.minimum == .null)
    #expect(empty.distinctCount == 0)
  }
}
