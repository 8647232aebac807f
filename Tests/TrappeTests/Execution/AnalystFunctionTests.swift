import Testing
@testable import TrappeBase
@testable import TrappeStorage
@testable import TrappeIO
@testable import TrappeQuery
@testable import TrappeAnalysis
@testable import TrappeCharts
@testable import TrappeDatasets
@testable import TrappeShell
import TrappeTestSupport

/// The functions of issue 11 item 4 (pow, exp, concat and text +, substr, replace, trim,
/// greatest, least, count_if, sum/avg of bools, corr, arg_max, arg_min, ntile, lag, lead),
/// run as queries on a small table with NULLs, ties, æøå, a one-row group and a huge int.
/// Every expected value comes from DuckDB 2.0.1 (the SQL is in the comment above it) or from
/// the arithmetic in the comment.
@Suite struct AnalystFunctionTests {
  /// t:  rn | g | s         | x                    | y    | b
  ///      1 | a | "  Æble " | 1                    | 2.0  | true
  ///      2 | a | "øst"     | 2                    | 4.0  | false
  ///      3 | a | "Aa"      | 3                    | 7.0  | NULL
  ///      4 | a | NULL      | NULL                 | 9.0  | true
  ///      5 | b | "å"       | 5                    | NULL | true
  ///      6 | b | ""        | -9223372036854775807 | 1.5  | false
  ///      7 | c | "x"       | 7                    | 7.0  | NULL
  static let table = Table([
    ("g", .string(StringColumn(["a", "a", "a", "a", "b", "b", "c"]))),
    ("s", .string(StringColumn(["  Æble ", "øst", "Aa", nil, "å", "", "x"]))),
    ("x", TestColumns.ints([1, 2, 3, nil, 5, -9_223_372_036_854_775_807, 7])),
    ("y", TestColumns.doubles([2, 4, 7, 9, nil, 1.5, 7])),
    ("b", EvaluationTestSupport.bools([true, false, nil, true, true, false, nil])),
  ])

  /// The CSV output and the error stream of `query` on t.
  func run(_ query: String) -> (csv: String, errors: String) {
    var settings = SessionSettings()
    settings.format = .csv
    let captured = CapturedSession(settings: settings)
    captured.add("t", Self.table)
    _ = captured.session.run(query)
    return (captured.standard, captured.errors)
  }

  func csv(_ query: String) -> String { run(query).csv }

  // MARK: scalar functions

