import TrappeBase
import TrappeStorage

/// Spark SQL's spelling of the SQL the compiler writes (checked with Spark 4.0 in local mode,
/// ANSI mode on or off: every conversion that may fail is a `TRY_CAST`, every division guarded).
///
/// What Spark cannot say the way Trappe computes it is refused with an ``SQLError`` when the
/// pipeline is compiled (`string()` of a double, the analyses) or stops the query with
/// `raise_error` when it runs (`substr` with a negative length), never answered differently.
/// Doubles are summed by Spark's plain `sum` (no compensation): sums agree with Trappe's
/// compensated sums to about 1e-12 relative on ordinary data, not to the last bit.
package struct SparkDialect: SQLDialect {
  package init() {}

  package var name: String { "Spark SQL" }

  package func identifier(_ name: String) -> String {
    "`" + DuckDBDialect.doubling("`", in: name) + "`"
  }

  /// Spark reads backslash escapes inside string literals: `\` and `'` are escaped with `\`.
  package func string(_ text: String) -> String {
    var out = "'"
    for c in text {
      if c == "\\" || c == "'" { out.append("\\") }
      out.append(c)
    }
    return out + "'"
  }

  package func typeName(_ type: DataType, unit: PeriodUnit?) -> String {
    switch type {
    case .int64: return "BIGINT"
    case .double: return "DOUBLE"
    case .bool: return "BOOLEAN"
    case .string: return "STRING"
    case .period: return unit == .year ? "INT" : "DATE"
    }
  }

  package func cast(_ sql: String, to type: DataType, unit: PeriodUnit?) -> String {
    "CAST(\(sql) AS \(typeName(type, unit: unit)))"
  }

  package func tryCast(_ sql: String, to type: DataType, unit: PeriodUnit?) -> String {
    "TRY_CAST(\(sql) AS \(typeName(type, unit: unit)))"
  }

  /// Spark's NaN equals itself, so `nullif` works as in DuckDB.
  package func finite(_ sql: String) -> String {
    "nullif(nullif(nullif(\(sql), CAST('Infinity' AS DOUBLE)), CAST('-Infinity' AS DOUBLE)), CAST('NaN' AS DOUBLE))"
  }

  package var nullsLast: String { "NULLS LAST" }

  package func functionName(_ name: SQLFunctionName) -> String {
    switch name {
    case .startsWith: return "startswith"
    case .endsWith: return "endswith"
    case .contains: return "contains"
    case .length: return "length"
    case .lower: return "lower"
    case .upper: return "upper"
    case .abs: return "abs"
    case .ln: return "ln"
    case .sqrt: return "sqrt"
    case .floor: return "floor"
    case .ceil: return "ceil"
    case .round: return "round"
    case .trunc: return "trunc"
    case .quantile: return "percentile"
    case .stddev: return "stddev_samp"
    case .argMin: return "min_by"
    case .argMax: return "max_by"
    case .first: return "first"
    case .count: return "count"
    case .sum: return "sum"
    case .avg: return "avg"
    case .min: return "min"
    case .max: return "max"
    case .lag: return "lag"
    case .lead: return "lead"
    case .rank: return "rank"
    case .denseRank: return "dense_rank"
    case .percentRank: return "percent_rank"
    case .rowNumber: return "row_number"
    case .ntile: return "ntile"
    // Spark has no compensated sum: the plain sum of doubles (see the type's documentation).
    case .compensatedSum: return "sum"
    case .pow: return "pow"
    case .exp: return "exp"
    case .concat: return "concat"
    case .substring: return "substring"
    case .replace: return "replace"
    case .trim: return "btrim"
    case .greatest: return "greatest"
    case .least: return "least"
    case .corr: return "corr"
    }
  }

  /// The view ``setup(path:columns:format:)`` creates for a CSV read (one per file and format).
  func view(path: String, columns: [(name: String, type: DataType, unit: PeriodUnit?)], format: SQLCSVFormat)
    -> String
  {
    let key =
      path + "\u{1}" + columns.map(\.name).joined(separator: "\u{1}") + "\u{1}" + String(format.delimiter)
      + (format.latin1 ? "L" : "U") + (format.header ? "H" : "N")
    return identifier("__trappe_csv_" + ContentHash.fnv1a(Array(key.utf8)))
  }

  /// A temporary view reading every column as text (Trappe's null tokens are mapped in
  /// ``readCSV(path:columns:format:)``); quotes doubled inside quoted fields, as Trappe writes them.
  package func setup(
    path: String, columns: [(name: String, type: DataType, unit: PeriodUnit?)], format: SQLCSVFormat
  ) -> [String] {
    let schema = columns.map { "\(identifier($0.name)) STRING" }.joined(separator: ", ")
    let options = [
      ("path", path), ("header", format.header ? "true" : "false"), ("sep", String(format.delimiter)),
      ("quote", "\""), ("escape", "\""), ("multiLine", "true"), ("mode", "FAILFAST"),
      ("encoding", format.latin1 ? "ISO-8859-1" : "UTF-8"),
    ].map { "\($0.0) \(string($0.1))" }.joined(separator: ", ")
    return [
      "CREATE OR REPLACE TEMPORARY VIEW \(view(path: path, columns: columns, format: format)) (\(schema)) "
        + "USING csv OPTIONS (\(options))"
    ]
  }

  /// The view's rows numbered in file order (one file read as one partition, `multiLine`), null
  /// tokens as NULL, and numbers converted as the table's types say (periods, bools and numbers in
  /// decimal-comma files stay text: the scan converts them).
  package func readCSV(
    path: String, columns: [(name: String, type: DataType, unit: PeriodUnit?)], format: SQLCSVFormat
  ) -> String {
    let nulls = format.nullTokens.map(string).joined(separator: ", ")
    let items = columns.map { column -> String in
      let id = identifier(column.name)
      let text = nulls.isEmpty ? id : "CASE WHEN \(id) IN (\(nulls)) THEN NULL ELSE \(id) END"
      let asText =
        column.type == .period || column.type == .bool || column.type == .string
        || (format.decimalComma && column.type.isNumeric)
      return "\(asText ? text : cast(text, to: column.type, unit: column.unit)) AS \(id)"
    }
    return "(SELECT monotonically_increasing_id() AS \(identifier("__trappe_row")), \(items.joined(separator: ", ")) "
      + "FROM \(view(path: path, columns: columns, format: format)))"
  }

  package var fileOrdinal: String { "row_number() OVER (ORDER BY \(identifier("__trappe_row")))" }

  package func period(fromText sql: String, unit: PeriodUnit) -> String {
    let year = "TRY_CAST(substr(\(sql), 1, 4) AS INT)"
    let part = "TRY_CAST(regexp_extract(\(sql), '([0-9]{1,2})$', 1) AS INT)"
    switch unit {
    case .year: return "TRY_CAST(\(sql) AS INT)"
    case .quarter: return "make_date(\(year), (\(part) - 1) * 3 + 1, 1)"
    case .month: return "make_date(\(year), \(part), 1)"
    case .week:
      let jan4 = "make_date(\(year), 1, 4)"
      return "date_add(\(jan4), 7 * (\(part) - 1) - weekday(\(jan4)))"
    }
  }

  package func text(ofPeriod sql: String, unit: PeriodUnit) -> String {
    switch unit {
    case .year: return "CAST(\(sql) AS STRING)"
    case .quarter: return "(CAST(year(\(sql)) AS STRING) || 'Q' || CAST(quarter(\(sql)) AS STRING))"
    case .month: return "date_format(\(sql), 'yyyy-MM')"
    case .week:
      return "(CAST(extract(YEAROFWEEK FROM \(sql)) AS STRING) || 'W' || lpad(CAST(weekofyear(\(sql)) AS STRING), 2, '0'))"
    }
  }

  package func period(_ sql: String, advancedBy count: String, unit: PeriodUnit) -> String {
    switch unit {
    case .year: return "CAST(\(sql) + \(count) AS INT)"
    case .quarter: return "add_months(\(sql), CAST(3 * (\(count)) AS INT))"
    case .month: return "add_months(\(sql), CAST(\(count) AS INT))"
    case .week: return "date_add(\(sql), 7 * CAST(\(count) AS INT))"
    }
  }

  package func periods(from start: String, to end: String, unit: PeriodUnit) -> String {
    let months = "((year(\(end)) * 12 + month(\(end))) - (year(\(start)) * 12 + month(\(start))))"
    switch unit {
    case .year: return "CAST(\(end) - \(start) AS BIGINT)"
    case .quarter: return "CAST(\(months) div 3 AS BIGINT)"
    case .month: return "CAST(\(months) AS BIGINT)"
    case .week: return "CAST(datediff(\(end), \(start)) div 7 AS BIGINT)"
    }
  }

  package func part(_ part: SQLPeriodPart, ofPeriod sql: String, unit: PeriodUnit) -> String {
    switch part {
    case .year:
      switch unit {
      case .year: return "CAST(\(sql) AS BIGINT)"
      case .week: return "CAST(extract(YEAROFWEEK FROM \(sql)) AS BIGINT)"
      case .quarter, .month: return "CAST(year(\(sql)) AS BIGINT)"
      }
    // A week is in the month (and quarter) of its Thursday, three days after its Monday.
    case .quarter:
      return unit == .week ? "CAST(quarter(date_add(\(sql), 3)) AS BIGINT)" : "CAST(quarter(\(sql)) AS BIGINT)"
    case .month:
      return unit == .week ? "CAST(month(date_add(\(sql), 3)) AS BIGINT)" : "CAST(month(\(sql)) AS BIGINT)"
    case .week: return "CAST(weekofyear(\(sql)) AS BIGINT)"
    }
  }

  package func serial(ofPeriod p: String, unit: PeriodUnit) -> (key: String, perYear: Int) {
    switch unit {
    case .month: return ("(CAST(year(\(p)) AS BIGINT) * 12 + month(\(p)))", 12)
    case .quarter: return ("(CAST(year(\(p)) AS BIGINT) * 4 + quarter(\(p)))", 4)
    case .week: return ("(CAST(extract(YEAROFWEEK FROM \(p)) AS BIGINT) * 53 + weekofyear(\(p)))", 53)
    case .year: return ("CAST(\(p) AS BIGINT)", 1)
    }
  }

  /// DECIMAL(38,0) holds any sum or product of two BIGINTs.
  package func wideInteger(_ sql: String) -> String { "CAST(\(sql) AS DECIMAL(38,0))" }

  /// Spark's sum of BIGINTs wraps (or fails in ANSI mode); summed as DECIMAL(38,0) it cannot.
  package func integerSumArgument(_ sql: String) -> String { "CAST(\(sql) AS DECIMAL(38,0))" }

  /// NaN orders above every double in Spark, so only finite values are below infinity.
  package func isFinite(_ sql: String) -> String { "(abs(\(sql)) < CAST('Infinity' AS DOUBLE))" }

  package func list(_ items: [String]) -> String { "array(\(items.joined(separator: ", ")))" }

  /// `min_by`/`max_by` over a struct of the keys: the first key's direction chooses between them,
  /// keys in the other direction are negated (only numeric keys, such as `__ord`, ever are).
  package func first(_ value: String, orderedBy items: [SQLOrderItem]) -> String {
    guard let head = items.first else { return value }
    let descending = head.descending ?? false
    let keys = items.map { ($0.descending ?? false) == descending ? $0.sql : "-(\($0.sql))" }
    return "\(descending ? "max_by" : "min_by")(\(value), struct(\(keys.joined(separator: ", "))))"
  }

  package func firstValue(_ sql: String, last: Bool) -> String { "\(last ? "last" : "first")(\(sql), true)" }

  /// Spark's `corr` divides by zero for a constant side, which fails in ANSI mode although the
  /// compiler's CASE gives NULL there: the same quotient from `covar_samp` and `stddev_samp`
  /// (they give NULL for one row), agreeing with `corr` to rounding.
  package func correlation(_ y: String, _ x: String, filter: String) -> String {
    "(covar_samp(\(y), \(x))\(filter) / NULLIF(stddev_samp(\(x))\(filter) * stddev_samp(\(y))\(filter), 0))"
  }

  /// Spark has no DISTINCT window aggregates: the size of the set of non-NULL values.
  package func windowCountDistinct(_ sql: String, over: String) -> String { "size(collect_set(\(sql)) \(over))" }

  /// Spark's `floor`/`ceil` of a double is a BIGINT: used below 2^52, where doubles may have a
  /// fraction and the BIGINT is exact; a larger double is integral already.
  package func floor(_ sql: String, ceiling: Bool) -> String {
    "(CASE WHEN abs(\(sql)) < 4503599627370496 THEN CAST(\(ceiling ? "ceil" : "floor")(\(sql)) AS DOUBLE) ELSE \(sql) END)"
  }

  package func truncate(_ sql: String) -> String {
    "(CASE WHEN abs(\(sql)) < 4503599627370496 THEN CAST(CAST(\(sql) AS BIGINT) AS DOUBLE) ELSE \(sql) END)"
  }

  /// Spark's cast also reads Java's forms (`1d`, `0x1p3`): only decimal numbers are cast.
  package func double(fromText sql: String) -> String {
    let trimmed = "trim(\(sql))"
    return "CASE WHEN \(trimmed) RLIKE \(string("^[+-]?([0-9]+[.]?[0-9]*|[.][0-9]+)([eE][+-]?[0-9]+)?$")) "
      + "THEN \(tryCast(trimmed, to: .double, unit: nil)) END"
  }

  package func text(ofDouble sql: String) throws(SQLError) -> String {
    throw SQLError(
      "string() of a double has no Spark SQL form: Spark writes doubles as Java does (1.0E7, 1.0E-4), "
        + "Trappe as 10000000.0 and 0.0001",
      hints: ["convert after the query, or use string(int(x)) or string(round(x)) where an integer will do"])
  }

  /// `concat_ws` skips NULLs as Trappe's concat does (Spark's `concat` gives NULL).
  package func concat(_ arguments: [String]) -> String { "concat_ws('', \(arguments.joined(separator: ", ")))" }

  /// Spark treats a start of 0 as 1 where Trappe counts position 0 before the first character
  /// (`substr("abcde", 0, 2)` is `a`): written as start 1 with one character less. Negative
  /// starts count from the end in both. A negative length or a start below -2^31 stop the query
  /// with an error instead of giving another answer; larger values are clipped (the text is shorter).
  package func substring(_ sql: String, _ arguments: [String]) -> String {
    guard let start = arguments.first else { return sql }
    var supported = "\(start) >= -2147483647"
    var call = "CASE WHEN \(start) = 0 THEN 1 ELSE least(\(start), 2147483647) END"
    if arguments.count > 1 {
      let length = arguments[1]
      supported += " AND \(length) >= 0"
      call += ", CASE WHEN \(start) = 0 THEN least(\(length), 2147483647) - 1 ELSE least(\(length), 2147483647) END"
    }
    let message = string("substr with a negative length or a start below -2^31 has no Spark SQL form in Trappe")
    return "(CASE WHEN \(sql) IS NULL OR \(arguments.map { "\($0) IS NULL" }.joined(separator: " OR ")) THEN NULL "
      + "WHEN \(supported) THEN substring(\(sql), \(call)) "
      + "ELSE CAST(raise_error(\(message)) AS STRING) END)"
  }

  package func trimSpaces(_ sql: String) -> String { "btrim(\(sql), ' ')" }

  /// Grapheme clusters, as Swift counts characters: Java's `\X`.
  package func length(_ sql: String) -> String { "regexp_count(\(sql), \(string("\\X")))" }

  package func bind(_ value: String, as name: String, in body: String) -> String {
    "element_at(transform(array(\(value)), \(name) -> \(body)), 1)"
  }

  package var boundName: String { "__trappe_y" }

  /// 2^(e - 52) for the binary exponent e of |y| (at least -1022), with `log2`'s rounding corrected.
  package func ulp(_ sql: String) -> String {
    let a = "abs(\(sql))"
    let guess = "coalesce(CAST(floor(log2(\(a))) AS INT), -1074)"
    let exponent =
      "(\(guess) - CASE WHEN pow(CAST(2 AS DOUBLE), \(guess)) > \(a) THEN 1 ELSE 0 END "
      + "+ CASE WHEN pow(CAST(2 AS DOUBLE), \(guess) + 1) <= \(a) THEN 1 ELSE 0 END)"
    return "pow(CAST(2 AS DOUBLE), greatest(\(exponent), -1022) - 52)"
  }

  package var compilesAnalyses: Bool { false }

  /// The same three keys as ``DuckDBDialect/collationKeys(_:)``, in Spark's functions.
  package func collationKeys(_ sql: String) -> [String] {
    var folded = sql
    for (from, to) in DuckDBDialect.combined {
      folded = "replace(\(folded), \(string(from)), \(string(to)))"
    }
    let from = DuckDBDialect.translateFrom.split(separator: "\u{7F}", omittingEmptySubsequences: false)
      .map { string(String($0)) }.joined(separator: " || chr(127) || ")
    let primary = "translate(\(folded), \(from), \(string(DuckDBDialect.translateTo)))"
    let c = "__trappe_c"
    let caseKey =
      "concat_ws('', transform(split(\(sql), ''), \(c) -> CASE WHEN lower(\(c)) <> \(c) THEN '0' "
      + "WHEN upper(\(c)) <> \(c) THEN '1' ELSE '' END))"
    return [primary, caseKey, sql]
  }
}
