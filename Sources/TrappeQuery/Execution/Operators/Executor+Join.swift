import TrappeBase
import TrappeStorage

extension Executor {
  /// An equi-join on hashed keys; the right side's summaries are not the query's N.
  ///
  /// The output row count is counted exactly from the right side's group sizes before the
  /// pairs are made, and checked against the memory budget (a many-to-many join on a
  /// mistyped key stops with a clear error instead of exhausting memory).
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
    let index: JoinIndex
    if parallel, let found = HashJoin.indexInMorsels(left: lk, right: rk, morselRows: morselRows, threads: threads) {
      index = found
    } else {
      index = try HashJoin.index(left: lk, right: rk)
    }
    let rows = index.outputRows(kind)
    let rightTable = r.table
    let keptRight = kind == .anti ? [] : rightColumns
    let width = l.table.bitsPerRow + keptRight.reduce(0) { $0 + rightTable.columns[$1].bitsPerRow }
    // Two Int32 row numbers per output row, then every output column gathered.
    let bytes = OutputEstimate.bytes(rows: rows, bits: 64 + width)
    try MemoryBudget.require(
      bytes, for: Executor.joinStage(left, right, kind: kind, leftKeys, rightKeys),
      detail: "\(MemoryBudget.describeRows(rows)) rows")
    try Interrupt.check()
    let pairs = try parallel ? index.pairsInMorsels(kind, morselRows: morselRows, threads: threads) : index.pairs(kind)
    // Gather straight from the inputs through their selections: no materialised copy first.
    // Gathering the output columns of a large join takes seconds: it reads the Ctrl-C flag as it goes.
    let poll = { () throws(ExecutionStop) in try Interrupt.check() }
    let leftRows = try Executor.through(l.selection, pairs.left)
    var named: [(String, Column)] = []
    for (name, column) in zip(l.table.schema.names, l.table.columns) {
      named.append((name, try gatherInMorsels(column, leftRows, polling: poll)))
    }
    if kind != .anti {
      let rightRows = try Executor.through(r.selection, pairs.right)
      for (index, name) in zip(rightColumns, rightNames) {
        named.append((name, try gatherInMorsels(rightTable.columns[index], rightRows, polling: poll)))
      }
    }
    return Relation(table: Table(named), selection: nil)
  }

  /// Row numbers of a relation mapped to rows of its table (-1 stays -1).
  /// Reads the Ctrl-C flag every 2^20 rows: a many-to-many join has hundreds of millions.
  static func through(_ selection: [Int32]?, _ rows: [Int32]) throws(ExecutionStop) -> [Int32] {
    guard let selection else { return rows }
    var out = [Int32](repeating: -1, count: rows.count)
    var start = 0
    while start < rows.count {
      try Interrupt.check()
      let end = min(start + (1 << 20), rows.count)
      out.withUnsafeMutableBufferPointer { o in
        rows.withUnsafeBufferPointer { r in
          selection.withUnsafeBufferPointer { s in
            for i in start..<end where r[i] >= 0 { o[i] = s[Int(r[i])] }
          }
        }
      }
      start = end
    }
    return out
  }

  /// The join as the plan printer names it, in the words of the query: `join on koen`,
  /// `join kind=left on a == b`.
  static func joinStage(
    _ left: LogicalPlan, _ right: LogicalPlan, kind: JoinKind, _ leftKeys: [BoundExpression],
    _ rightKeys: [BoundExpression]
  ) -> String {
    let keys = zip(leftKeys, rightKeys).map { pair -> String in
      let a = PlanPrinter.text(pair.0, left.columns)
      let b = PlanPrinter.text(pair.1, right.columns)
      return a == b ? a : "\(a) == \(b)"
    }
    let on = keys.isEmpty ? "" : " on " + keys.joined(separator: ", ")
    return "join" + (kind == .inner ? "" : " kind=\(kind.rawValue)") + on
  }
}
