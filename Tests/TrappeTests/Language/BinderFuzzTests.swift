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

/// Feeds thousands of generated and mutated queries through lexer, parser, binder,
/// optimizer and executor: each must succeed or fail with a diagnostic, never crash.
@Suite struct BinderFuzzTests {
  static let columns = ["a", "b", "x", "s", "p", "id", "nope", "`a`", "left.a", "right.b"]
  static let literals = ["1", "0", "-3", "2.5", "\"ja\"", "'nej'", "null", "true", "2008Q2", "2008", "1e3"]
  static let functions = [
    "round", "abs", "lower", "length", "year", "period", "if", "coalesce", "sum", "avg", "count", "median",
    "percentile", "rank", "prev", "share", "change", "nosuch",
  ]
  static let operators = ["+", "-", "*", "/", "%", "==", "!=", "<", ">=", "and", "or", "??"]

  static func expression(_ g: inout SeededGenerator, depth: Int = 0) -> String {
    if depth > 3 || g.chance(35) { return g.chance(50) ? g.pick(columns) : g.pick(literals) }
    switch UInt64(g.below(7)) {
    case 0: return "\(expression(&g, depth: depth + 1)) \(g.pick(operators)) \(expression(&g, depth: depth + 1))"
    case 1: return "(\(expression(&g, depth: depth + 1)))"
    case 2:
      let arguments = (0..<Int(UInt64(g.below(3)))).map { _ in expression(&g, depth: depth + 1) }
      return "\(g.pick(functions))(\(arguments.joined(separator: ", ")))"
    case 3: return "not \(expression(&g, depth: depth + 1))"
    case 4: return "\(expression(&g, depth: depth + 1)) is null"
    case 5: return "\(expression(&g, depth: depth + 1)) in (1, 2, \"ja\")"
    default: return "\(expression(&g, depth: depth + 1)) between 1 and 3"
    }
  }

  static func stage(_ g: inout SeededGenerator) -> String {
    let e = expression(&g)
    switch g.next() % 14 {
    case 0: return "where \(e)"
    case 1: return "select \(g.pick(columns)), v = \(e)"
    case 2: return "extend v = \(e)"
    case 3: return "summarize n = count(), t = sum(\(g.pick(columns))) by \(g.pick(columns))"
    case 4: return "sort by \(e) desc"
    case 5: return "top \(g.next() % 5) by \(e)"
    case 6: return "take \(g.next() % 4)"
    case 7: return "distinct \(g.pick(columns))"
    case 8: return "count"
    case 9: return "join kind=\(g.pick(["inner", "left", "anti"])) (t | take 2) on \(g.pick(columns))"
    case 10: return "union (t | where \(e))"
    case 11: return "extend r = \(g.pick(["rank()", "prev(a)", "share(b)", "sum(a)"])) over s order by \(g.pick(columns))"
    case 12: return "pivot s values sum(\(g.pick(columns)))"
    default: return "rename z = \(g.pick(columns))"
    }
  }

  static func query(_ g: inout SeededGenerator) -> String {
    var text = g.pick(["t", "from t", "_", "out1", "nosuch", "let u = t", "explain t"])
    for _ in 0..<Int(g.next() % 4) { text += " | " + stage(&g) }
    return text
  }

  static func mutate(_ text: String, _ g: inout SeededGenerator) -> String {
    var characters = Array(text)
    guard !characters.isEmpty else { return text }
    for _ in 0..<Int(1 + UInt64(g.below(3))) {
      let index = Int(g.next() % UInt64(characters.count))
      switch g.next() % 4 {
      case 0: characters.remove(at: index)
      case 1: characters.insert(g.pick(["(", ")", "|", "\"", "`", ",", "=", "æ", "\u{0}", "🙂"]), at: index)
      case 2: characters.swapAt(index, Int(g.next() % UInt64(characters.count)))
      default: characters = Array(characters[..<index])
      }
      if characters.isEmpty { break }
    }
    return String(characters)
  }

  @Test func randomQueriesNeverCrash() {
    let captured = CapturedSession(datasets: DatasetRegistry())
    let session = captured.session
    session.catalog.register(.given("t", table:
      Table([
        ("id", .int64(Int64Column([1, 2, 3, 4]))),
        ("a", .int64(Int64Column(values: [1, 0, 3, 4], validity: { var m = ValidityMask(allValid: 0); for v in [true, false, true, true] { m.append(v) }; return m }()))),
        ("b", .int64(Int64Column([10, 20, 0, 5]))),
        ("x", .double(DoubleColumn([1.5, 0, 2.5, -1]))),
        ("s", .string(StringColumn(["ja", "nej", nil, "ja"]))),
      ])))
    var g = SeededGenerator(seed: 20_081_125)
    var outcomes = (success: 0, failure: 0)
    for round in 0..<3000 {
      var text = BinderFuzzTests.query(&g)
      if round % 3 == 0 { text = BinderFuzzTests.mutate(text, &g) }
      switch session.run(text) {
      case .success: outcomes.success += 1
      case .failure(let diagnostic):
        outcomes.failure += 1
        #expect(!diagnostic.message.isEmpty, "empty message for \(text)")
      case .exit: Issue.record("a query asked to exit: \(text)")
      }
      _ = captured.take()
    }
    // Both paths must be exercised for the test to mean anything.
    #expect(outcomes.success > 300)
    #expect(outcomes.failure > 300)
  }
}
