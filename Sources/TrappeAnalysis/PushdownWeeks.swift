import TrappeBase
import TrappeQuery
import TrappeStorage

/// Week periods in a pushdown's reduced table: sent back as week ordinals (BIGINT, the
/// ``Period`` ordinal: Mondays since 5 January 1970), so the small table has no dates whose
/// representation differs between engines.
enum PushdownWeeks {
  /// The week ordinal of the week period `sql` (a dialect period) as a BIGINT expression.
  static func ordinal(_ sql: String, dialect: any SQLDialect) -> String {
    let epoch = dialect.literal(.period(Period(unit: .week, ordinal: 0)), type: .period, unit: .week)
    return dialect.periods(from: epoch, to: sql, unit: .week)
  }

  /// The footer line saying what ran where.
  static func note(engine: String, local: String) -> String {
    "engine: " + engine + "; Trappe: " + local
  }

  /// The Int64 at `row` of column `name` of `table`, nil when NULL or missing.
  static func int(_ table: Table, _ name: String, _ row: Int) -> Int64? {
    guard case .int64(let column)? = table.column(named: name) else { return nil }
    return column[row]
  }

  /// The string at `row` of column `name`, nil when NULL or missing.
  static func string(_ table: Table, _ name: String, _ row: Int) -> String? {
    guard case .string(let column)? = table.column(named: name) else { return nil }
    return column[row]
  }

  /// A diagnostic for a reduced table without the expected column.
  static func missing(_ name: String) -> Diagnostic {
    Diagnostic(.error, "the engine's reduced table has no column \(name) (an engine bridge fault)")
  }
}
