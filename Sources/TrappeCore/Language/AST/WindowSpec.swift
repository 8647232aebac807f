/// The `over KEY` / `over (KEY, ...)` and `order by KEY [desc], ...` after a window function call.
public struct WindowSpec: Sendable, Equatable {
  /// Partition keys; empty means the whole table is one partition.
  public var partition: [Expression]
  /// Order within each partition; empty keeps row order.
  public var order: [SortKey]
  /// The text from `over` (or `order`) to the end of the spec.
  public var range: SourceRange

  public init(partition: [Expression], order: [SortKey], range: SourceRange) {
    self.partition = partition
    self.order = order
    self.range = range
  }
}

/// One `EXPR [asc|desc]` of a `sort by`, `top N by` or window `order by`.
public struct SortKey: Sendable, Equatable {
  public var expression: Expression
  public var descending: Bool
  public init(expression: Expression, descending: Bool) {
    self.expression = expression
    self.descending = descending
  }
}

/// `NAME = EXPR` or a bare `EXPR` in `select`, `extend`, `summarize` and `by` lists.
public struct NamedExpression: Sendable, Equatable {
  /// The given name, if any.
  public var name: String?
  /// Where the name was written.
  public var nameRange: SourceRange?
  /// The expression.
  public var expression: Expression
  public init(name: String?, nameRange: SourceRange?, expression: Expression) {
    self.name = name
    self.nameRange = nameRange
    self.expression = expression
  }
}
