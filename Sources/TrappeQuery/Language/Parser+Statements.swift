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
    } else if current.isKeyword("label"), peek(1).name != nil, !Parser.endsList(peek(2)) {
      statement = .display(try parseLabel())
    } else if current.isKeyword("format"), peek(1).name != nil, !Parser.endsList(peek(2)) {
      statement = .display(try parseFormat())
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
    case .display(let d):
      if case .label = d.setting {
        return LanguageError(
          "unexpected \(describe(current)) after the label of \(d.column)", at: current.range,
          hints: ["write label COLUMN = \"TEXT\" (or = none to remove it)"])
      }
      return LanguageError(
        "unexpected \(describe(current)) after the format of \(d.column)", at: current.range,
        hints: ["write format COLUMN DECIMALS, e.g. format value 1 (or none to remove it)"])
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

extension Parser {
  /// `label COLUMN = "TEXT"|none`, at `label`.
  mutating func parseLabel() throws(LanguageError) -> DisplayStatement {
    _ = advance()
    let (column, range) = try expectName("expected a column name after 'label'")
    guard accept(.assign) != nil else {
      throw LanguageError(
        "expected '=' after 'label \(column)', found \(describe(current))", at: current.range,
        hints: ["write label \(column) = \"Andel i gang (%)\", or label \(column) = none to remove it"])
    }
    if case .string(let text) = current.kind {
      _ = advance()
      return DisplayStatement(column: column, columnRange: range, setting: .label(text))
    }
    if current.isKeyword("none") {
      _ = advance()
      return DisplayStatement(column: column, columnRange: range, setting: .label(nil))
    }
    throw LanguageError(
      "expected a quoted text or none after 'label \(column) =', found \(describe(current))", at: current.range,
      hints: ["write label \(column) = \"Andel i gang (%)\", or label \(column) = none to remove it"])
  }

  /// `format COLUMN N|none` (N decimals, 0–10), at `format`.
  mutating func parseFormat() throws(LanguageError) -> DisplayStatement {
    _ = advance()
    let (column, range) = try expectName("expected a column name after 'format'")
    if case .integer(let n) = current.kind, (0...10).contains(n) {
      _ = advance()
      return DisplayStatement(column: column, columnRange: range, setting: .decimals(Int(n)))
    }
    if current.isKeyword("none") {
      _ = advance()
      return DisplayStatement(column: column, columnRange: range, setting: .decimals(nil))
    }
    throw LanguageError(
      "expected a number of decimals (0–10) or none after 'format \(column)', found \(describe(current))",
      at: current.range, hints: ["write format \(column) 1 to show one decimal, or format \(column) none to remove it"])
  }
}
