import TrappeStorage

/// A column of a plan node's output: its name, type and (for periods) unit.
package struct PlanColumn: Sendable, Equatable {
  package var name: String
  package var type: DataType
  /// The unit of a period column when known (comparisons need equal units).
  package var unit: PeriodUnit?

  package init(name: String, type: DataType, unit: PeriodUnit? = nil) {
    self.name = name
    self.type = type
    self.unit = unit
  }
}

/// An output column computed by an expression.
package struct ProjectedColumn: Sendable, Equatable {
  var name: String
  var expression: BoundExpression
  var unit: PeriodUnit?

  init(name: String, expression: BoundExpression, unit: PeriodUnit? = nil) {
    self.name = name
    self.expression = expression
    self.unit = unit
  }
}

/// A named aggregate output column.
package struct NamedAggregate: Sendable, Equatable {
  var name: String
  var call: AggregateCall
  init(name: String, call: AggregateCall) {
    self.name = name
    self.call = call
  }
}

/// A named window output column.
package struct NamedWindow: Sendable, Equatable {
  var name: String
  var call: WindowCall
  init(name: String, call: WindowCall) {
    self.name = name
    self.call = call
  }
}
