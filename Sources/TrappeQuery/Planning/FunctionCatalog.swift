import TrappeBase

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

  /// Names other tools (SQL engines, R, pandas, spreadsheets) give functions that Trappe has
  /// under another name, so an unknown one is answered with Trappe's name rather than with the
  /// nearest spelling (`quantile` is not `ntile`).
  static let namesElsewhere: [String: String] = [
    "quantile": "percentile", "quantile_cont": "percentile", "percentile_cont": "percentile",
    "percentile_disc": "percentile", "stddev": "stdev", "stddev_samp": "stdev", "std": "stdev",
    "sd": "stdev", "stdevs": "stdev", "mean": "avg", "average": "avg", "n_distinct": "count_distinct",
    "nunique": "count_distinct", "approx_count_distinct": "count_distinct", "countif": "count_if",
    "countifs": "count_if", "log": "ln", "ceiling": "ceil", "power": "pow", "substring": "substr",
    "len": "length", "char_length": "length", "starts_with": "startswith", "ends_with": "endswith",
    "ifnull": "coalesce", "nvl": "coalesce", "iif": "if", "lower_case": "lower", "upper_case": "upper",
    "cumsum": "running_sum", "argmax": "arg_max", "argmin": "arg_min", "correlation": "corr",
  ]

  /// The function to suggest for an unknown `name`: Trappe's name for another tool's function,
  /// else the nearest known spelling, else nil.
  static func suggestion(for name: String) -> String? {
    namesElsewhere[name.lowercased()] ?? Suggestion.nearest(to: name.lowercased(), in: allNames)
  }

  /// The hints under "unknown function": how Trappe's function differs where a quantile's
  /// p from 0 to 1 would silently become a percentile's p from 0 to 100, and where the list is.
  static func unknownHints(for name: String) -> [String] {
    let lowered = name.lowercased()
    let scale =
      lowered.hasPrefix("quantile")
      ? ["percentile takes p from 0 to 100, not from 0 to 1: \(lowered)(x, 0.9) is percentile(x, 90)"] : []
    return scale + ["type .help functions for the list"]
  }

  /// Whether `name` is a function of any kind.
  static func isKnown(_ name: String) -> Bool { allNames.contains(name.lowercased()) }

  /// Whether `name` is an aggregate function.
  package static func isAggregate(_ name: String) -> Bool { AggregateFunction(rawValue: name.lowercased()) != nil }

  /// Whether `name` is a window-only function.
  static func isWindow(_ name: String) -> Bool { windowNames.contains(name.lowercased()) }
}
