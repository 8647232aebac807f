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

/// Queries generated from an abstract tree that writes both the query text and the AST dump the
/// parser must produce for it: every generated query must parse, to exactly that tree, however it
/// is spaced, cased or parenthesised (H13). Then metamorphic checks over results: `where` never
/// adds rows, and `sort` returns the same rows in some order.
@Suite struct GeneratedQueryTests {
  /// A generated query fragment: its text and its expected S-expression.
  struct Piece {
    var text: String
    var dump: String
  }

  static let columns = ["a", "b", "x", "s", "kommune", "år"]
  static let binary: [BinaryOperator] = [
    .add, .subtract, .multiply, .divide, .remainder, .equal, .notEqual, .less, .lessOrEqual, .greater,
    .greaterOrEqual, .and, .or, .coalesce,
  ]

  /// Spacing between tokens: one space, several, a tab or a line break.
  static func space(_ g: inout SeededGenerator) -> String { g.pick([" ", " ", "  ", "\t", "\n "]) }

  /// A keyword in random case (the language ignores keyword case).
  static func keyword(_ word: String, _ g: inout SeededGenerator) -> String {
    switch g.below(3) {
    case 0: return word.uppercased()
    case 1: return word.prefix(1).uppercased() + word.dropFirst()
    default: return word
    }
  }

  static func expression(_ g: inout SeededGenerator, depth: Int = 0) -> Piece {
    if depth > 3 || g.chance(30) {
      switch g.below(4) {
      case 0, 1:
        let name = g.pick(columns)
        return Piece(text: name, dump: "(col \(name))")
      case 2:
        let n = g.below(1000)
        return Piece(text: String(n), dump: String(n))
      default:
        let word = g.pick(["ja", "nej", "Aarhus", "æøå"])
        return Piece(text: "\"\(word)\"", dump: "\"\(word)\"")
      }
    }
    let s = space(&g)
    switch g.below(7) {
    case 0, 1, 2:
      let op = g.pick(binary)
      let l = expression(&g, depth: depth + 1)
      let r = expression(&g, depth: depth + 1)
      let word = op == .and || op == .or ? keyword(op.rawValue, &g) : op.rawValue
      // Fully parenthesised, so the tree does not depend on precedence.
      return Piece(text: "(\(l.text)\(s)\(word)\(s)\(r.text))", dump: "(\(op.rawValue) \(l.dump) \(r.dump))")
    case 3:
      let e = expression(&g, depth: depth + 1)
      return Piece(text: "(\(keyword("not", &g)) \(e.text))", dump: "(not \(e.dump))")
    case 4:
      let e = expression(&g, depth: depth + 1)
      return Piece(text: "(\(e.text)\(s)\(keyword("is", &g)) \(keyword("null", &g)))", dump: "(is-null \(e.dump))")
    case 5:
      let e = expression(&g, depth: depth + 1)
      let items = (0..<1 + g.below(3)).map { _ in String(g.below(10)) }
      return Piece(
        text: "(\(e.text) \(keyword("in", &g)) (\(items.joined(separator: ",\(s)"))))",
        dump: "(in \(e.dump) \(items.joined(separator: " ")))")
    default:
      let function = g.pick(["round", "abs", "lower", "coalesce", "length"])
      let arguments = (0..<1 + g.below(2)).map { _ in expression(&g, depth: depth + 1) }
      return Piece(
        text: "\(function)(\(arguments.map(\.text).joined(separator: ",\(s)")))",
        dump: "(call \(function) \(arguments.map(\.dump).joined(separator: " ")))")
    }
  }

  static func stage(_ g: inout SeededGenerator) -> Piece {
    let s = space(&g)
    switch g.below(4) {
    case 0:
      let e = expression(&g)
      return Piece(text: "\(keyword("where", &g))\(s)\(e.text)", dump: "(where \(e.dump))")
    case 1:
      let n = g.below(50)
      return Piece(text: "\(keyword("take", &g)) \(n)", dump: "(take \(n))")
    case 2:
      let e = expression(&g)
      return Piece(text: "\(keyword("extend", &g)) v\(s)=\(s)\(e.text)", dump: "(extend (= v \(e.dump)))")
    default:
      let e = expression(&g)
      let name = g.pick(columns)
      return Piece(
        text: "\(keyword("select", &g)) \(name),\(s)w = \(e.text)", dump: "(select (col \(name)) (= w \(e.dump)))")
    }
  }

  static func pipeline(_ g: inout SeededGenerator) -> Piece {
    let source = g.pick(["t", "kommunepanel", "_"])
    var text = source
    var dump = "(pipeline \(source)"
    for _ in 0..<g.below(5) {
      let stage = stage(&g)
      text += space(&g) + "|" + space(&g) + stage.text
      dump += " " + stage.dump
    }
    return Piece(text: text, dump: dump + ")")
  }

