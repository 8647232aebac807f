import Testing
@testable import TrappeBase
@testable import TrappeStorage
@testable import TrappeIO
@testable import TrappeQuery
@testable import TrappeAnalysis
@testable import TrappeCharts
@testable import TrappeDatasets
@testable import TrappeShell

@Suite struct PivotKernelTests {
  private func table() -> Table {
    Table([
      ("kommune", .string(StringColumn(["Aarhus", "Aarhus", "Odense", "Odense", "Aarhus"]))),
      ("år", .period(PeriodColumn(
        unit: .year, ordinals: [2021, 2020, 2020, 2021, 2021], validity: ValidityMask(allValid: 5)))),
      ("ledige", .int64(Int64Column([10, 20, 30, 40, 5]))),
    ])
  }

  @Test func pivotSumsPerRowKeyAndValue() {
    let t = table()
    let pivoted = PivotKernel.pivot(
      table: t, keyColumns: [0], pivotColumn: t.columns[1], function: .sum,
      input: t.columns[2], parameter: nil, valueType: .int64)
    #expect(pivoted.schema.names == ["kommune", "2020", "2021"])
    #expect(pivoted.rowCount == 2)
    #expect(pivoted.columns[1].value(at: 0) == .int64(20))
    #expect(pivoted.columns[2].value(at: 0) == .int64(15))
    #expect(pivoted.columns[1].value(at: 1) == .int64(30))
    #expect(pivoted.columns[2].value(at: 1) == .int64(40))
  }

  @Test func missingCellsAreNullAndNullValuesGetAColumn() {
    let t = Table([
      ("k", .int64(Int64Column([1, 2, 1]))),
      ("p", .string(StringColumn(["ø", nil, "b"]))),
    ])
    let pivoted = PivotKernel.pivot(
      table: t, keyColumns: [0], pivotColumn: t.columns[1], function: .count,
      input: nil, parameter: nil, valueType: .int64)
    #expect(pivoted.schema.names == ["k", "b", "ø", "null"])
    #expect(pivoted.columns[1].value(at: 0) == .int64(1))
    #expect(pivoted.columns[1].value(at: 1) == .null)
    #expect(pivoted.columns[3].value(at: 1) == .int64(1))
  }

  @Test func unpivotThenPivotRoundTrips() {
    let wide = Table([
      ("kommune", .string(StringColumn(["Aarhus", "Odense"]))),
      ("2020", .int64(Int64Column([20, 30]))),
      ("2021", .int64(Int64Column([15, 40]))),
    ])
    guard let long = UnpivotKernel.unpivot(table: wide, columns: [1, 2], nameColumn: "år", valueColumn: "ledige")
    else {
      Issue.record("unpivot failed")
      return
    }
    #expect(long.schema.names == ["kommune", "år", "ledige"])
    #expect(long.rowCount == 4)
    #expect((0..<4).map { long.columns[0].value(at: $0) } == ["Aarhus", "Aarhus", "Odense", "Odense"].map(Value.string))
    #expect((0..<4).map { long.columns[1].value(at: $0) } == ["2020", "2021", "2020", "2021"].map(Value.string))
    #expect((0..<4).map { long.columns[2].value(at: $0) } == [20, 15, 30, 40].map(Value.int64))
    let back = PivotKernel.pivot(
      table: long, keyColumns: [0], pivotColumn: long.columns[1], function: .first,
      input: long.columns[2], parameter: nil, valueType: .int64)
    #expect(back == wide)
  }

  @Test func unpivotUnifiesIntAndDoubleAndRejectsMixedTypes() {
    let t = Table([
      ("a", .int64(Int64Column(values: [1, 0], validity: {
        var m = ValidityMask(allValid: 2)
        m.set(1, valid: false)
        return m
      }()))),
      ("b", .double(PrimitiveColumn([0.5, 1.5]))),
      ("c", .string(StringColumn(["x", "y"]))),
    ])
    let long = UnpivotKernel.unpivot(table: t, columns: [0, 1], nameColumn: "name", valueColumn: "value")
    #expect(long?.schema.names == ["c", "name", "value"])
    #expect(long.map { t in (0..<4).map { t.columns[2].value(at: $0) } } == [.double(1), .double(0.5), .null, .double(1.5)])
    #expect(UnpivotKernel.unpivot(table: t, columns: [0, 2], nameColumn: "n", valueColumn: "v") == nil)
  }
}
