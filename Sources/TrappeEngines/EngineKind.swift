import TrappeQuery

/// An engine Trappe can attach: its name (`.engine NAME`, the bridge's `--engine NAME`), the SQL
/// dialect its pipelines are compiled to, and how `.engine` arguments become bridge options.
///
/// The session selects everything engine-specific through this value; adding an engine is one
/// entry in ``all`` plus its adapter `Scripts/engines/trappe_bridge/NAME_engine.py`.
package struct EngineKind: Sendable {
  /// `duckdb`, `spark`.
  package var name: String
  package var dialect: any SQLDialect
  /// The bridge option a bare `.engine NAME ARGUMENT` sets (`database` for a DuckDB file), if any.
  package var positional: String?
  /// The `KEY=VALUE` options `.engine NAME` passes to the bridge as `--KEY VALUE` (`master`, `connect`).
  package var options: [String]
  /// The relation that reads files of `format` (`parquet`, `csv`) at `path` (may hold `*`), or
  /// nil when the engine's SQL cannot read that format in a relation (Spark's CSV needs options).
  package var fileRelation: @Sendable (_ format: String, _ path: String) -> String?
  /// What `.engine NAME` attaches to without arguments (for `.engine` and `.help`).
  package var defaultTarget: String

  package init(
    name: String, dialect: any SQLDialect, positional: String?, options: [String], defaultTarget: String,
    fileRelation: @escaping @Sendable (_ format: String, _ path: String) -> String?
  ) {
    self.name = name
    self.dialect = dialect
    self.positional = positional
    self.options = options
    self.defaultTarget = defaultTarget
    self.fileRelation = fileRelation
  }

  /// The engines `.engine` knows.
  package static let all: [EngineKind] = [duckdb, spark]

  package static let duckdb = EngineKind(
    name: "duckdb", dialect: DuckDBDialect(), positional: "database", options: [],
    defaultTarget: "an in-memory database"
  ) { format, path in
    let quoted = DuckDBDialect().string(path)
    return format == "parquet" ? "read_parquet(\(quoted))" : "read_csv(\(quoted))"
  }

  /// Spark (local mode by default, a cluster with `master=URL`, Spark Connect with `connect=URL`).
  /// Spark SQL reads Parquet as ``parquet.`PATH` ``; CSV needs reader options a relation cannot carry.
  package static let spark = EngineKind(
    name: "spark", dialect: SparkDialect(), positional: nil, options: ["master", "connect"],
    defaultTarget: "local[*]"
  ) { format, path in
    format == "parquet" ? "parquet.`" + path.replacingBackticks() + "`" : nil
  }

  package static func named(_ name: String) -> EngineKind? {
    all.first { $0.name == name.lowercased() }
  }
}

extension String {
  /// The text with every backtick doubled, for a Spark SQL quoted identifier.
  fileprivate func replacingBackticks() -> String {
    var out = ""
    for c in self {
      out.append(c)
      if c == "`" { out.append(c) }
    }
    return out
  }
}
