import TrappeStorage

extension SQLCompiler {
  /// `unpivot`: for each input row, one row per unpivoted column in the order given (NULL values
  /// stay); the kept columns, then the name and the value (int meeting double as double).
  mutating func unpivot(
    _ child: LogicalPlan, columns unpivoted: [Int], nameColumn: String, valueColumn: String, valueType: DataType
  ) throws(SQLError) -> SQLStage {
    let input = try compile(child)
    let all = input.columns
    let kept = all.indices.filter { !unpivoted.contains($0) }
    let unit = unpivoted.first.flatMap { all[$0].unit }
    let names = unpivoted.enumerated().map { "(\($0.offset), \(dialect.string(all[$0.element].name)))" }
    let value =
      "CASE __i "
      + unpivoted.enumerated().map { offset, index in
        let id = "t." + dialect.identifier(all[index].name)
        let v = all[index].type == valueType ? id : dialect.cast(id, to: valueType, unit: unit)
        return "WHEN \(offset) THEN \(v)"
      }.joined(separator: " ") + " END"
    let items =
      ["row_number() OVER (ORDER BY t.\(ord), u.__i) AS \(ord)"] + kept.map { "t." + dialect.identifier(all[$0].name) }
      + ["u.__name AS \(dialect.identifier(nameColumn))", "\(value) AS \(dialect.identifier(valueColumn))"]
    let columns = LogicalPlan.unpivot(
      child, columns: unpivoted, nameColumn: nameColumn, valueColumn: valueColumn, valueType: valueType
    ).columns.enumerated().map { offset, column -> PlanColumn in
      var c = column
      if offset == kept.count + 1 { c.unit = unit }
      return c
    }
    return add(
      "SELECT \(items.joined(separator: ", ")) FROM \(input.name) AS t CROSS JOIN (VALUES \(names.joined(separator: ", "))) AS u(__i, __name)",
      columns: columns)
  }
}
