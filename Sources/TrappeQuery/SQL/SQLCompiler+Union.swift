import TrappeStorage

extension SQLCompiler {
  /// `union`: the left rows, then the right rows; columns matched by name, missing ones NULL,
  /// int meeting double widened to double.
  mutating func union(_ left: LogicalPlan, _ right: LogicalPlan, columns: [PlanColumn]) throws(SQLError) -> SQLStage {
    let l = try compile(left)
    let r = try compile(right)
    func side(_ stage: SQLStage, _ number: Int) -> String {
      let items = columns.map { column -> String in
        let id = dialect.identifier(column.name)
        guard let own = stage.columns.first(where: { $0.name == column.name }) else {
          return "\(dialect.literal(.null, type: column.type, unit: column.unit)) AS \(id)"
        }
        return own.type == column.type ? id : "\(dialect.cast(id, to: column.type, unit: column.unit)) AS \(id)"
      }
      return "SELECT \(number) AS __side, \(ord), \(items.joined(separator: ", ")) FROM \(stage.name)"
    }
    let names = columns.map { dialect.identifier($0.name) }.joined(separator: ", ")
    return add(
      "SELECT row_number() OVER (ORDER BY __side, \(ord)) AS \(ord), \(names) FROM (\(side(l, 0)) UNION ALL \(side(r, 1)))",
      columns: columns)
  }
}
