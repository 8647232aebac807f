
/// The built-in scalar functions.
///
/// Each case's documentation is the `.help` text source; the binder checks
/// argument counts and types with ``signature``.
package enum ScalarFunction: String, Sendable, Equatable, CaseIterable {
  /// `round(x, digits)`: x rounded half away from zero to `digits` decimals (default 0).
  case round
  case abs
  case floor
  case ceil
  /// Natural logarithm; NULL for x <= 0.
  case ln
  /// Square root; NULL for x < 0.
  case sqrt
  case lower
  case upper
  /// `contains(text, part)`: case-sensitive substring test.
  case contains
  case startswith
  case endswith
  /// Length in characters.
  case length
  /// `year(p)` of a period.
  case year
  /// `quarter(p)` of a quarter, month or week period (a week: its Thursday's quarter).
  case quarter
  /// `month(p)` of a month or week period (a week: its Thursday's month).
  case month
  /// `week(p)` of an ISO week period.
  case week
  /// `period(x)`: a period from an int year or a string like "2008K3".
  case period
  /// `string(x)`: x as text.
  case string
  /// `int(x)`: truncates a double, parses a string (NULL when it does not parse).
  case int
  /// `double(x)`.
  case double
  /// `pow(x, y)`: x to the power y, double; NaN/infinite results are NULL with a warning.
  case pow
  /// `exp(x)`: e to the power x, double; an infinite result is NULL with a warning.
  case exp
  /// `concat(a, ...)`: texts joined, NULL arguments skipped (never NULL).
  case concat
  /// `substr(s, start [, length])`: 1-based, on characters, DuckDB `substring` rules.
  case substr
  /// `replace(s, from, to)`: every occurrence replaced.
  case replace
  /// `trim(s)`: spaces removed at both ends.
  case trim
  /// `greatest(a, ...)`: the largest non-NULL argument.
  case greatest
  /// `least(a, ...)`: the smallest non-NULL argument.
  case least
}
