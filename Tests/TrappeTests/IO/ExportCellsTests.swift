import Testing
@testable import TrappeBase
@testable import TrappeStorage
@testable import TrappeIO

/// The byte writer behind CSV, TSV and JSON exports spells each distinct string and period once
/// and reuses it; these check the reused texts against spellings worked out by hand.
@Suite struct ExportCellsTests {
  @Test func repeatedStringsAndPeriodsAreSpelledTheSameOnEveryRow() {
    // 2008Q4 is ordinal 8035 (see TableExporterTests); a repeat and a NULL between them.
    let table = Table([
      ("s", .string(StringColumn(["=x", "a,b", "=x", nil, "a,b"]))),
      (
        "p",
        .period(
          PeriodColumn(
            unit: .quarter, ordinals: [8035, 8036, 8035, 0, 8036],
            validity: ValidityMask(flags: [true, true, true, false, true])))
      ),
    ])
    let text = TableExporter.export(table, format: .csv, options: ExportOptions())
    #expect(text == "s,p\n'=x,2008Q4\n\"a,b\",2009Q1\n'=x,2008Q4\n,\n\"a,b\",2009Q1\n")
  }

  @Test func periodsFarApartAreSpelledPerCell() {
    // A span of more than 65,536 ordinals takes the per-cell path: years 1 and 100000.
    let table = Table([
      ("p", .period(PeriodColumn(unit: .year, ordinals: [1, 100_000, 1], validity: ValidityMask(allValid: 3))))
    ])
    let text = TableExporter.export(table, format: .tsv, options: ExportOptions())
    #expect(text == "p\n1\n100000\n1\n")
  }

  @Test func integersAtTheEdgesOfInt64() {
    let table = Table([
      ("n", .int64(Int64Column([Int64.min, -1, 0, 9, 10, Int64.max])))
    ])
    let text = TableExporter.export(table, format: .json, options: ExportOptions())
    let expected = [
      "[", "  {\"n\": -9223372036854775808},", "  {\"n\": -1},", "  {\"n\": 0},", "  {\"n\": 9},", "  {\"n\": 10},",
      "  {\"n\": 9223372036854775807}", "]", "",
    ]
    #expect(text == expected.joined(separator: "\n"))
  }
}
