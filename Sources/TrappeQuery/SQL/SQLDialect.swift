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
  /// A BIGINT serial number of a period (months and quarters counted from year 0, ISO weeks as
  /// isoyear × 53 + week) and how many serials make a year, for `yoy`'s RANGE frame.
  func serial(ofPeriod sql: String, unit: PeriodUnit) -> (key: String, perYear: Int)

  // Spellings the compiler needs beyond plain functions (each engine writes them its own way).

  /// An integer widened so that `+`, `-`, `*`, `abs` and `round` of two BIGINTs cannot overflow
  /// (the result is then narrowed with ``tryCast(_:to:unit:)``, NULL outside Int64).
  func wideInteger(_ sql: String) -> String
  /// The argument of an integer `sum` whose result is narrowed with ``tryCast(_:to:unit:)``:
  /// the engine must sum it without wrapping or failing.
  func integerSumArgument(_ sql: String) -> String
  /// True where a double is neither infinite nor NaN (NULL for NULL).
  func isFinite(_ sql: String) -> String
  /// A list value that compares element by element (collation keys).
  func list(_ items: [String]) -> String
  /// The aggregate that picks `value` of the first row in the given order.
  func first(_ value: String, orderedBy items: [SQLOrderItem]) -> String
  /// `first_value`/`last_value` skipping NULLs, without its `OVER` clause.
  func firstValue(_ sql: String, last: Bool) -> String
  /// The correlation of two doubles over the rows `filter` (a `FILTER (WHERE ...)` clause) keeps.
  func correlation(_ y: String, _ x: String, filter: String) -> String
  /// `count(DISTINCT x)` as a window function over `over` (an `OVER (...)` clause).
  func windowCountDistinct(_ sql: String, over: String) -> String
  /// The largest integral double not above (`ceiling`: not below) a double, as a double.
  func floor(_ sql: String, ceiling: Bool) -> String
  /// A double truncated toward zero, as a double.
  func truncate(_ sql: String) -> String
  /// Text parsed as a double after trimming spaces, NULL where it is no number.
  func double(fromText sql: String) -> String
  /// A double as Trappe prints it (shortest round-trip digits, integral values as `3.0`).
  func text(ofDouble sql: String) throws(SQLError) -> String
  /// Texts concatenated, NULL arguments skipped.
  func concat(_ arguments: [String]) -> String
  /// `substr(x, start[, length])` with Trappe's semantics for positions beyond the text.
  func substring(_ sql: String, _ arguments: [String]) -> String
  /// The text without leading and trailing spaces.
  func trimSpaces(_ sql: String) -> String
  /// The number of characters (grapheme clusters) of a text.
  func length(_ sql: String) -> String
  /// `body` evaluated with `name` bound to `value` (written once, so the engine computes it once).
  func bind(_ value: String, as name: String, in body: String) -> String
  /// The name ``bind(_:as:in:)`` binds in the compiler's uses (one the columns cannot shadow).
  var boundName: String { get }
  /// The distance from a finite double to the next larger one (`nextafter(y, inf) - y`).
  func ulp(_ sql: String) -> String
  /// The row number of a row of a CSV read, in file order.
  var fileOrdinal: String { get }
  /// The statements to run before the query that reads this CSV (views the read refers to).
  func setup(path: String, columns: [(name: String, type: DataType, unit: PeriodUnit?)], format: SQLCSVFormat)
    -> [String]
  /// Whether the analyses' SQL (written and checked for DuckDB) may be used in this dialect.
  var compilesAnalyses: Bool { get }
  /// The dialect's name for messages (`DuckDB`, `Spark SQL`).
  var name: String { get }
}

/// One `ORDER BY` item of ``SQLDialect/first(_:orderedBy:)``: `direction` nil writes none (ascending).
package struct SQLOrderItem: Sendable {
  package var sql: String
  package var descending: Bool?
  package init(_ sql: String, descending: Bool?) {
    self.sql = sql
    self.descending = descending
  }
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

extension SQLDialect {
  /// A constant: numbers cast to their type, NaN and infinities from text, a year period as its
  /// number, other periods as the DATE of their first day.
  package func literal(_ value: Value, type: DataType, unit: PeriodUnit?) -> String {
    switch value {
    case .null: return "CAST(NULL AS \(typeName(type, unit: unit)))"
    case .int64(let v):
      return type == .double ? "CAST(\(v) AS DOUBLE)" : "CAST(\(v) AS BIGINT)"
    case .double(let v):
      if v.isNaN { return "CAST('NaN' AS DOUBLE)" }
      if v.isInfinite { return v > 0 ? "CAST('Infinity' AS DOUBLE)" : "CAST('-Infinity' AS DOUBLE)" }
      return "CAST(\(v.description) AS DOUBLE)"
    case .bool(let v): return v ? "TRUE" : "FALSE"
    case .string(let v): return string(v)
    case .period(let p):
      switch p.unit {
      case .year: return "CAST(\(p.year) AS \(typeName(.period, unit: .year)))"
      case .quarter, .month, .week: return "DATE '\(DuckDBDialect.firstDay(of: p))'"
      }
    }
  }

  /// Trappe's bool spellings, in SQL both engines share.
  package func bool(fromText sql: String) -> String {
    "CASE WHEN lower(\(sql)) IN ('true', 'ja', 'yes', '1') THEN TRUE WHEN lower(\(sql)) IN ('false', 'nej', 'no', '0') "
      + "THEN FALSE END"
  }

  /// `1.234,5` as a number: group dots dropped, the comma made the decimal point.
  package func number(fromDecimalComma sql: String, type: DataType) -> String {
    "TRY_CAST(replace(replace(trim(\(sql)), '.', ''), ',', '.') AS \(typeName(type, unit: nil)))"
  }
}
