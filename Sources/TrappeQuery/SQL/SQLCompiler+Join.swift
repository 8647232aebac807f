import TrappeStorage

extension SQLCompiler {
  /// `join kind=inner|left|anti`: pairs in left row order, then right row order (as Trappe's hash
  /// join emits them); NULL keys never match; `anti` keeps the left rows without a match in order.
  mutating func join(
    _ left: LogicalPlan, _ right: LogicalPlan, kind: JoinKind, leftKeys: [BoundExpression],
    rightKeys: [BoundExpression], rightColumns: [Int], rightNames: [String]
  ) throws(SQLError) -> SQLStage {
    let l = try compile(left)
    let r = try compile(right)
    let ls = scope(l, alias: "l")
    let rs = scope(r, alias: "r")
    var conditions: [String] = []
    for (lk, rk) in zip(leftKeys, rightKeys) {
      var a = try expression(lk, ls)
      var b = try expression(rk, rs)
      if lk.type != rk.type, lk.type.isNumeric, rk.type.isNumeric {
        a = dialect.cast(a, to: .double, unit: nil)
        b = dialect.cast(b, to: .double, unit: nil)
      }
      conditions.append("\(a) = \(b)")
    }
    let on = conditions.isEmpty ? "TRUE" : conditions.joined(separator: " AND ")
    // The stages' own columns, so period units found while compiling (aggregates, windows) carry on.
    let columns =
      kind == .anti
      ? l.columns
      : l.columns
        + zip(rightColumns, rightNames).map { index, name in
          PlanColumn(name: name, type: r.columns[index].type, unit: r.columns[index].unit)
        }
    switch kind {
    case .anti:
      return add(
        "SELECT l.* FROM \(l.name) AS l WHERE NOT EXISTS (SELECT 1 FROM \(r.name) AS r WHERE \(on))", columns: columns)
    case .inner, .left:
      let leftItems = references(l, alias: "l")
      let rightItems = zip(rightColumns, rightNames).map { index, name in
        "\(rs.references[index]) AS \(dialect.identifier(name))"
      }
      let select =
        (["row_number() OVER (ORDER BY l.\(ord), r.\(ord) NULLS FIRST) AS \(ord)"] + leftItems + rightItems)
        .joined(separator: ", ")
      let joinWord = kind == .inner ? "JOIN" : "LEFT JOIN"
      return add("SELECT \(select) FROM \(l.name) AS l \(joinWord) \(r.name) AS r ON \(on)", columns: columns)
    }
  }
}
