import TrappeBase

extension Parser {
  /// Parses a whole statement: `let NAME = PIPELINE`, `explain PIPELINE` or a pipeline.
  mutating func parseStatement() throws(LanguageError) -> Statement {
    let statement: Statement
    let introducesStatement = !Parser.endsList(peek(1))
    if introducesStatement, let letToken = acceptKeyword("let") {
      let (name, nameRange) = try expectName("expected a name after 'let'")
      guard accept(.assign) != nil else {
        let hint = current.kind == .equal ? ["'==' compares; 'let' uses a single '='"] : []
        throw LanguageError(
          "expected '=' after 'let \(source[nameRange])', found \(describe(current))", at: current.range,
          hints: hint.isEmpty ? ["write let NAME = PIPELINE"] : hint)
      }
      _ = letToken
      let pipeline = try parsePipeline()
      statement = .let(name: name, nameRange: nameRange, pipeline: pipeline)
    } else if introducesStatement, let measureToken = acceptKeyword("measure") {
      statement = .measure(try parseMeasure(measureToken))
    } else if introducesStatement, acceptKeyword("explain") != nil {
      // `explain sql [let NAME =] PIPELINE`; `explain sql | ...` still explains a table named sql.
      if current.isKeyword("sql"), !Parser.endsList(peek(1)), peek(1).kind != .pipe {
        _ = advance()
        if current.isKeyword("let"), case .identifier = peek(1).kind, peek(2).kind == .assign {
          // The SQL of the table the let would define.
          for _ in 0..<3 { _ = advance() }
        }
        statement = .explainSQL(try parsePipeline())
      } else {
        statement = .explain(try parsePipeline())
      }
    } else {
      statement = .pipeline(try parsePipeline())
    }
    if !current.isEnd {
      throw unexpectedAfterPipeline(statement)
    }
    return statement
  }

  /// The error for a token left over after a complete top-level pipeline.
  func unexpectedAfterPipeline(_ statement: Statement) -> LanguageError {
    if current.kind == .rightParen {
      return LanguageError("unexpected ')' with no matching '('", at: current.range)
    }
    if Parser.isStageKeyword(current) {
      return LanguageError("expected '|' between stages", at: current.range)
    }
    let pipeline: Pipeline
    switch statement {
    case .pipeline(let p), .explain(let p), .explainSQL(let p), .let(_, _, let p): pipeline = p
    case .measure(let m):
      return LanguageError(
        "unexpected \(describe(current)) after the measure '\(m.name)'", at: current.range,
        hints: ["write measure NAME = NUMERATOR / DENOMINATOR [unit \"%\"]"])
    }
    if let last = pipeline.stages.last {
      var hints: [String] = []
      if last.keyword == "count" && current.isKeyword("by") {
        hints = ["to count per group, write summarize count() by ..."]
      } else if let word = current.name, let habit = HabitHints.leftover(word, afterStage: last.keyword) {
        hints = [habit]
      } else if current.kind == .comma, index > 0, tokens[index - 1].isNumber {
        hints = [HabitHints.decimalComma]
      }
      return LanguageError(
        "unexpected \(describe(current)) after the \(last.keyword) stage", at: current.range, hints: hints)
    }
    return LanguageError(
      "unexpected \(describe(current)) after the table name '\(pipeline.source)'", at: current.range,
      hints: ["separate stages with '|': \(pipeline.source) | where ..."])
  }
}
