@testable import TrappeBase
@testable import TrappeStorage
@testable import TrappeIO
@testable import TrappeQuery
@testable import TrappeAnalysis
@testable import TrappeCharts
@testable import TrappeDatasets
@testable import TrappeShell

/// Builds tiny spells tables (like `forloeb`) for the flow and survival tests.
enum SpellTable {
  /// One spell: person, group, first week, last week (nil = still running) and status; weeks of 2008.
  typealias Spell = (person: Int64, group: String, start: Int, end: Int?, status: String)

  /// A table with the columns person, kommune, start_uge, slut_uge and status.
  static func make(_ spells: [Spell]) -> Table {
    var starts = PeriodColumnBuilder(unit: .week)
    var ends = PeriodColumnBuilder(unit: .week)
    for spell in spells {
      starts.append(Period.week(2008, spell.start))
      if let end = spell.end { ends.append(Period.week(2008, end)) } else { ends.appendNull() }
    }
    return Table([
      ("person", .int64(Int64Column(spells.map(\.person)))),
      ("kommune", .string(StringColumn(spells.map { Optional($0.group) }))),
      ("start_uge", .period(starts.finish())),
      ("slut_uge", .period(ends.finish())),
      ("status", .string(StringColumn(spells.map { Optional($0.status) }))),
    ])
  }

  /// The values of column `name` as text, row by row.
  static func texts(_ table: Table, _ name: String) -> [String] {
    guard let column = table.column(named: name) else { return [] }
    return (0..<table.rowCount).map { column.value(at: $0).description }
  }
}
