import TrappeQuery

extension MetaCommand {
  /// `.sqldialect [duckdb|spark]`: the SQL dialect `explain sql` writes.
  static let sqldialect = wordSetting(
    name: "sqldialect", words: SQLDialectChoice.allCases.map(\.rawValue), usage: ".sqldialect [duckdb|spark]",
    summary: "Show or set the SQL dialect explain sql writes",
    details: "duckdb (the default) writes SQL to paste into duckdb started in the project root;\n"
      + "spark writes Spark SQL: first the CREATE TEMPORARY VIEW statements that read the\n"
      + "CSV files, then the query. What Spark cannot compute as Trappe does is refused\n"
      + "(string() of a double, the analyses) or stops the query (substr with a negative\n"
      + "length); Spark sums doubles without compensation (agrees to about 1e-12).",
    example: ".sqldialect spark", what: "SQL dialect",
    current: { $0.sqlDialect.rawValue },
    choose: { settings, name in settings.sqlDialect = SQLDialectChoice(rawValue: name) ?? .duckdb })
}

/// The dialects `.sqldialect` chooses from.
package enum SQLDialectChoice: String, CaseIterable, Sendable, Equatable {
  case duckdb, spark

  /// The dialect that spells the SQL.
  package var dialect: any SQLDialect {
    switch self {
    case .duckdb: return DuckDBDialect()
    case .spark: return SparkDialect()
    }
  }
}
