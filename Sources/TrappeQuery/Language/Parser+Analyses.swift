import TrappeBase

extension Parser {
  /// The analysis commands: usable as a stage, or at the start of a statement on their default table.
  static let analysisKeywords = ["bench", "gap", "flow", "survival", "decompose", "peers", "expected"]

  /// Words that start a clause of an analysis command.
  static let clauseWords: Set<String> = [
    "for", "against", "by", "from", "to", "on", "k", "as", "unweighted", "top", "weeks", "model",
    "cohort", "lag", "min_n", "exclude", "stability", "funnel", "until", "inflow", "entry", "first", "ci",
    "gross", "lasting",
  ]

  /// Clause words that are flags and take no values.
  static let flagWords: Set<String> = ["unweighted", "stability", "model", "cohort", "funnel", "first", "ci", "gross"]

  /// Parses an analysis command after its keyword: positional arguments, then clauses.
  mutating func parseAnalysis(_ keywordToken: Token, keyword: String) throws(LanguageError) -> AnalysisSpec {
    var positional: [Expression] = []
    var clauses: [AnalysisClause] = []
    while !Parser.endsList(current), !startsClause(current) {
      positional.append(try parseAnalysisValue())
      if accept(.comma) == nil { break }
    }
    while startsClause(current) {
      let wordToken = advance()
      let word = wordToken.keyword ?? ""
      var values: [Expression] = []
      var tables: [Int: AnalysisTableName] = [:]
      if Parser.flagWords.contains(word) {
        // A flag: no values.
      } else if word == "k" || (current.kind == .assign && word != "by") {
        guard accept(.assign) != nil else {
          throw LanguageError("expected '=' after '\(word)'", at: current.range, hints: ["write \(word)=5"])
        }
        values.append(try parseAnalysisValue())
      } else if let opener = accept(.leftParen) {
        if current.kind != .rightParen {
          repeat {
            values.append(try parseExpression())
            // `on (andel from indvandrere)`: a variable taken from another table.
            if word == "on", acceptKeyword("from") != nil {
              let (table, range) = try expectName("expected a table name after 'from'")
              tables[values.count - 1] = AnalysisTableName(name: table, range: range)
            }
          } while accept(.comma) != nil
        }
        try expectClosing(opener)
      } else {
        if Parser.endsList(current) || startsClause(current) {
          throw LanguageError(
            "'\(word)' needs a value", at: current.range, hints: ["e.g. \(keyword) ... \(word) \(exampleValue(for: word))"])
        }
        repeat { values.append(try parseAnalysisValue()) } while accept(.comma) != nil
        // `inflow FROM TO`: two weeks without a comma.
        if word == "inflow", values.count == 1, !Parser.endsList(current), !startsClause(current) {
          values.append(try parseAnalysisValue())
        }
      }
      clauses.append(AnalysisClause(word: word, wordRange: wordToken.range, values: values, tables: tables))
    }
    if !Parser.endsList(current) {
      throw LanguageError(
        "unexpected \(describe(current)) in \(keyword)", at: current.range,
        hints: ["\(keyword) takes: " + Parser.usage(of: keyword)])
    }
    return AnalysisSpec(
      keyword: keyword, keywordRange: keywordToken.range, positional: positional, clauses: clauses,
      range: keywordToken.range.union(SourceRange(lastEnd, lastEnd)))
  }

  /// A value in an analysis command: an expression, where a bare name may also mean a
  /// municipality or measure (`for Slagelse`).
  mutating func parseAnalysisValue() throws(LanguageError) -> Expression {
    try parseExpression()
  }

  /// Whether `token` starts a clause (a clause word not used as `word ==`).
  func startsClause(_ token: Token) -> Bool {
    guard let word = token.keyword, Parser.clauseWords.contains(word) else { return false }
    return true
  }

  func exampleValue(for word: String) -> String {
    switch word {
    case "for": return "Slagelse"
    case "against": return "peers"
    case "by": return "runde"
    case "from": return "1"
    case "to": return "5"
    default: return "..."
    }
  }

  /// One-line usage of each analysis, for messages.
  package static func usage(of keyword: String) -> String {
    switch keyword {
    case "bench": return "bench MEASURE [for KOMMUNE] [against GROUP] [exclude GROUP|none] [by PERIOD] [min_n=N]"
    case "gap": return "gap [TARGET, ...] [cohort [from WEEK] [lag=N]] [for KOMMUNE, ...] [by PERIOD]"
    case "flow": return "flow from PERIOD to PERIOD [by COLUMN | gross [lasting N] | for KOMMUNE against peers [k=N]]"
    case "survival":
      return "survival [for STATUS, ...] [on support] [until STATUS, ...] [inflow FROM TO] [entry COLUMN] [first] "
        + "[by COLUMN | by destination] [weeks N]"
    case "decompose": return "decompose MEASURE for KOMMUNE against GROUP [exclude GROUP|none] by VARIABLE"
    case "peers": return "peers KOMMUNE k=N [on (VARIABLE [from TABLE], ...)] [exclude GROUP|none] [stability] [as NAME]"
    case "expected": return "expected MEASURE on (VARIABLE, ...) [by PERIOD] [model]"
    default: return keyword
    }
  }

  /// `measure NAME = EXPRESSION [unit "TEXT"] [better higher|lower] [expected NUMERATOR]` after
  /// the word `measure` (the options in any order).
  mutating func parseMeasure(_ keywordToken: Token) throws(LanguageError) -> MeasureStatement {
    let (name, nameRange) = try expectName("expected a measure name after 'measure'")
    guard accept(.assign) != nil else {
      throw LanguageError(
        "expected '=' after 'measure \(name)'", at: current.range,
        hints: ["write measure \(name) = 100 * sum(startet) / sum(personer) unit \"%\""])
    }
    let expression = try parseExpression()
    var unit: String?
    var direction: MeasureDirection?
    var expected: Expression?
    while true {
      if unit == nil, acceptKeyword("unit") != nil {
        guard case .string(let text) = current.kind else {
          throw LanguageError("expected the unit in quotes, e.g. unit \"%\"", at: current.range)
        }
        advance()
        unit = text
      } else if direction == nil, acceptKeyword("better") != nil {
        guard case .identifier(let word) = current.kind, let chosen = MeasureDirection(rawValue: word.lowercased())
        else {
          throw LanguageError(
            "expected 'higher' or 'lower' after 'better'", at: current.range,
            hints: ["better higher: a larger value is better (a share in job)",
              "better lower: a smaller value is better (a share on benefit)"])
        }
        advance()
        direction = chosen
      } else if expected == nil, acceptKeyword("expected") != nil {
        expected = try parseExpression()
      } else {
        break
      }
    }
    return MeasureStatement(
      name: name, nameRange: nameRange, expression: expression, unit: unit, direction: direction, expected: expected,
      range: keywordToken.range.union(SourceRange(lastEnd, lastEnd)))
  }
}
