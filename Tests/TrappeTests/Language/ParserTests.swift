import Testing
@testable import TrappeBase
@testable import TrappeStorage
@testable import TrappeIO
@testable import TrappeQuery
@testable import TrappeAnalysis
@testable import TrappeCharts
@testable import TrappeDatasets
@testable import TrappeShell

@Suite struct ParserTests {
  /// The dump of the parsed statement.
  func dump(_ text: String) throws -> String {
    ASTDump.dump(try QueryParser.parse(text))
  }

  /// The dump of the parsed expression.
  func expr(_ text: String) throws -> String {
    ASTDump.dump(try QueryParser.parseExpression(text))
  }

  @Test(arguments: [
    ("a + b * c", "(+ (col a) (* (col b) (col c)))"),
    ("(a + b) * c", "(* (+ (col a) (col b)) (col c))"),
    ("a - b - c", "(- (- (col a) (col b)) (col c))"),
    ("a or b and c", "(or (col a) (and (col b) (col c)))"),
    ("a and b or c", "(or (and (col a) (col b)) (col c))"),
    ("not a == b", "(not (== (col a) (col b)))"),
    ("not a and b", "(and (not (col a)) (col b))"),
    ("-x ?? 0", "(?? (- (col x)) 0)"),
    ("a ?? b or c", "(?? (col a) (or (col b) (col c)))"),
    ("a % 2 != 0", "(!= (% (col a) 2) 0)"),
    ("a <> 1", "(!= (col a) 1)"),
    ("a < 1 and b <= 2 and c > 3 and d >= 4", "(and (and (and (< (col a) 1) (<= (col b) 2)) (> (col c) 3)) (>= (col d) 4))"),
    ("- - x", "(- (- (col x)))"),
    ("x is null", "(is-null (col x))"),
    ("x IS NOT NULL and y", "(and (is-not-null (col x)) (col y))"),
    ("k in (1, 2, 3)", "(in (col k) 1 2 3)"),
    ("k not in ('a')", "(not-in (col k) \"a\")"),
    ("a + 1 between 2 and 3 and b", "(and (between (+ (col a) 1) 2 3) (col b))"),
    ("p not between 2008Q1 and 2008K4", "(not-between (col p) (period 2008Q1) (period 2008Q4))"),
    ("true or FALSE or null", "(or (or true false) null)"),
    ("1.5 * 'x\\n'", "(* 1.5 \"x\\n\")"),
    ("left.kommune == right.`kode nr`", "(== (col left.kommune) (col right.`kode nr`))"),
    ("`Antal fuldtidspersoner` / 2", "(/ (col `Antal fuldtidspersoner`) 2)"),
    ("count(*)", "(call count *)"),
    ("count()", "(call count)"),
    ("round(x / 3, 2)", "(call round (/ (col x) 3) 2)"),
    ("if(a > 1, 'hi', 'lo')", "(call if (> (col a) 1) \"hi\" \"lo\")"),
    ("case when a > 1 then 'x' when a < 0 then 'y' else 'z' end", "(case (when (> (col a) 1) \"x\") (when (< (col a) 0) \"y\") (else \"z\"))"),
    ("CASE WHEN a THEN 1 END", "(case (when (col a) 1))"),
    ("ydelse_år >= 2008-09", "(>= (col ydelse_år) (period 2008-09))"),
  ])
  func expressions(text: String, expected: String) throws {
    #expect(try expr(text) == expected)
  }

  @Test func expressionRanges() throws {
    let e = try QueryParser.parseExpression("(a + f(b)) * 2")
    #expect(e.range == SourceRange(0, 14))
    guard case .binary(_, let left, _) = e.kind, case .binary(_, _, let call) = left.kind else {
      Issue.record("unexpected shape")
      return
    }
    #expect(call.range == SourceRange(5, 9))
    if case .call(_, let nameRange, _, _) = call.kind {
      #expect(nameRange == SourceRange(5, 6))
    } else {
      Issue.record("not a call: \(call.kind)")
    }
  }

