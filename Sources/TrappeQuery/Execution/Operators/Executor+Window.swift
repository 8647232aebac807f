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
      let column = try computeWindow(window.call, on: base)
      // Sorting and grouping inside the window stop early on Ctrl-C: never use the column then.
      try Interrupt.check()
      named.append((window.name, column))
    }
    return Relation(table: Table(named), selection: nil)
  }
}