  @Test func powAndExpGiveNullWithAWarningWhenNotFinite() {
    // DuckDB: pow(2,10) 1024.0, pow(-2,3) -8.0, pow(2,-1) 0.5, pow(0,0) 1.0; pow(0,-1) inf,
    // pow(-8,1/3) nan, pow(10,400) inf, pow(-2,0.5) nan (all four NULL here).
    let out = run(
      "t | take 1 | select a = pow(2, 10), b = pow(-2, 3), c = pow(2, -1), d = pow(0, 0), e = pow(0, -1), "
        + "f = pow(-8, 1/3), g = pow(10, 400), h = pow(-2, 0.5), i = pow(null, 2)")
    #expect(out.csv == "a,b,c,d,e,f,g,h,i\n1024.0,-8.0,0.5,1.0,,,,,\n")
    #expect(out.errors.contains("4 results that were not finite numbers gave NULL"), "\(out.errors)")
    // DuckDB: exp(0) 1.0, exp(1) 2.718281828459045, exp(-1) 0.36787944117144233,
    // exp(709) 8.218407461554972e+307, exp(710) inf, exp(-1000) 0.0.
    let e = run("t | take 1 | select a = exp(0), b = exp(1), c = exp(-1), d = exp(709), e = exp(710), f = exp(-1000)")
    #expect(e.csv == "a,b,c,d,e,f\n1.0,2.718281828459045,0.36787944117144233,8.218407461554972e+307,,0.0\n")
    #expect(e.errors.contains("1 result that was not a finite number gave NULL"), "\(e.errors)")
    // Per row over a column: pow(x, 2) on 1, 2, 3, NULL, 5, -9223372036854775807 (as a double: 2^63 - 1
    // rounds to 9.223372036854776e18, squared 8.507059173023462e+37), 7.
    #expect(
      csv("t | select p = pow(x, 2)")
        == "p\n1.0\n4.0\n9.0\n\n25.0\n8.507059173023462e+37\n49.0\n")
  }

  @Test func concatSkipsNullsAndTextPlusIsNullWithANull() {
    // DuckDB: select concat(s, x, y, b), s || x::varchar from t order by rn
    // (CSV output puts ' before text that starts with -, as a spreadsheet formula guard.)
    #expect(
      csv("t | select c = concat(s, x, y, b), p = s + string(x)")
        == "c,p\n  Æble 12.0true,  Æble 1\nøst24.0false,øst2\nAa37.0,Aa3\n9.0true,\nå5true,å5\n"
        + "'-92233720368547758071.5false,'-9223372036854775807\nx77.0,x7\n")
    // DuckDB: concat(NULL, NULL) is '' (not NULL); 'a' || NULL is NULL.
    #expect(csv("t | take 1 | select a = concat(null, null), b = \"a\" + null, c = concat(\"æ\") + \"ø\"") == "a,b,c\n,,æø\n")
    #expect(csv("t | where s is null | select a = concat(s) == \"\"") == "a\ntrue\n")
  }

  @Test func textPlusNumberIsAnErrorWithAHint() {
    let errors = run("t | select k = s + x").errors
    #expect(errors.contains("error: cannot use '+' on string and int"), "\(errors)")
    #expect(errors.contains("  1 | t | select k = s + x\n    |                ^^^^^\n"), "\(errors)")
    #expect(errors.contains("hint: to join text with a number, use concat(a, b) (it converts numbers) or string(x) + text"))
    #expect(run("t | select k = s - s").errors.contains("hint: text takes only + (to join two texts)"))
  }

  @Test func trimReplaceAndSubstrPerRow() {
    // DuckDB: select trim(s), replace(s, 'ø', 'oe'), substring(s, 2), substring(s, -2, 5) from t order by rn
    #expect(
      csv("t | select t = trim(s), r = replace(s, \"ø\", \"oe\"), a = substr(s, 2), b = substr(s, -2, 5)")
        == "t,r,a,b\nÆble,  Æble , Æble ,e \nøst,oest,st,st\nAa,Aa,a,Aa\n,,,\nå,å,,å\n,,,\nx,x,,x\n")
    // DuckDB: replace('aaa','aa','b') 'ba', replace('abc','','x') 'abc', replace('æøå æøå','ø','oe') 'æoeå æoeå',
    // trim('\t a ') '\t a' (spaces only), trim('   ') ''.
    #expect(
      csv("t | take 1 | select a = replace(\"aaa\", \"aa\", \"b\"), b = replace(\"abc\", \"\", \"x\"), "
        + "c = replace(\"æøå æøå\", \"ø\", \"oe\"), d = trim(\"   \"), e = length(trim(\"\t a \"))")
        == "a,b,c,d,e\nba,abc,æoeå æoeå,,3\n")
    // Positions from a column (the per-row path): substr(s, x, 2) with x = 1, 2, 3, NULL, 5, huge negative, 7.
    // DuckDB: "  ", "st", "" (start past "Aa"), NULL, "" , "", "".
    #expect(csv("t | select a = substr(s, x, 2)") == "a\n  \nst\n\n\n\n\n\n")
  }

  /// DuckDB 2.0.1 `substring(s, start[, length])` for every pair below.
  @Test(arguments: [
    ("hello", -7, nil, "hello"),
    ("hello", -7, -3, ""),
    ("hello", -7, -1, ""),
    ("hello", -7, 0, ""),
    ("hello", -7, 1, ""),
    ("hello", -7, 2, ""),
    ("hello", -7, 10, "hello"),
    ("hello", -2, nil, "lo"),
    ("hello", -2, -3, "hel"),
    ("hello", -2, -1, "l"),
    ("hello", -2, 0, ""),
    ("hello", -2, 1, "l"),
    ("hello", -2, 2, "lo"),
    ("hello", -2, 10, "lo"),
    ("hello", -1, nil, "o"),
    ("hello", -1, -3, "ell"),
    ("hello", -1, -1, "l"),
    ("hello", -1, 0, ""),
    ("hello", -1, 1, "o"),
    ("hello", -1, 2, "o"),
    ("hello", -1, 10, "o"),
    ("hello", 0, nil, "hello"),
    ("hello", 0, -3, ""),
    ("hello", 0, -1, ""),
    ("hello", 0, 0, ""),
    ("hello", 0, 1, ""),
    ("hello", 0, 2, "h"),
    ("hello", 0, 10, "hello"),
    ("hello", 1, nil, "hello"),
    ("hello", 1, -3, ""),
    ("hello", 1, -1, ""),
    ("hello", 1, 0, ""),
    ("hello", 1, 1, "h"),
    ("hello", 1, 2, "he"),
    ("hello", 1, 10, "hello"),
    ("hello", 2, nil, "ello"),
    ("hello", 2, -3, "h"),
    ("hello", 2, -1, "h"),
    ("hello", 2, 0, ""),
    ("hello", 2, 1, "e"),
    ("hello", 2, 2, "el"),
    ("hello", 2, 10, "ello"),
    ("hello", 5, nil, "o"),
    ("hello", 5, -3, "ell"),
    ("hello", 5, -1, "l"),
    ("hello", 5, 0, ""),
    ("hello", 5, 1, "o"),
    ("hello", 5, 2, "o"),
    ("hello", 5, 10, "o"),
    ("hello", 9, nil, ""),
    ("hello", 9, -3, ""),
    ("hello", 9, -1, ""),
    ("hello", 9, 0, ""),
    ("hello", 9, 1, ""),
    ("hello", 9, 2, ""),
    ("hello", 9, 10, ""),
    ("æøå", -7, nil, "æøå"),
    ("æøå", -7, -3, ""),
    ("æøå", -7, -1, ""),
    ("æøå", -7, 0, ""),
    ("æøå", -7, 1, ""),
    ("æøå", -7, 2, ""),
    ("æøå", -7, 10, "æøå"),
    ("æøå", -2, nil, "øå"),
    ("æøå", -2, -3, "æ"),
    ("æøå", -2, -1, "æ"),
    ("æøå", -2, 0, ""),
    ("æøå", -2, 1, "ø"),
    ("æøå", -2, 2, "øå"),
    ("æøå", -2, 10, "øå"),
    ("æøå", -1, nil, "å"),
    ("æøå", -1, -3, "æø"),
    ("æøå", -1, -1, "ø"),
    ("æøå", -1, 0, ""),
    ("æøå", -1, 1, "å"),
    ("æøå", -1, 2, "å"),
    ("æøå", -1, 10, "å"),
    ("æøå", 0, nil, "æøå"),
    ("æøå", 0, -3, ""),
    ("æøå", 0, -1, ""),
    ("æøå", 0, 0, ""),
    ("æøå", 0, 1, ""),
    ("æøå", 0, 2, "æ"),
    ("æøå", 0, 10, "æøå"),
    ("æøå", 1, nil, "æøå"),
    ("æøå", 1, -3, ""),
    ("æøå", 1, -1, ""),
    ("æøå", 1, 0, ""),
    ("æøå", 1, 1, "æ"),
    ("æøå", 1, 2, "æø"),
    ("æøå", 1, 10, "æøå"),
    ("æøå", 2, nil, "øå"),
    ("æøå", 2, -3, "æ"),
    ("æøå", 2, -1, "æ"),
    ("æøå", 2, 0, ""),
    ("æøå", 2, 1, "ø"),
    ("æøå", 2, 2, "øå"),
    ("æøå", 2, 10, "øå"),
    ("æøå", 5, nil, ""),
    ("æøå", 5, -3, "øå"),
    ("æøå", 5, -1, ""),
    ("æøå", 5, 0, ""),
    ("æøå", 5, 1, ""),
    ("æøå", 5, 2, ""),
    ("æøå", 5, 10, ""),
    ("æøå", 9, nil, ""),
    ("æøå", 9, -3, ""),
    ("æøå", 9, -1, ""),
    ("æøå", 9, 0, ""),
    ("æøå", 9, 1, ""),
    ("æøå", 9, 2, ""),
    ("æøå", 9, 10, ""),
    ("", -7, nil, ""),
    ("", -7, -3, ""),
    ("", -7, -1, ""),
    ("", -7, 0, ""),
    ("", -7, 1, ""),
    ("", -7, 2, ""),
    ("", -7, 10, ""),
    ("", -2, nil, ""),
    ("", -2, -3, ""),
    ("", -2, -1, ""),
    ("", -2, 0, ""),
    ("", -2, 1, ""),
    ("", -2, 2, ""),
    ("", -2, 10, ""),
    ("", -1, nil, ""),
    ("", -1, -3, ""),
    ("", -1, -1, ""),
    ("", -1, 0, ""),
    ("", -1, 1, ""),
    ("", -1, 2, ""),
    ("", -1, 10, ""),
    ("", 0, nil, ""),
    ("", 0, -3, ""),
    ("", 0, -1, ""),
    ("", 0, 0, ""),
    ("", 0, 1, ""),
    ("", 0, 2, ""),
    ("", 0, 10, ""),
    ("", 1, nil, ""),
    ("", 1, -3, ""),
    ("", 1, -1, ""),
    ("", 1, 0, ""),
    ("", 1, 1, ""),
    ("", 1, 2, ""),
    ("", 1, 10, ""),
    ("", 2, nil, ""),
    ("", 2, -3, ""),
    ("", 2, -1, ""),
    ("", 2, 0, ""),
    ("", 2, 1, ""),
    ("", 2, 2, ""),
    ("", 2, 10, ""),
    ("", 5, nil, ""),
    ("", 5, -3, ""),
    ("", 5, -1, ""),
    ("", 5, 0, ""),
    ("", 5, 1, ""),
    ("", 5, 2, ""),
    ("", 5, 10, ""),
    ("", 9, nil, ""),
    ("", 9, -3, ""),
    ("", 9, -1, ""),
    ("", 9, 0, ""),
    ("", 9, 1, ""),
    ("", 9, 2, ""),
    ("", 9, 10, ""),
  ] as [(String, Int64, Int64?, String)])
  func substrMatchesDuckDB(_ s: String, _ start: Int64, _ length: Int64?, _ expected: String) {
    #expect(SubstringFunction.slice(s, start: start, length: length ?? Int64(UInt32.max)) == expected)
  }

  @Test func greatestAndLeastSkipNulls() {
    // DuckDB: greatest(x, y), least(x, y, 0) by row (mixed int/double gives double; NULLs skipped).
    #expect(
      csv("t | select g = greatest(x, y), l = least(x, y, 0)")
        == "g,l\n2.0,0.0\n4.0,0.0\n7.0,0.0\n9.0,0.0\n5.0,0.0\n1.5,-9.223372036854776e+18\n7.0,0.0\n")
    // Ints stay ints; all NULL gives NULL.
    #expect(csv("t | select g = greatest(x, 4), l = least(null, x) | take 4") == "g,l\n4,1\n4,2\n4,3\n4,\n")
    #expect(csv("t | take 1 | select g = greatest(null, null)") == "g\n\n")
    #expect(run("t | select g = greatest(s, 1)").errors.contains("error: greatest needs a number, but this is string"))
  }

  // MARK: aggregates

  @Test func countIfSumAndAvgOfBools() {
    // b per group: a = true, false, NULL, true; b = true, false; c = NULL.
    // count_if: 2, 1, 0 (DuckDB's count_if gives NULL for c; Trappe counts, like count(*) FILTER (WHERE b)).
    // sum(b): 2, 1, NULL (sum of no values); avg(b): 2/3, 1/2, NULL.
    #expect(
      csv("t | summarize n = count_if(b), s = sum(b), a = avg(b), big = count_if(x > 2) by g")
        == "g,n,s,a,big\na,2,2,0.6666666666666666,1\nb,1,1,0.5,1\nc,0,,,1\n")
    // An empty input: one row (no by), count_if 0.
    #expect(csv("t | where false | summarize n = count_if(b)") == "n\n0\n")
    let error = run("t | summarize n = count_if(x)").errors
    #expect(error.contains("error: count_if needs a condition (true or false), but this is int"), "\(error)")
  }

  @Test func corrNeedsTwoPairsAndVariance() {
    // DuckDB: select g, corr(x, y) from t group by g: a 0.9933992677987827 (pairs (1,2), (2,4), (3,7));
    // b NaN (one pair: 5 has y NULL) and c NaN (one row), both NULL in Trappe.
    #expect(csv("t | summarize r = corr(x, y) by g") == "g,r\na,0.9933992677987827\nb,\nc,\n")
    // Large offsets do not cancel: DuckDB corr(x + 1e9, y) over group a is 0.9933992677987827 too.
    let shifted = csv("t | where g == \"a\" | summarize r = corr(x + 1000000000, y)")
    let r = Double(shifted.split(separator: "\n")[1]) ?? 0
    #expect(abs(r - 0.9933992677987827) < 1e-9, "\(shifted)")
    // Zero variance: x constant.
    #expect(csv("t | summarize r = corr(1, y)") == "r\n\n")
    // A constant that is not a binary fraction: the mean of n copies of 0.1 is not exactly 0.1,
    // and without shifting by the first value the variance was a tiny positive number (corr
    // 0.9999999999999998 or 1.0). DuckDB: corr(x, x) and corr(x, i) over 98 rows of 0.1, and
    // corr(x, x) over 2000 rows of -10 / 1000000.0, are NaN, i.e. NULL.
    #expect(csv("t | extend c = 0.1 | summarize r = corr(c, c), s = corr(c, y)") == "r,s\n,\n")
    #expect(csv("t | extend c = -10 / 1000000.0 | summarize r = corr(c, c) by g") == "g,r\na,\nb,\nc,\n")
  }

  @Test func argMaxAndArgMinTakeTheFirstOfTies() {
    // DuckDB: first(s ORDER BY y DESC, rn) FILTER (WHERE y IS NOT NULL) by g: a NULL (y = 9 is the row where
    // s is NULL), b "" (only row 6 has y), c "x"; arg_min: a "  Æble ", b "", c "x".
    #expect(
      csv("t | summarize hi = arg_max(s, y), lo = arg_min(s, y) by g") == "g,hi,lo\na,,  Æble \nb,,\nc,x,x\n")
    // Ties: y = 7.0 in rows 3 and 7; the first in input order (row 3, "Aa") wins.
    #expect(csv("t | where y == 7 | summarize s = arg_max(s, y), t = arg_min(g, y)") == "s,t\nAa,a\n")
    let error = run("t | summarize k = arg_max(x, s)").errors
    #expect(error.contains("error: arg_max needs a number or period to order by, but this is string"), "\(error)")
    #expect(run("t | extend k = corr(x, y) over g").errors.contains("error: corr cannot be used with over yet"))
  }

  // MARK: window functions

  @Test func ntileLagAndLead() {
    // DuckDB: ntile(3) over (partition by g order by y desc nulls last, rn), ntile(2) over (order by rn),
    // lag(s) over (partition by g order by rn), lead(x, 2) over (order by rn), in rn order:
    // (3, 1, NULL, 3), (2, 1, '  Æble ', NULL), (1, 1, 'øst', 5), (1, 1, 'Aa', -9223372036854775807),
    // (2, 2, NULL, 7), (1, 2, 'å', NULL), (1, 2, NULL, NULL).
    #expect(
      csv(
        "t | extend n3 = ntile(3) over g order by y desc, n2 = ntile(2), l = lag(s) over g, nx = lead(x, 2) "
          + "| select n3, n2, l, nx")
        == "n3,n2,l,nx\n3,1,,3\n2,1,  Æble ,\n1,1,øst,5\n1,1,Aa,-9223372036854775807\n2,2,,7\n1,2,å,\n1,2,,\n")
    // More buckets than rows: row k is in bucket k (DuckDB ntile(5) over (partition by g order by rn)).
    #expect(csv("t | extend n = ntile(5) over g | select n") == "n\n1\n2\n3\n4\n1\n2\n1\n")
    let error = run("t | extend n = ntile(0) over g").errors
    #expect(error.contains("error: ntile's number of buckets must be a whole number from 1"), "\(error)")
  }

  @Test func lagAndLeadAreNamesForPrevAndNext() {
    // By hand: lag(x) over g in row order is NULL, 1, 2, 3 | NULL, 5 | NULL; lead(s) is øst, Aa, NULL (row 4's s),
    // NULL | "" (row 6's s), NULL | NULL.
    #expect(
      csv("t | extend a = lag(x) over g, b = prev(x) over g, c = lead(s) over g, d = next(s) over g | select a, b, c, d")
        == "a,b,c,d\n,,øst,øst\n1,1,Aa,Aa\n2,2,,\n3,3,,\n,,,\n5,5,,\n,,,\n")
  }
}
