import TrappeStorage

/// How one SQL engine spells what the ``SQLCompiler`` needs: quoting, literals, types, casts,
/// function names, the Danish collation key, NULL ordering and Trappe's period representation.
///
/// The compiler decides the semantics (which rows, which order, which NULLs); a dialect only
/// spells them. Periods are represented as the year (an integer) for year periods and as the
/// first day (a date; an ISO week's Monday) for quarters, months and weeks.
package protocol SQLDialect: Sendable {
  /// A quoted identifier.
  func identifier(_ name: String) -> String
  /// A string literal.
  func string(_ text: String) -> String
  /// The SQL type of a Trappe column type.
  func typeName(_ type: DataType, unit: PeriodUnit?) -> String
  /// A constant of `type` (`NULL` typed by a cast).
  func literal(_ value: Value, type: DataType, unit: PeriodUnit?) -> String
  /// A conversion that fails with an error.
  func cast(_ sql: String, to type: DataType, unit: PeriodUnit?) -> String
  /// A conversion that gives NULL when the value does not fit or parse.
  func tryCast(_ sql: String, to type: DataType, unit: PeriodUnit?) -> String
  /// A double that is NULL where `sql` is infinite or NaN (Trappe never computes those).
  func finite(_ sql: String) -> String
  /// The keys that order strings like Trappe's Danish collation, most significant first.
  func collationKeys(_ sql: String) -> [String]
  /// The suffix that puts NULLs last after `ASC`/`DESC`.
  var nullsLast: String { get }
  /// The engine's name for a plain function (`starts_with`, `stddev_samp`, ...).
  func functionName(_ name: SQLFunctionName) -> String
  /// A table read from a CSV file with the given columns (periods read as text).
  func readCSV(path: String, columns: [(name: String, type: DataType, unit: PeriodUnit?)], format: SQLCSVFormat)
    -> String
  /// A bool read as text: `true`/`ja`/`yes`/`1` and `false`/`nej`/`no`/`0` in any case, as Trappe reads them.
  func bool(fromText sql: String) -> String
  /// A number read as text in a decimal-comma file (`1.234,5`) as `type`.
  func number(fromDecimalComma sql: String, type: DataType) -> String
  /// A period from its canonical text (`2008`, `2008Q3`, `2008-09`, `2008W12`).
  func period(fromText sql: String, unit: PeriodUnit) -> String
  /// A period as the text Trappe prints in CSV.
  func text(ofPeriod sql: String, unit: PeriodUnit) -> String
  /// The period `count` periods after `sql`.
  func period(_ sql: String, advancedBy count: String, unit: PeriodUnit) -> String
  /// The number of periods from `start` to `end`.
  func periods(from start: String, to end: String, unit: PeriodUnit) -> String
  /// A part of a period (`year(p)`, `quarter(p)`, `month(p)`, `week(p)`) as a BIGINT.
  func part(_ part: SQLPeriodPart, ofPeriod sql: String, unit: PeriodUnit) -> String
}

/// The parts of a period the query language can ask for.
package enum SQLPeriodPart: Sendable {
  /// The calendar year, or the ISO week-year of a week.
  case year
  case quarter
  case month
  /// The ISO week number.
  case week
}

/// Functions whose spelling differs between engines.
package enum SQLFunctionName: Sendable {
  case startsWith, endsWith, contains, length, lower, upper, abs, ln, sqrt, floor, ceil, round, trunc
  case quantile, stddev, argMin, argMax, first, count, sum, avg, min, max
  case lag, lead, rank, denseRank, percentRank, rowNumber, ntile
  /// Compensated sums of doubles (Trappe sums doubles with Neumaier's method).
  case compensatedSum
  case pow, exp, concat, substring, replace, trim, greatest, least, corr
}
