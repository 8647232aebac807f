extension LogicalPlan {
  /// When the plan only reads one table's rows unchanged, in order (a scan, optionally with a
  /// projection that keeps or renames columns): that table and, per output column, the table's
  /// column it is. The shell uses it to show a result's hidden cells hidden again; nil otherwise.
  package var passedThroughTable: (name: String, columns: [Int])? {
    switch self {
    case .scan(let name, _, let columns):
      return (name, columns)
    case .project(let child, let projected):
      guard let (name, columns) = child.passedThroughTable else { return nil }
      var mapped: [Int] = []
      for column in projected {
        guard let index = CountLineage.passedThrough(column.expression), index < columns.count else { return nil }
        mapped.append(columns[index])
      }
      return (name, mapped)
    default:
      return nil
    }
  }
}
