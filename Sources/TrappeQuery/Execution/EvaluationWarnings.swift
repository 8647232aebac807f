import TrappeBase

/// Counts of rows that became NULL because an operation had no defined result.
///
/// Evaluation never fails on data: a division by zero, an integer overflow,
/// `ln(-1)` or `int("abc")` gives NULL for that row and adds one here, and the
/// session prints ``messages`` after the result.
package struct EvaluationWarnings: Sendable, Equatable {
  /// Rows where `/` or `%` had a zero divisor.
  var divisionsByZero = 0
  /// Rows where integer arithmetic (or a conversion to int) overflowed 64 bits.
  var overflows = 0
  /// Rows where a function was outside its domain (`ln(x <= 0)`, `sqrt(x < 0)`).
  var invalidArguments = 0
  /// Rows where `int`, `double` or `period` could not convert a value.
  var failedConversions = 0
  /// Rows dropped to NULL because periods of different units met
  /// (a `case`, `coalesce` or `period(text)` whose values mix, say, months and quarters).
  var periodUnitMismatches = 0
  /// Rows where `pow` or `exp` gave NaN or an infinity.
  var notFinite = 0
  /// The first row (of the table being evaluated) that a division by zero or overflow made NULL.
  var firstRow: Int?
  /// Where the first problem happened, when the executor can say (e.g. "group region = X").
  var location: String?
  /// Results that were computed but may not mean what they seem, one sentence each (e.g.
  /// "change: 98 rows compare with a row more than one period away (aar 2009 → 2019)").
  var cautions: [String] = []
  /// A kernel that would have exceeded the memory budget returned NULLs instead and left this;
  /// the executor throws it (``ExecutionStop/overBudget(_:)``) once the expression is done.
  var overrun: MemoryOverrun?

  /// No warnings.
  init() {}

  /// Whether nothing was counted.
  var isEmpty: Bool { messages.isEmpty }

  /// One line per kind of warning counted, e.g. "3 divisions by zero gave NULL".
  package var messages: [String] {
    var lines: [String] = []
    func add(_ n: Int, _ one: String, _ many: String) {
      if n > 0 { lines.append("\(n) \(n == 1 ? one : many) gave NULL") }
    }
    add(divisionsByZero, "division by zero", "divisions by zero")
    if let location, !lines.isEmpty { lines[0] += " (first in \(location))" }
    add(overflows, "integer overflow", "integer overflows")
    add(invalidArguments, "function argument out of range", "function arguments out of range")
    add(failedConversions, "value that could not be converted", "values that could not be converted")
    add(periodUnitMismatches, "period of a different unit", "periods of a different unit")
    add(notFinite, "result that was not a finite number", "results that were not finite numbers")
    return lines + cautions
  }

  /// Adds the counts of `other`.
  mutating func merge(_ other: EvaluationWarnings) {
    divisionsByZero += other.divisionsByZero
    overflows += other.overflows
    invalidArguments += other.invalidArguments
    failedConversions += other.failedConversions
    periodUnitMismatches += other.periodUnitMismatches
    notFinite += other.notFinite
    cautions += other.cautions
    overrun = overrun ?? other.overrun
  }
}