  @Test(arguments: [
    ("T", "(pipeline T)"),
    ("from T | take 5", "(pipeline T (take 5))"),
    ("FROM `Min tabel` | LIMIT 3", "(pipeline `Min tabel` (take 3))"),
    ("_ | count", "(pipeline _ (count))"),
    ("T | where runde == 5", "(pipeline T (where (== (col runde) 5)))"),
    ("T | select a, b2 = b * 2, `c d` = c", "(pipeline T (select (col a) (= b2 (* (col b) 2)) (= `c d` (col c))))"),
    ("T | extend x = a + 1", "(pipeline T (extend (= x (+ (col a) 1))))"),
    ("T | summarize n = count(), avg(x) by kommune, år = year(p)",
     "(pipeline T (summarize (= n (call count)) (call avg (col x)) (by (col kommune) (= år (call year (col p))))))"),
    ("T | summarize count()", "(pipeline T (summarize (call count)))"),
    ("T | sort by a, b desc, c asc", "(pipeline T (sort (asc (col a)) (desc (col b)) (asc (col c))))"),
    ("T | order by a desc", "(pipeline T (sort (desc (col a))))"),
    ("T | top 10 by n, k asc", "(pipeline T (top 10 (desc (col n)) (asc (col k))))"),
    ("T | distinct", "(pipeline T (distinct))"),
    ("T | distinct a, b | count", "(pipeline T (distinct (col a) (col b)) (count))"),
    ("T | union (U | where a)", "(pipeline T (union (pipeline U (where (col a)))))"),
    ("T | pivot kvartal values sum(n) by kommune", "(pipeline T (pivot (col kvartal) (values (call sum (col n))) (by (col kommune))))"),
    ("T | pivot k values total = sum(n)", "(pipeline T (pivot (col k) (values (= total (call sum (col n))))))"),
    ("T | unpivot a, b", "(pipeline T (unpivot (col a) (col b) (into name value)))"),
    ("T | unpivot a, b into måned, `antal personer`", "(pipeline T (unpivot (col a) (col b) (into måned `antal personer`)))"),
    ("T | rename ny = gammel, `b c` = d", "(pipeline T (rename (= ny gammel) (= `b c` d)))"),
    ("T\n| where a # first\n-- second\n| take 1", "(pipeline T (where (col a)) (take 1))"),
  ])
  func stages(text: String, expected: String) throws {
    #expect(try dump(text) == expected)
  }

  @Test(arguments: [
    ("T | extend r = rank() over k order by x desc", "(pipeline T (extend (= r (call rank (window (over (col k)) (order (desc (col x))))))))"),
    ("T | extend a = rank() over k order by r, b = x",
     "(pipeline T (extend (= a (call rank (window (over (col k)) (order (asc (col r)))))) (= b (col x))))"),
    ("T | extend a = rank() over k order by (r, s desc), `b c` = x",
     "(pipeline T (extend (= a (call rank (window (over (col k)) (order (asc (col r)) (desc (col s)))))) (= `b c` (col x))))"),
    // A parenthesised single expression is one key, not a list.
    ("T | extend a = rank() order by (r + 1) * 2 desc",
     "(pipeline T (extend (= a (call rank (window (order (desc (* (+ (col r) 1) 2))))))))"),
    ("T | extend a = sum(n) over (k, p) order by (r desc, s), b = x",
     "(pipeline T (extend (= a (call sum (col n) (window (over (col k) (col p)) (order (desc (col r)) (asc (col s)))))) (= b (col x))))"),
    // Inside a call's arguments the comma after a window is the next argument.
    ("T | extend a = round(avg(n) over k order by r, 2)",
     "(pipeline T (extend (= a (call round (call avg (col n) (window (over (col k)) (order (asc (col r))))) 2))))"),
    ("T | extend s = sum(n) over (k, p)", "(pipeline T (extend (= s (call sum (col n) (window (over (col k) (col p)))))))"),
    ("T | extend i = row_number() order by p", "(pipeline T (extend (= i (call row_number (window (order (asc (col p))))))))"),
    ("T | extend d = n - lag(n) over k order by p, m = 1",
     "(pipeline T (extend (= d (- (col n) (call lag (col n) (window (over (col k)) (order (asc (col p))))))) (= m 1)))"),
    ("T | extend c = sum(n) over k * 100", "(pipeline T (extend (= c (* (call sum (col n) (window (over (col k)))) 100))))"),
  ])
  func windows(text: String, expected: String) throws {
    #expect(try dump(text) == expected)
  }

