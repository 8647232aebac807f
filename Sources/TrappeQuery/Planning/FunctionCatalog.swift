
/// The names of every function the language knows, by kind, for lookups, suggestions and `.help`.
package enum FunctionCatalog {
  /// Window-only function names and what they compute.
  static let windowNames: [String] = [
    "prev", "next", "lag", "lead", "rank", "dense_rank", "percent_rank", "row_number", "ntile", "running_sum", "share",
    "change", "yoy", "moving_avg",
  ]

  /// Scalar names, including the special forms `if` and `coalesce`.
  static var scalarNames: [String] { ScalarFunction.allCases.map(\.rawValue) + ["if", "coalesce"] }

  /// Aggregate names.
  static var aggregateNames: [String] { AggregateFunction.allCases.map(\.rawValue) }

  /// Every function name.
  package static var allNames: [String] { scalarNames + aggregateNames + windowNames }

  /// Whether `name` is an aggregate function.
  package static func isAggregate(_ name: String) -> Bool { AggregateFunction(rawValue: name.lowercased()) != nil }

  /// Whether `name` is a window-only function.
  static func isWindow(_ name: String) -> Bool { windowNames.contains(name.lowercased()) }
}
