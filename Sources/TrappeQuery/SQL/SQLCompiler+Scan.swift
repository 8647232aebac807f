import TrappeStorage

extension SQLCompiler {
  /// Reads a table (once per name) with `__ord` in file order, then keeps the used columns.
  mutating func scan(_ name: String, _ table: Table, columns: [Int]) throws(SQLError) -> SQLStage {
    let all = LogicalPlan.scan(name: name, table: table, columns: Array(table.columns.indices)).columns
    let base: SQLStage
    if let cte = scans[name] {
      base = SQLStage(name: cte, columns: all)
    } else {
      guard let source = source(name, table) else {
        throw SQLError(
          "the table '\(name)' has no SQL form: it was not read from a file or defined by a pipeline",
          hints: ["load it with .load FILE, or define it with let \(name) = PIPELINE"])
      }
      switch source {
      case .csv(let path, let format):
        let described = all.map { ($0.name, $0.type, $0.unit) }
        for statement in dialect.setup(path: path, columns: described, format: format) where !setup.contains(statement) {
          setup.append(statement)
        }
        let read = dialect.readCSV(path: path, columns: described, format: format)
        let select = all.map { column -> String in
          let id = dialect.identifier(column.name)
          if column.type == .bool { return "\(dialect.bool(fromText: id)) AS \(id)" }
          if format.decimalComma && column.type.isNumeric {
            return "\(dialect.number(fromDecimalComma: id, type: column.type)) AS \(id)"
          }
          guard column.type == .period else { return id }
          guard let unit = column.unit else { return "\(dialect.literal(.null, type: .period, unit: .year)) AS \(id)" }
          return "\(dialect.period(fromText: id, unit: unit)) AS \(id)"
        }
        base = add(
          "SELECT \(dialect.fileOrdinal) AS \(ord), \(select.joined(separator: ", ")) FROM \(read)", columns: all)
      case .plan(let plan):
        base = try compile(plan)
      case .cte(let cte):
        base = SQLStage(name: cte, columns: all)
      case .rows(let rows):
        base = add(values(rows, columns: all), columns: all)
      case .engine(let relation):
        let select = all.map { dialect.identifier($0.name) }
        base = add(
          (numberEngineRows
            ? "SELECT row_number() OVER () AS \(ord), "
            : "SELECT CAST(0 AS \(dialect.typeName(.int64, unit: nil))) AS \(ord), ")
            + "\(select.joined(separator: ", ")) "
            + "FROM \(relation)", columns: all)
      }
      scans[name] = base.name
    }
    if columns == Array(table.columns.indices) { return base }
    let kept = columns.map { all[$0] }
    let list = ([ord] + kept.map { dialect.identifier($0.name) }).joined(separator: ", ")
    return add("SELECT \(list) FROM \(base.name)", columns: kept)
  }

  /// `SELECT __ord, columns FROM (VALUES …)`: a local table's rows as constants, typed by casts.
  func values(_ table: Table, columns: [PlanColumn]) -> String {
    let names = ([ord] + columns.map { dialect.identifier($0.name) })
    guard table.rowCount > 0 else {
      let nulls = columns.map { "\(dialect.literal(.null, type: $0.type, unit: $0.unit)) AS \(dialect.identifier($0.name))" }
      return "SELECT CAST(0 AS \(dialect.typeName(.int64, unit: nil))) AS \(ord)"
        + nulls.map { ", " + $0 }.joined() + " WHERE 1 = 0"
    }
    var rows: [String] = []
    rows.reserveCapacity(table.rowCount)
    for row in 0..<table.rowCount {
      var cells = ["CAST(\(row + 1) AS \(dialect.typeName(.int64, unit: nil)))"]
      for (index, column) in columns.enumerated() {
        cells.append(dialect.literal(table.columns[index].value(at: row), type: column.type, unit: column.unit))
      }
      rows.append("(" + cells.joined(separator: ", ") + ")")
    }
    return "SELECT * FROM (VALUES " + rows.joined(separator: ", ") + ") AS v(" + names.joined(separator: ", ") + ")"
  }
}
