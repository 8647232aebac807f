import Testing
@testable import TrappeBase
@testable import TrappeStorage
@testable import TrappeIO
@testable import TrappeQuery
@testable import TrappeAnalysis
@testable import TrappeCharts
@testable import TrappeDatasets
@testable import TrappeShell

@Suite struct SuppressionMaskTests {
  /// Counts 0 to 6 with a ratio built on them and a plain column.
  let table = Table([
    ("navn", .string(StringColumn(["a", "b", "c", "d", "e", "f", "g"]))),
    ("n", .int64(Int64Column([0, 1, 2, 3, 4, 5, 6]))),
    ("andel", .double(DoubleColumn([0, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6]))),
  ])
  let roles: [CountRole] = [.plain, .count, .derived(inputs: [1], complete: true)]

  @Test func countsFromOneToFourAreSuppressedAndZeroStays() {
    let mask = SuppressionMask(table: table, roles: roles, below: 5)
    #expect((0..<7).filter { mask.isSuppressed(column: 1, row: $0) } == [1, 2, 3, 4])
    #expect(mask.placeholder == "<5")
  }

  @Test func derivedCellsOfSuppressedRowsAreSuppressed() {
    let mask = SuppressionMask(table: table, roles: roles, below: 5)
    #expect((0..<7).filter { mask.isSuppressed(column: 2, row: $0) } == [1, 2, 3, 4])
    #expect((0..<7).allSatisfy { !mask.isSuppressed(column: 0, row: $0) })
    #expect(mask.cellCount == 8)
    #expect(mask.footer(names: ["navn", "n", "andel"]) == [
      "Suppressed: counts below 5 and the ratios built on them (8 cells)"
    ])
  }

  @Test func aColumnWhollySuppressedIsNamed() {
    let small = Table([("n", .int64(Int64Column([1, 2, 4])))])
    let mask = SuppressionMask(table: small, roles: [.count], below: 5)
    #expect(mask.wholeColumns == [0])
    #expect(mask.footer(names: ["n"]).last == "Every cell of n is below 5 and suppressed")
  }

  @Test func anUncheckableRatioIsHiddenWhole() {
    let mask = SuppressionMask(table: table, roles: [.plain, .plain, .derived(inputs: [], complete: false)], below: 5)
    #expect(mask.cells[2]?.count == 7)
    #expect(mask.footer(names: ["navn", "n", "andel"]).contains { $0.hasPrefix("Hidden: andel is built on counts") })
  }

  @Test func exportersAndTheBoxShowThePlaceholder() {
    let mask = SuppressionMask(table: table, roles: roles, below: 5)
    let csv = TableExporter.export(table, format: .csv, suppressed: mask)
    #expect(csv.split(separator: "\n")[2] == "b,<5,<5")
    #expect(csv.split(separator: "\n")[1] == "a,0,0.0")
    let json = TableExporter.export(table, format: .json, suppressed: mask)
    #expect(json.contains(#"{"navn": "b", "n": "<5", "andel": "<5"}"#))
    let markdown = TableExporter.export(table, format: .markdown, suppressed: mask)
    #expect(markdown.contains("| b | <5 | <5 |"))
    let box = BoxRenderer().render(table, suppressed: mask)
    #expect(box.contains("<5"))
    #expect(BoxRenderer().render(table) == BoxRenderer().render(table, suppressed: SuppressionMask()))
  }
}
