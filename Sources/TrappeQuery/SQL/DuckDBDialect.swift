import TrappeBase
import TrappeStorage

/// DuckDB's spelling of the SQL the compiler writes (checked with DuckDB 2.0).
package struct DuckDBDialect: SQLDialect {
  package init() {}

  package func identifier(_ name: String) -> String {
    "\"" + DuckDBDialect.doubling("\"", in: name) + "\""
  }

  package func string(_ text: String) -> String {
    "'" + DuckDBDialect.doubling("'", in: text) + "'"
  }

  /// `text` with every `quote` doubled.
  static func doubling(_ quote: Character, in text: String) -> String {
    var out = ""
    for c in text {
      out.append(c)
      if c == quote { out.append(c) }
    }
    return out
  }

  package func typeName(_ type: DataType, unit: PeriodUnit?) -> String {
    switch type {
    case .int64: return "BIGINT"
    case .double: return "DOUBLE"
    case .bool: return "BOOLEAN"
    case .string: return "VARCHAR"
    case .period: return unit == .year ? "INTEGER" : "DATE"
    }
  }

  /// The first day of a non-year period as `YYYY-MM-DD`.
  static func firstDay(of p: Period) -> String {
    let days: Int
    switch p.unit {
    case .year: days = CivilDate.days(year: p.year, month: 1, day: 1)
    case .quarter: days = CivilDate.days(year: p.year, month: ((p.quarter ?? 1) - 1) * 3 + 1, day: 1)
    case .month: days = CivilDate.days(year: p.year, month: p.month ?? 1, day: 1)
    case .week: days = CivilDate.referenceMonday + Int(p.ordinal) * 7
    }
    let c = CivilDate.civil(fromDays: days)
    func pad(_ n: Int, _ width: Int) -> String {
      let s = String(n)
      return String(repeating: "0", count: max(0, width - s.count)) + s
    }
    return "\(pad(c.year, 4))-\(pad(c.month, 2))-\(pad(c.day, 2))"
  }

  package func cast(_ sql: String, to type: DataType, unit: PeriodUnit?) -> String {
    "CAST(\(sql) AS \(typeName(type, unit: unit)))"
  }

  package func tryCast(_ sql: String, to type: DataType, unit: PeriodUnit?) -> String {
    "TRY_CAST(\(sql) AS \(typeName(type, unit: unit)))"
  }

  /// `nullif` three times, so the expression is written once (DuckDB's NaN equals itself).
  package func finite(_ sql: String) -> String {
    "nullif(nullif(nullif(\(sql), CAST('inf' AS DOUBLE)), CAST('-inf' AS DOUBLE)), CAST('nan' AS DOUBLE))"
  }

  package var nullsLast: String { "NULLS LAST" }

  package func functionName(_ name: SQLFunctionName) -> String {
    switch name {
    case .startsWith: return "starts_with"
    case .endsWith: return "ends_with"
    case .contains: return "contains"
    case .length: return "length_grapheme"
    case .lower: return "lower"
    case .upper: return "upper"
    case .abs: return "abs"
    case .ln: return "ln"
    case .sqrt: return "sqrt"
    case .floor: return "floor"
    case .ceil: return "ceil"
    case .round: return "round"
    case .trunc: return "trunc"
    case .quantile: return "quantile_cont"
    case .stddev: return "stddev_samp"
    case .argMin: return "arg_min"
    case .argMax: return "arg_max"
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
    case .compensatedSum: return "fsum"
    case .pow: return "pow"
    case .exp: return "exp"
    case .concat: return "concat"
    case .substring: return "substring"
    case .replace: return "replace"
    case .trim: return "trim"
    case .greatest: return "greatest"
    case .least: return "least"
    case .corr: return "corr"
    }
  }

  package func readCSV(
    path: String, columns: [(name: String, type: DataType, unit: PeriodUnit?)], format: SQLCSVFormat
  ) -> String {
    let spec = columns.map { column in
      let asText = column.type == .period || column.type == .bool || (format.decimalComma && column.type.isNumeric)
      let type = asText ? "VARCHAR" : typeName(column.type, unit: column.unit)
      return "\(string(column.name)): \(string(type))"
    }
    let nulls = format.nullTokens.map(string).joined(separator: ", ")
    return "read_csv(\(string(path)), header = \(format.header), auto_detect = false, "
      + "delim = \(string(String(format.delimiter))), quote = '\"', "
      + (format.latin1 ? "encoding = 'latin-1', " : "")
      + "nullstr = [\(nulls)], columns = {\(spec.joined(separator: ", "))})"
  }

  /// Any spelling Trappe reads (`2008Q3`, `2008K3`, `2008-09`, `2008M09`, `2008-W12`, `2008 U12`):
  /// the year is the first four digits, the number of the part the last one or two digits.
  package func period(fromText sql: String, unit: PeriodUnit) -> String {
    let year = "TRY_CAST(substr(\(sql), 1, 4) AS INTEGER)"
    let part = "TRY_CAST(regexp_extract(\(sql), '([0-9]{1,2})$', 1) AS INTEGER)"
    switch unit {
    case .year: return "TRY_CAST(\(sql) AS INTEGER)"
    case .quarter: return "make_date(\(year), (\(part) - 1) * 3 + 1, 1)"
    case .month: return "make_date(\(year), \(part), 1)"
    case .week:
      let jan4 = "make_date(\(year), 1, 4)"
      return "(\(jan4) - CAST(isodow(\(jan4)) - 1 AS INTEGER) + 7 * (\(part) - 1))"
    }
  }

  package func text(ofPeriod sql: String, unit: PeriodUnit) -> String {
    switch unit {
    case .year: return "CAST(\(sql) AS VARCHAR)"
    case .quarter: return "(CAST(year(\(sql)) AS VARCHAR) || 'Q' || CAST(quarter(\(sql)) AS VARCHAR))"
    case .month: return "strftime(\(sql), '%Y-%m')"
    case .week: return "(CAST(isoyear(\(sql)) AS VARCHAR) || 'W' || lpad(CAST(week(\(sql)) AS VARCHAR), 2, '0'))"
    }
  }

  package func period(_ sql: String, advancedBy count: String, unit: PeriodUnit) -> String {
    switch unit {
    case .year: return "CAST(\(sql) + \(count) AS INTEGER)"
    case .quarter: return "CAST(\(sql) + to_months(CAST(3 * (\(count)) AS INTEGER)) AS DATE)"
    case .month: return "CAST(\(sql) + to_months(CAST(\(count) AS INTEGER)) AS DATE)"
    case .week: return "CAST(\(sql) + 7 * CAST(\(count) AS INTEGER) AS DATE)"
    }
  }

  package func periods(from start: String, to end: String, unit: PeriodUnit) -> String {
    switch unit {
    case .year: return "CAST(\(end) - \(start) AS BIGINT)"
    case .quarter: return "CAST(datediff('month', \(start), \(end)) // 3 AS BIGINT)"
    case .month: return "CAST(datediff('month', \(start), \(end)) AS BIGINT)"
    case .week: return "CAST((\(end) - \(start)) // 7 AS BIGINT)"
    }
  }

  package func part(_ part: SQLPeriodPart, ofPeriod sql: String, unit: PeriodUnit) -> String {
    switch part {
    case .year:
      switch unit {
      case .year: return "CAST(\(sql) AS BIGINT)"
      case .week: return "CAST(isoyear(\(sql)) AS BIGINT)"
      case .quarter, .month: return "CAST(year(\(sql)) AS BIGINT)"
      }
    // A week is in the month (and quarter) of its Thursday, three days after its Monday.
    case .quarter: return unit == .week ? "CAST(quarter(\(sql) + 3) AS BIGINT)" : "CAST(quarter(\(sql)) AS BIGINT)"
    case .month: return unit == .week ? "CAST(month(\(sql) + 3) AS BIGINT)" : "CAST(month(\(sql)) AS BIGINT)"
    case .week: return "CAST(week(\(sql)) AS BIGINT)"
    }
  }

  package func serial(ofPeriod p: String, unit: PeriodUnit) -> (key: String, perYear: Int) {
    switch unit {
    case .month: return ("(CAST(year(\(p)) AS BIGINT) * 12 + month(\(p)))", 12)
    case .quarter: return ("(CAST(year(\(p)) AS BIGINT) * 4 + quarter(\(p)))", 4)
    case .week: return ("(CAST(isoyear(\(p)) AS BIGINT) * 53 + week(\(p)))", 53)
    case .year: return ("CAST(\(p) AS BIGINT)", 1)
    }
  }

  package func wideInteger(_ sql: String) -> String { "CAST(\(sql) AS HUGEINT)" }

  /// DuckDB sums BIGINTs into a HUGEINT.
  package func integerSumArgument(_ sql: String) -> String { sql }

  package func isFinite(_ sql: String) -> String { "isfinite(\(sql))" }

  package func list(_ items: [String]) -> String { "[\(items.joined(separator: ", "))]" }

  package func first(_ value: String, orderedBy items: [SQLOrderItem]) -> String {
    let order = items.map { item in
      item.sql + (item.descending.map { $0 ? " DESC" : " ASC" } ?? "")
    }
    return "\(functionName(.first))(\(value) ORDER BY \(order.joined(separator: ", ")))"
  }

  package func firstValue(_ sql: String, last: Bool) -> String {
    "\(last ? "last_value" : "first_value")(\(sql) IGNORE NULLS)"
  }

  package func correlation(_ y: String, _ x: String, filter: String) -> String {
    "\(functionName(.corr))(\(y), \(x))\(filter)"
  }

  package func windowCountDistinct(_ sql: String, over: String) -> String {
    "\(functionName(.count))(DISTINCT \(sql)) \(over)"
  }

  package func floor(_ sql: String, ceiling: Bool) -> String {
    "\(functionName(ceiling ? .ceil : .floor))(\(sql))"
  }

  package func truncate(_ sql: String) -> String { "\(functionName(.trunc))(\(sql))" }

  package func double(fromText sql: String) -> String { tryCast("trim(\(sql))", to: .double, unit: nil) }

  /// DuckDB writes the shortest round-trip digits; `+ 0.0` turns -0.0 into 0.0 as Trappe prints it.
  package func text(ofDouble sql: String) throws(SQLError) -> String {
    cast("(\(sql) + 0.0)", to: .string, unit: nil)
  }

  package func concat(_ arguments: [String]) -> String {
    "\(functionName(.concat))(\(arguments.joined(separator: ", ")))"
  }

  /// DuckDB raises an error beyond about ±2^32 where Trappe clips to the text: clamp first.
  package func substring(_ sql: String, _ arguments: [String]) -> String {
    let clamped = arguments.map { "greatest(least(\($0), 4294967295), -4294967296)" }
    return "\(functionName(.substring))(\(([sql] + clamped).joined(separator: ", ")))"
  }

  package func trimSpaces(_ sql: String) -> String { "\(functionName(.trim))(\(sql), ' ')" }

  package func length(_ sql: String) -> String { "\(functionName(.length))(\(sql))" }

  package func bind(_ value: String, as name: String, in body: String) -> String {
    "list_transform([\(value)], lambda \(name): \(body))[1]"
  }

  package var boundName: String { "y" }

  package func ulp(_ sql: String) -> String { "(nextafter(abs(\(sql)), CAST('inf' AS DOUBLE)) - abs(\(sql)))" }

  package var fileOrdinal: String { "row_number() OVER ()" }

  package func setup(
    path: String, columns: [(name: String, type: DataType, unit: PeriodUnit?)], format: SQLCSVFormat
  ) -> [String] { [] }

  package var compilesAnalyses: Bool { true }

  package var name: String { "DuckDB" }

  /// Trappe's Danish order as three keys (see ``DanishCollation``):
  /// 1. primary: the string with each character replaced by one whose code point orders like
  ///    Trappe's first-level weight (ASCII punctuation < digits < a–z < æ < ø < å < other
  ///    characters by code point; case and accents folded, `ß` as `ss`, combining marks dropped
  ///    after folding a/o/u + ring or diaeresis);
  /// 2. case: `0` for each upper-case and `1` for each lower-case character (upper first);
  /// 3. the string itself (code point order).
  package func collationKeys(_ sql: String) -> [String] {
    var folded = sql
    for (from, to) in DuckDBDialect.combined {
      folded = "replace(\(folded), \(string(from)), \(string(to)))"
    }
    // DEL (0x7F) is written as chr(127): pasted into a terminal it would act as a key.
    let from = DuckDBDialect.translateFrom.split(separator: "\u{7F}", omittingEmptySubsequences: false)
      .map { string(String($0)) }.joined(separator: " || chr(127) || ")
    let primary = "translate(\(folded), \(from), \(string(DuckDBDialect.translateTo)))"
    let caseKey =
      "array_to_string(list_transform(string_split(\(sql), ''), lambda c: CASE WHEN lower(c) <> c THEN '0' "
      + "WHEN upper(c) <> c THEN '1' ELSE '' END), '')"
    return [primary, caseKey, sql]
  }

  /// Sequences folded before translation: `ß` → `ss`, base letter + combining mark → Danish letter.
  static let combined: [(String, String)] = [
    ("ß", "ss"),
    ("a\u{30A}", "å"), ("A\u{30A}", "å"), ("a\u{308}", "æ"), ("A\u{308}", "æ"),
    ("o\u{308}", "ø"), ("O\u{308}", "ø"), ("o\u{338}", "ø"), ("O\u{338}", "ø"), ("o\u{30B}", "ø"), ("O\u{30B}", "ø"),
    ("u\u{308}", "y"), ("U\u{308}", "y"),
  ]

  /// The character map of the primary key: `translateFrom[i]` becomes `translateTo[i]`; the
  /// combining marks at the end of `translateFrom` have no partner and are deleted.
  static let (translateFrom, translateTo): (String, String) = {
    var from: [Unicode.Scalar] = []
    var to: [Unicode.Scalar] = []
    func map(_ scalars: [UInt32], _ target: UInt32) {
      for s in scalars {
        from.append(Unicode.Scalar(s)!)
        to.append(Unicode.Scalar(target)!)
      }
    }
    // ASCII other than letters and digits keeps its order below the digits: 0x00–0x2F stay.
    var next: UInt32 = 0x30
    for s in Array(0x3A...0x40) + Array(0x5B...0x60) + Array(0x7B...0x7F) {
      map([UInt32(s)], next)
      next += 1
    }
    let digitBase = next  // 0x42
    for d in 0..<10 { map([0x30 + UInt32(d)], digitBase + UInt32(d)) }
    let letterBase = digitBase + 10  // 0x4C; a = letterBase, å = letterBase + 28 = 0x68
    for l in 0..<26 { map([0x41 + UInt32(l), 0x61 + UInt32(l)], letterBase + UInt32(l)) }
    let latin: [(ClosedRange<UInt32>, UInt32)] = [
      (0xC6...0xC6, 26), (0xE6...0xE6, 26), (0xC4...0xC4, 26), (0xE4...0xE4, 26),
      (0xD8...0xD8, 27), (0xF8...0xF8, 27), (0xD6...0xD6, 27), (0xF6...0xF6, 27), (0x150...0x151, 27),
      (0xC5...0xC5, 28), (0xE5...0xE5, 28),
      (0xC0...0xC3, 0), (0xE0...0xE3, 0), (0xC7...0xC7, 2), (0xE7...0xE7, 2), (0xD0...0xD0, 3), (0xF0...0xF0, 3),
      (0xC8...0xCB, 4), (0xE8...0xEB, 4), (0xCC...0xCF, 8), (0xEC...0xEF, 8), (0xD1...0xD1, 13), (0xF1...0xF1, 13),
      (0xD2...0xD5, 14), (0xF2...0xF5, 14), (0xD9...0xDB, 20), (0xF9...0xFB, 20),
      (0xDC...0xDC, 24), (0xFC...0xFC, 24), (0xDD...0xDD, 24), (0xFD...0xFD, 24), (0xFF...0xFF, 24),
    ]
    for (range, position) in latin { map(Array(range), letterBase + position) }
    var fromText = String(String.UnicodeScalarView(from))
    for mark in UInt32(0x300)...0x36F { fromText.unicodeScalars.append(Unicode.Scalar(mark)!) }
    return (fromText, String(String.UnicodeScalarView(to)))
  }()
}
