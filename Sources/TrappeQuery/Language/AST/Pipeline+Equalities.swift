extension Pipeline {
  /// The table the pipeline starts from (empty for an analysis on its default table).
  package var sourceName: String { source }

  /// The `COLUMN == "text"` conditions of the pipeline's `where` stages (also inside `and`),
  /// for suggesting close values when a filter matches nothing.
  package var stringEqualities: [(column: String, value: String)] {
    var found: [(column: String, value: String)] = []
    func visit(_ expression: Expression) {
      switch expression.kind {
      case .binary(.and, let left, let right):
        visit(left)
        visit(right)
      case .binary(.equal, let left, let right):
        if case .column(let name, nil) = left.kind, case .string(let value) = right.kind {
          found.append((name, value))
        } else if case .string(let value) = left.kind, case .column(let name, nil) = right.kind {
          found.append((name, value))
        }
      default:
        break
      }
    }
    for stage in stages {
      if case .where(let condition) = stage.kind { visit(condition) }
    }
    return found
  }
}
