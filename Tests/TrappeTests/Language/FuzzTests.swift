import Testing
@testable import TrappeBase
@testable import TrappeStorage
@testable import TrappeIO
@testable import TrappeQuery
@testable import TrappeAnalysis
@testable import TrappeCharts
@testable import TrappeDatasets
@testable import TrappeShell

@Suite struct FuzzTests {
  static let vocabulary = [
    "T", "_", "from", "let", "explain", "|", "(", ")", ",", ".", "=", "==", "!=", "<>", "<", "<=", ">", ">=",
    "+", "-", "*", "/", "%", "??", "where", "select", "extend", "summarize", "sort", "order", "by", "top",
    "take", "limit", "distinct", "count", "join", "kind", "inner", "left", "right", "anti", "union", "pivot",
    "values", "unpivot", "into", "rename", "on", "over", "asc", "desc", "and", "or", "not", "in", "is", "null",
    "between", "true", "false", "case", "when", "then", "else", "end", "if", "count(*)", "sum", "rank()",
    "a", "kommune", "år", "`Antal personer`", "`", "1", "0", "42", "1.5", "1e3", "2008", "2008Q3", "2008K7",
    "2008-09", "2008W53", "'tekst'", "\"x\\\"y\"", "'", "\"", "#", "//", "\n", "@", "😀", "\u{0}", "ø",
  ]

  static let validQueries = [
    "T | where runde == 5 and kommune in ('Aarhus', 'Odense') | take 10",
    "from ydelser | summarize n = count(*), gns = avg(beløb) by kommune, år = year(periode) | sort by n desc",
    "let høj = T | extend r = rank() over kommune order by beløb desc, b = x | where r <= 3",
    "explain T | join kind=left (U | where p >= 2008Q3) on left.a == right.b, k | count",
    "T | pivot kvartal values sum(n) by kommune | unpivot a, b into navn, værdi | rename x = y",
    "T | where case when a is not null then a else -b ?? 0 end between 1 and 2 | top 5 by a",
    "_ | union (U | distinct a, `b c`) | select a, d = if(a > 1, 'ja', \"nej\") | limit 3",
  ]

  /// Parses `text` and checks that any error points inside the text.
  func check(_ text: String, in range: SourceRange? = nil) {
    let length = text.utf8.count
    do {
      if let range {
        _ = try QueryParser.parse(text, in: range)
      } else {
        _ = try QueryParser.parse(text)
      }
    } catch {
      let inside = error.range.lower >= 0 && error.range.lower <= error.range.upper && error.range.upper <= length
      #expect(inside, "error range \(error.range) outside \(length) bytes for \(text.debugDescription)")
      #expect(!error.message.isEmpty)
      _ = error.diagnostic(in: SourceText(text)).rendered()
    }
  }

  @Test func randomTokenSequences() {
    var random = SeededGenerator(seed: 1)
    for _ in 0..<2_500 {
      var text = ""
      for _ in 0..<random.below(25) {
        text += random.pick(FuzzTests.vocabulary)
        if random.below(4) != 0 { text += " " }
      }
      check(text)
    }
  }

  @Test func randomCharacters() {
    var random = SeededGenerator(seed: 2)
    let alphabet: [Character] = Array("aæøåÆØÅz09_ |(),.=!<>+-*/%?`'\"\\#\n\t@$^&;:[]{}~QKWM") + ["😀", "\u{0}", "\u{00A0}", "\u{030A}", "🇩🇰", "\u{200B}", "\u{FFFD}"]
    for _ in 0..<1_500 {
      var text = ""
      for _ in 0..<random.below(40) { text.append(random.pick(alphabet)) }
      check(text)
    }
  }

  @Test func mutatedValidQueries() {
    var random = SeededGenerator(seed: 3)
    for query in FuzzTests.validQueries {
      check(query)
    }
    for _ in 0..<2_000 {
      var characters = Array(random.pick(FuzzTests.validQueries))
      switch random.below(4) {
      case 0:
        characters = Array(characters.prefix(random.below(characters.count + 1)))
      case 1:
        for _ in 0..<1 + random.below(3) {
          let i = random.below(characters.count)
          let j = random.below(characters.count)
          characters.swapAt(i, j)
        }
      case 2:
        for _ in 0..<1 + random.below(3) where !characters.isEmpty {
          characters.remove(at: random.below(characters.count))
        }
      default:
        let insert = Array(random.pick(FuzzTests.vocabulary))
        characters.insert(contentsOf: insert, at: random.below(characters.count + 1))
      }
      let text = String(characters)
      check(text)
      // The same text as part of a longer one.
      let padded = "xx " + text + " yy"
      check(padded, in: SourceRange(3, 3 + text.utf8.count))
    }
  }

  @Test func deepNesting() {
    let n = 10_000
    check("T | where " + String(repeating: "(", count: n))
    check("T | where " + String(repeating: "(", count: n) + "a" + String(repeating: ")", count: n))
    check("T | where " + String(repeating: "-", count: n) + "a")
    check("T | where " + String(repeating: "not ", count: n) + "a")
    check("T | where " + String(repeating: "f(", count: n))
    check("T | where " + String(repeating: "case when ", count: n))
    check("T | where a" + String(repeating: " + a", count: n))
    check("T | where a" + String(repeating: " in (a", count: n))
    check(String(repeating: "T | join (", count: n))
    check("T" + String(repeating: " | take 1", count: n))
    check(String(repeating: ")", count: n))
    check(String(repeating: "|", count: n))
  }
}
