import TrappeBase
import TrappeStorage

extension Executor {
  /// Computes the output columns; after a summarize, says which group a warning came from.
  mutating func project(_ child: LogicalPlan, _ projected: [ProjectedColumn]) throws(ExecutionStop) -> Relation {
    let input = try execute(child)
    let hadProblem = warnings.firstRow != nil
    var named: [(String, Column)] = []
    for column in projected {
      named.append((column.name, try evaluate(column.expression, on: input)))
    }
    if !hadProblem, let row = warnings.firstRow, case .aggregate(_, let keys, _) = child, !keys.isEmpty {
      // After summarize each row is a group: say which group the first problem was in.
      warnings.location =
        "group "
        + keys.indices.map { "\(keys[$0].name) = \(input.column($0).value(at: row))" }.joined(separator: ", ")
    }
    return Relation(table: Table(named), selection: nil)
  }
}
