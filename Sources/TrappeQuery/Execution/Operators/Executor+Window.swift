import TrappeBase
import TrappeStorage

extension Executor {
  /// Appends one column per window computation.
  mutating func window(_ child: LogicalPlan, _ windows: [NamedWindow]) throws(ExecutionStop) -> Relation {
    let input = try execute(child)
    let table = input.materialized()
    let base = Relation(table: table, selection: nil)
    var named: [(String, Column)] = Array(zip(table.schema.names, table.columns))
    for window in windows {
      named.append((window.name, try computeWindow(window.call, on: base)))
    }
    return Relation(table: Table(named), selection: nil)
  }
}