  @Test(arguments: [
    ("T | join (U) on k", "(pipeline T (join inner (pipeline U) (on k)))"),
    ("T | join kind=left (U | where x > 1) on k, `l m`", "(pipeline T (join left (pipeline U (where (> (col x) 1))) (on k `l m`)))"),
    ("T | join kind = Anti (from U) on left.a == right.b, c",
     "(pipeline T (join anti (pipeline U) (on (== (col left.a) (col right.b)) c)))"),
    ("T | join (U | join (V) on a) on b", "(pipeline T (join inner (pipeline U (join inner (pipeline V) (on a))) (on b)))"),
  ])
  func joins(text: String, expected: String) throws {
    #expect(try dump(text) == expected)
  }

  @Test func letAndExplain() throws {
    #expect(try dump("let høj = T | where a > 1") == "(let høj (pipeline T (where (> (col a) 1))))")
    #expect(try dump("LET `x y` = T") == "(let `x y` (pipeline T))")
    #expect(try dump("explain T | count") == "(explain (pipeline T (count)))")
    // Tables may be called `let` and `explain` when nothing follows.
    #expect(try dump("let | take 1") == "(pipeline let (take 1))")
    #expect(try dump("explain") == "(pipeline explain)")
  }

  @Test func stageRangesAndKeywords() throws {
    let statement = try QueryParser.parse("T | Order by a | LIMIT 3 | where x")
    guard case .pipeline(let pipeline) = statement else {
      Issue.record("not a pipeline")
      return
    }
    #expect(pipeline.stages.map(\.keyword) == ["sort", "take", "where"])
    #expect(pipeline.stages.map(\.keywordRange) == [SourceRange(4, 9), SourceRange(17, 22), SourceRange(27, 32)])
    #expect(pipeline.stages.map(\.range) == [SourceRange(4, 14), SourceRange(17, 24), SourceRange(27, 34)])
    #expect(pipeline.range == SourceRange(0, 34))
    #expect(pipeline.sourceRange == SourceRange(0, 1))
    if case .take(let count, let countRange) = pipeline.stages[1].kind {
      #expect(count == 3)
      #expect(countRange == SourceRange(23, 24))
    } else {
      Issue.record("stage 2 is not take: \(pipeline.stages[1].kind)")
    }
  }

  @Test func parsesARangeOfALongerText() throws {
    let text = ".foo; T | where a == 1; rest"
    let statement = try QueryParser.parse(text, in: SourceRange(6, 22))
    #expect(ASTDump.dump(statement) == "(pipeline T (where (== (col a) 1)))")
    guard case .pipeline(let pipeline) = statement else {
      Issue.record("not a pipeline")
      return
    }
    #expect(pipeline.range == SourceRange(6, 22))
    #expect(pipeline.stages[0].keywordRange == SourceRange(10, 15))
    do {
      _ = try QueryParser.parse(text, in: SourceRange(6, 20))
      Issue.record("expected an error")
    } catch {
      // The expression is missing right after `==`.
      #expect(error.range == SourceRange(20, 20))
      #expect(error.message == "expected an expression after '=='")
    }
  }

  @Test func astCarriesQualifiersStarAndWindows() throws {
    let e = try QueryParser.parseExpression("left.a == right.b")
    guard case .binary(.equal, let l, let r) = e.kind else {
      Issue.record("not an equality")
      return
    }
    #expect(l.kind == .column(name: "a", qualifier: "left"))
    #expect(r.kind == .column(name: "b", qualifier: "right"))
    let c = try QueryParser.parseExpression("COUNT(*)")
    guard case .call(let name, _, let arguments, nil) = c.kind else {
      Issue.record("not a call")
      return
    }
    #expect(name == "COUNT")
    #expect(arguments.map(\.kind) == [.star])
    #expect(arguments.first?.range == SourceRange(6, 7))
  }
}
