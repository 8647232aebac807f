import TrappeBase
import TrappeStorage

extension Executor {
  /// An equi-join on hashed keys; the right side's summaries are not the query's N.
  mutating func join(
    _ left: LogicalPlan, _ right: LogicalPlan, kind: JoinKind, leftKeys: [BoundExpression],
    rightKeys: [BoundExpression], rightColumns: [Int], rightNames: [String]
  ) throws(ExecutionStop) -> Relation {
    let l = try execute(left)
    let r = try executeSide(right)
    var lk: [Column] = []
    var rk: [Column] = []
    for key in leftKeys { lk.append(try evaluate(key, on: l)) }
    for key in rightKeys { rk.append(try evaluate(key, on: r)) }
    try Interrupt.check()
    let pairs = try HashJoin.match(left: lk, right: rk, kind: kind)
    let leftTable = l.materialized()
    // Gathering the output columns of a large join takes seconds: it reads the Ctrl-C flag as it goes.
    let poll = { () throws(ExecutionStop) in try Interrupt.check() }
    var named: [(String, Column)] = []
    for (name, column) in zip(leftTable.schema.names, leftTable.columns) {
      named.append((name, try column.gather(pairs.left, polling: poll)))
    }
    if kind != .anti {
      let rightTable = r.materialized()
      for (index, name) in zip(rightColumns, rightNames) {
        named.append((name, try rightTable.columns[index].gather(pairs.right, polling: poll)))
      }
    }
    return Relation(table: Table(named), selection: nil)
  }
}
