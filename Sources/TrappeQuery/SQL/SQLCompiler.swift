import TrappeStorage

/// Compiles a bound, optimised ``LogicalPlan`` to one SQL statement.
///
/// Every plan node becomes a common table expression (`s1`, `s2`, ...) that keeps the node's
/// output columns under their names plus an ordinal column `__ord`: ordering a stage by
/// `__ord` gives Trappe's row order for that node (file order, first appearance of groups,
/// left-then-right for unions, left row then right row for joins, stable sorts). The final
/// `SELECT` drops `__ord`, renders period columns as Trappe prints them, and orders by it.
/// Each node's compilation lives in its own file (`SQLCompiler+Filter.swift`, ...).
package struct SQLCompiler {
  package let dialect: any SQLDialect
  /// How to read a scanned table; nil when it has no SQL form.
  let source: (String, Table) -> SQLSource?
  var ctes: [(name: String, body: String)] = []
  /// CTE names of tables already read, so a table scanned twice is read once.
  var scans: [String: String] = [:]
  /// The CTE names' prefix (`s1`, `s2`, ...); a nested compilation uses another so it cannot
  /// shadow the outer query's names.
  var prefix = "s"
  /// What the reader of the SQL should know that the SQL cannot say (printed on standard error).
  package internal(set) var notes: [String] = []
  /// Whether engine relations (``SQLSource/engine(_:)``) number their rows (`row_number() OVER ()`)
  /// instead of a constant `__ord`: an analysis's full SQL uses `__ord` as a row's identity.
  package var numberEngineRows = false
  /// Statements to run before the query, in order (the views a dialect's CSV reads refer to).
  package internal(set) var setup: [String] = []

  package init(dialect: any SQLDialect, source: @escaping (String, Table) -> SQLSource?) {
    self.dialect = dialect
    self.source = source
  }

  /// The name of the ordinal column every stage carries.
  static let ordinal = "__ord"
  var ord: String { dialect.identifier(SQLCompiler.ordinal) }

  /// The statement to paste: `WITH ... SELECT <columns> FROM sN ORDER BY __ord;`, periods as text.
  package mutating func statement(_ plan: LogicalPlan) throws(SQLError) -> String {
    let last = try compile(plan)
    let select = last.columns.map { column -> String in
      let name = dialect.identifier(column.name)
      if column.type == .period, let unit = column.unit {
        return "\(dialect.text(ofPeriod: name, unit: unit)) AS \(name)"
      }
      return name
    }
    return withClause() + "SELECT " + (select.isEmpty ? "*" : select.joined(separator: ", ")) + "\nFROM "
      + last.name + "\nORDER BY " + ord + ";"
  }

  /// The statement an engine runs: the plan's columns in the dialect's period representation
  /// (year: integer; quarter, month, week: the first day as a DATE), in Trappe's row order
  /// where it defines one, and the columns that result has.
  package mutating func engineStatement(_ plan: LogicalPlan) throws(SQLError) -> (sql: String, columns: [PlanColumn]) {
    let last = try compile(plan)
    let names = last.columns.map { dialect.identifier($0.name) }
    return (
      withClause() + "SELECT " + (names.isEmpty ? "*" : names.joined(separator: ", ")) + "\nFROM " + last.name
        + "\nORDER BY " + ord, last.columns
    )
  }

  /// The plan as a query that keeps `__ord` and the SQL period representation, for a `let`
  /// table whose later uses inline it.
  package mutating func relation(_ plan: LogicalPlan) throws(SQLError) -> SQLRelationText {
    let last = try compile(plan)
    let names = ([SQLCompiler.ordinal] + last.columns.map(\.name)).map(dialect.identifier)
    return SQLRelationText(
      text: withClause() + "SELECT " + names.joined(separator: ", ") + " FROM " + last.name,
      columns: last.columns)
  }

  /// `plan` as one query (with `__ord`) whose scan of `placeholder` reads the CTE `input` of the
  /// enclosing query: an analysis compiles the plans it builds over its input with this.
  package static func nested(
    _ plan: LogicalPlan, placeholder: String, input: String, dialect: any SQLDialect, prefix: String
  ) throws(SQLError) -> String {
    var compiler = SQLCompiler(dialect: dialect) { name, _ in name == placeholder ? .cte(input) : nil }
    compiler.prefix = prefix
    return try compiler.relation(Optimizer.optimize(plan)).text
  }

  func withClause() -> String {
    guard !ctes.isEmpty else { return "" }
    return "WITH\n" + ctes.map { "\($0.name) AS (\n  \($0.body)\n)" }.joined(separator: ",\n") + "\n"
  }

  /// Adds a CTE and returns it as a relation with `columns`.
  mutating func add(_ body: String, columns: [PlanColumn]) -> SQLStage {
    let name = "\(prefix)\(ctes.count + 1)"
    ctes.append((name, body))
    return SQLStage(name: name, columns: columns)
  }

  /// Compiles one node (and its inputs) to a CTE.
  mutating func compile(_ plan: LogicalPlan) throws(SQLError) -> SQLStage {
    switch plan {
    case .scan(let name, let table, let columns): return try scan(name, table, columns: columns)
    case .filter(let child, let predicate): return try filter(child, predicate)
    case .project(let child, let projected): return try project(child, projected)
    case .aggregate(let child, let keys, let aggregates):
      return try aggregate(child, keys: keys, aggregates: aggregates)
    case .window(let child, let windows): return try window(child, windows)
    case .sort(let child, let keys): return try sort(child, keys, count: nil)
    case .topN(let child, let keys, let count): return try sort(child, keys, count: count)
    case .limit(let child, let count): return try limit(child, count: count)
    case .distinct(let child): return try distinct(child)
    case .join(let left, let right, let kind, let leftKeys, let rightKeys, let rightColumns, let rightNames):
      return try join(
        left, right, kind: kind, leftKeys: leftKeys, rightKeys: rightKeys, rightColumns: rightColumns,
        rightNames: rightNames)
    case .union(let left, let right, let columns): return try union(left, right, columns: columns)
    case .pivot(let child, let by, let key, let value): return try pivot(child, by: by, key: key, value: value)
    case .materialized(let child, _): return try compile(child)
    case .unpivot(let child, let columns, let nameColumn, let valueColumn, let valueType):
      return try unpivot(
        child, columns: columns, nameColumn: nameColumn, valueColumn: valueColumn, valueType: valueType)
    case .count(let child): return try count(child)
    case .analysis(let child, let node): return try analysis(child, node)
    }
  }

  /// The quoted names of a stage's columns, as expressions over it see them.
  func references(_ stage: SQLStage, alias: String? = nil) -> [String] {
    stage.columns.map { (alias.map { $0 + "." } ?? "") + dialect.identifier($0.name) }
  }

  /// `ORDER BY` items for sort keys: strings expand to their collation keys; NULLs last.
  func orderItems(_ keys: [BoundSortKey], scope: SQLScope) throws(SQLError) -> [String] {
    var items: [String] = []
    for key in keys {
      let sql = try expression(key.expression, scope)
      let parts = key.expression.type == .string ? dialect.collationKeys(sql) : [sql]
      for part in parts {
        items.append("\(part) \(key.descending ? "DESC" : "ASC") \(dialect.nullsLast)")
      }
    }
    return items
  }
}

