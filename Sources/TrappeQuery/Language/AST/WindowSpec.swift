import TrappeBase

/// The `over KEY` / `over (KEY, ...)` and `order by KEY [desc], ...` after a window function call.
package struct WindowSpec: Sendable, Equatable {
  /// Partition keys; empty means the whole table is one partition.
  var partition: [Expression]
  /// Order within each partition; empty keeps row order.
  var order: [SortKey]
  /// The text from `over` (or `order`) to the end of the spec.
  var range: SourceRange

  init(partition: [Expression], order: [SortKey], range: SourceRange) {
    self.partition = partition
    self.order = order
    self.range = range
  }
}

/// One `EXPR [asc|desc]` of a `sort by`, `top N by` or window `order by`.
package struct SortKey: Sendable, Equatable {
  var expression: Expression
  var descending: Bool
  init(expression: Expression, descending: Bool) {
    self.expression = expression
    self.descending = descending
  }
}

/// `NAME = EXPR` or a bare `EXPR` in `select`, `extend`, `summarize` and `by` lists.
package struct NamedExpression: Sendable, Equatable {
  /// The given name, if any.
  var name: String?
  /// Where the name was written.
  var nameRange: SourceRange?
  /// The expression.
  var expression: Expression
  init(name: String?, nameRange: SourceRange?, expression: Expression) {
    self.name = name
    self.nameRange = nameRange
    self.expression = expression
  }
}
