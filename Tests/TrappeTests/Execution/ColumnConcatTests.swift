import Testing
@testable import TrappeBase
@testable import TrappeStorage
@testable import TrappeIO
@testable import TrappeQuery
@testable import TrappeAnalysis
@testable import TrappeCharts
@testable import TrappeDatasets
@testable import TrappeShell

@Suite struct ColumnConcatTests {
  typealias C = TestColumns

  @Test func stringsMergeDictionaries() throws {
    let a = C.strings(["Aarhus", nil, "Odense"])
    let b = C.strings(["Odense", "Vejle", nil, "Vejle"])
    let joined = try #require(a.concatenated(b))
    #expect(C.values(joined) == [.string("Aarhus"), .null, .string("Odense"), .string("Odense"), .string("Vejle"), .null, .string("Vejle")])
    guard case .string(let s) = joined else { Issue.record("not a string column"); return }
    #expect(s.dictionary == ["Aarhus", "Odense", "Vejle"])
  }

  @Test func numbersWidenAndPeriodsNeedOneUnit() throws {
    let mixed = try #require(C.ints([1, nil]).concatenated(C.doubles([2.5])))
    #expect(C.values(mixed) == [.double(1), .null, .double(2.5)])
    #expect(C.years([2008]).concatenated(C.years([nil, 2009])).map(C.values) == [.period(.year(2008)), .null, .period(.year(2009))])
    let quarter = Column.period(PeriodColumn(unit: .quarter, ordinals: [8000], validity: ValidityMask(allValid: 1)))
    #expect(C.years([2008]).concatenated(quarter) == nil)
    #expect(C.ints([1]).concatenated(C.strings(["1"])) == nil)
  }

  @Test func unionMatchesColumnsByName() throws {
    let first = Table([("kommune", C.strings(["Aarhus", "Køge"])), ("ledige", C.ints([10, nil]))])
    let second = Table([("ledige", C.doubles([2.5])), ("år", C.years([2009])), ("kommune", C.strings(["Vejle"]))])
    let union = try #require(first.union(second))
    #expect(union.schema.names == ["kommune", "ledige", "år"])
    #expect(union.rowCount == 3)
    #expect(union.schema.fields.map(\.type) == [.string, .double, .period])
    #expect(C.values(union.columns[0]) == [.string("Aarhus"), .string("Køge"), .string("Vejle")])
    #expect(C.values(union.columns[1]) == [.double(10), .null, .double(2.5)])
    #expect(C.values(union.columns[2]) == [.null, .null, .period(.year(2009))])
    let clash = Table([("kommune", C.ints([1]))])
    #expect(first.union(clash) == nil)
  }
}