/// A compiled stage: its CTE name and output columns (plus `__ord`).
struct SQLStage {
  var name: String
  var columns: [PlanColumn]
}

/// A compiled plan kept for later inlining (a `let` table): a query over `__ord` and the columns.
package struct SQLRelationText: Sendable, Equatable {
  package var text: String
  package var columns: [PlanColumn]
}

/// Where a scanned table's rows come from in SQL.
package enum SQLSource: Sendable {
  /// A CSV file read with the table's column types; `path` as the SQL should spell it.
  case csv(path: String, format: SQLCSVFormat)
  /// The plan that computed the table (a `let` table or an earlier result), compiled inline.
  case plan(LogicalPlan)
  /// A CTE of the enclosing query that already has `__ord` and the table's columns.
  case cte(String)
  /// A relation of an attached engine (a quoted table name, `read_parquet('…')`) with the table's
  /// columns, periods in the dialect's representation. Its rows have no order Trappe defined, so
  /// `__ord` is a constant: no `row_number()` over a table of 100M rows.
  case engine(String)
  /// A small local table sent with the statement as `VALUES` rows (a `let` table, an earlier
  /// result or a dataset joined with an engine table), in its row order.
  case rows(Table)
}

/// How a CSV file is written, as Trappe read it.
package struct SQLCSVFormat: Sendable, Equatable {
  package var delimiter: Character
  /// ISO-8859-1 or Windows-1252 (read as Latin-1) instead of UTF-8.
  package var latin1: Bool
  /// Numbers written `1.234,5`: `.` groups thousands, `,` is the decimal separator.
  package var decimalComma: Bool
  package var header: Bool
  package var nullTokens: [String]
  package init(
    delimiter: Character = ",", latin1: Bool = false, decimalComma: Bool = false, header: Bool = true,
    nullTokens: [String] = ["", ".."]
  ) {
    self.delimiter = delimiter
    self.latin1 = latin1
    self.decimalComma = decimalComma
    self.header = header
    self.nullTokens = nullTokens
  }
}

/// Why a plan has no SQL form.
package struct SQLError: Error, Sendable, Equatable {
  package var message: String
  package var hints: [String]
  package init(_ message: String, hints: [String] = []) {
    self.message = message
    self.hints = hints
  }
}