  @Test func generatedQueriesParseToTheirTree() throws {
    var g = SeededGenerator(seed: 11)
    for _ in 0..<3_000 {
      let query = GeneratedQueryTests.pipeline(&g)
      let statement = try #require(
        try? QueryParser.parse(query.text), "a generated query failed to parse: \(query.text.debugDescription)")
      #expect(ASTDump.dump(statement) == query.dump, "\(query.text.debugDescription)")
      // The same statement as part of a longer text parses to the same tree.
      let padded = ".x; " + query.text + " ; rest"
      let range = SourceRange(4, 4 + query.text.utf8.count)
      let inner = try #require(try? QueryParser.parse(padded, in: range), "\(padded.debugDescription)")
      #expect(ASTDump.dump(inner) == query.dump)
    }
  }

  /// The committed example queries of the fuzz test must parse (the fuzzer only checks errors).
  @Test func fuzzSeedQueriesParse() {
    for query in FuzzTests.validQueries {
      #expect(throws: Never.self, "\(query)") { _ = try QueryParser.parse(query) }
    }
  }

  /// A boolean predicate over the columns `names` (numbers and strings mixed, so some fail to bind).
  static func predicate(_ g: inout SeededGenerator, names: [String], depth: Int = 0) -> String {
    let column = g.pick(names)
    if depth > 2 || g.chance(40) {
      switch g.below(4) {
      case 0: return "(\(column) \(g.pick(["==", "!=", "<", "<=", ">", ">="])) \(g.pick(["0", "3", "5", "-1", "2.5"])))"
      case 1: return "(\(column) is \(g.pick(["", "not "]))null)"
      case 2: return "(\(column) in (\(g.pick(["1, 3", "\"ja\"", "0, 5, 10"]))))"
      default: return "(\(column) \(g.pick(["==", "<", ">="])) \(g.pick(names)))"
      }
    }
    switch g.below(3) {
    case 0: return "(not \(predicate(&g, names: names, depth: depth + 1)))"
    case 1:
      return "(\(predicate(&g, names: names, depth: depth + 1)) and \(predicate(&g, names: names, depth: depth + 1)))"
    default:
      return "(\(predicate(&g, names: names, depth: depth + 1)) or \(predicate(&g, names: names, depth: depth + 1)))"
    }
  }

  /// A session with the table `t` (NULLs, ties, negative numbers, æøå).
  static func session() -> CapturedSession {
    let captured = CapturedSession(datasets: DatasetRegistry())
    captured.session.settings.format = .csv
    captured.add(
      "t",
      Table([
        ("id", TestColumns.ints([1, 2, 3, 4, 5, 6, 7, 8])),
        ("a", TestColumns.ints([1, nil, 3, 3, -4, 0, 10, nil])),
        ("b", TestColumns.ints([10, 20, 0, 5, 5, -1, 7, 2])),
        ("x", TestColumns.doubles([1.5, 0, 2.5, -1, nil, 2.5, 1e6, 0.1])),
        ("s", .string(StringColumn(["ja", "nej", nil, "ja", "Århus", "aarhus", "æ", "ja"]))),
      ]), roles: [])
    return captured
  }

  /// The csv rows of one query (header first), or nil when it fails.
  static func rows(_ captured: CapturedSession, _ query: String) -> [String]? {
    _ = captured.take()
    guard captured.session.run(query) == .success else { return nil }
    return captured.standard.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
      .filter { !$0.isEmpty }
  }

  /// Pipelines over `t` whose results both sides are computed from.
  static func basePipeline(_ g: inout SeededGenerator) -> String {
    g.pick([
      "t", "t | where b > 0", "t | extend y = a * 2", "t | summarize n = count(), m = sum(b) by s",
      "t | select id, s, x", "t | sort by x desc | take 5", "t | distinct s",
    ])
  }

  @Test func whereNeverAddsRowsAndSortIsAPermutation() throws {
    var g = SeededGenerator(seed: 20_261_127)
    var checked = (filters: 0, sorts: 0)
    for _ in 0..<300 {
      let captured = GeneratedQueryTests.session()
      let base = GeneratedQueryTests.basePipeline(&g)
      let all = try #require(GeneratedQueryTests.rows(captured, base), "\(base)")
      let header = all.first ?? ""
      let names = header.split(separator: ",").map(String.init)
      let predicate = GeneratedQueryTests.predicate(&g, names: names.isEmpty ? ["id"] : names)
      if let filtered = GeneratedQueryTests.rows(captured, "\(base) | where \(predicate)") {
        checked.filters += 1
        #expect(filtered.count <= all.count, "\(base) | where \(predicate)")
        // Every kept row is a row of the input (a multiset inclusion).
        var pool: [String: Int] = [:]
        for row in all.dropFirst() { pool[row, default: 0] += 1 }
        for row in filtered.dropFirst() {
          #expect((pool[row] ?? 0) > 0, "\(base) | where \(predicate): \(row) is not an input row")
          pool[row, default: 0] -= 1
        }
      }
      let key = g.pick(names.isEmpty ? ["id"] : names)
      let direction = g.pick(["", " asc", " desc"])
      if let sorted = GeneratedQueryTests.rows(captured, "\(base) | sort by \(key)\(direction)") {
        checked.sorts += 1
        #expect(sorted.first == header)
        #expect(sorted.dropFirst().sorted() == all.dropFirst().sorted(), "\(base) | sort by \(key)\(direction)")
      }
    }
    // Enough generated predicates and keys were valid to test something.
    #expect(checked.filters > 100 && checked.sorts > 250, "\(checked)")
  }
}
