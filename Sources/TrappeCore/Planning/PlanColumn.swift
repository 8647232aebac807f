/// A column of a plan node's output: its name, type and (for periods) unit.
public struct PlanColumn: Sendable, Equatable {
  public var name: String
  public var type: DataType
  /// The unit of a period column when known (comparisons need equal units).
  public var unit: PeriodUnit?

  public init(name: String, type: DataType, unit: PeriodUnit? = nil) {
    self.name = name
    self.type = type
    self.unit = unit
  }
}

/// An output column computed by an expression.
public struct ProjectedColumn: Sendable, Equatable {
  public var name: String
  public var expression: BoundExpression
  public var unit: PeriodUnit?

  public init(name: String, expression: BoundExpression, unit: PeriodUnit? = nil) {
    self.name = name
    self.expression = expression
    self.unit = unit
  }
}

/// A named aggregate output column.
public struct NamedAggregate: Sendable, Equatable {
  public var name: String
  public var call: AggregateCall
  public init(name: String, call: AggregateCall) {
    self.name = name
    self.call = call
  }
}

/// A named window output column.
public struct NamedWindow: Sendable, Equatable {
  public var name: String
  public var call: WindowCall
  public init(name: String, call: WindowCall) {
    self.name = name
    self.call = call
  }
}
