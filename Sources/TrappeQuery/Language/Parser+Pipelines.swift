import TrappeBase

extension Parser {
  /// Parses `[from] TABLE` followed by `| stage` repeated.
  mutating func parsePipeline() throws(LanguageError) -> Pipeline {
    try enterNesting(weight: 8, what: "pipelines")
    defer { depth -= 8 }
    let start = current.range
    if let keyword = current.keyword, Parser.analysisKeywords.contains(keyword), peek(1).kind != .pipe {
      // An analysis at the start reads its default table: `bench i_gang for Slagelse`.
      let keywordToken = advance()
      let spec = try parseAnalysis(keywordToken, keyword: keyword)
      var stages = [
        Stage(kind: .analysis(spec), keyword: keyword, range: spec.range, keywordRange: keywordToken.range)
      ]
      try parseStages(into: &stages)
      return Pipeline(
        source: "", sourceRange: keywordToken.range, stages: stages,
        range: start.union(SourceRange(lastEnd, lastEnd)))
    }
    if current.isKeyword("from"), peek(1).name != nil {
      advance()
    }
    guard let source = current.name else {
      throw LanguageError(
        "expected a table name after \(afterPrevious), found \(describe(current))", at: current.range,
        hints: ["a pipeline starts with a table name: T | where ..."])
    }
    if Parser.isStageKeyword(current), case .identifier = current.kind, !Parser.endsList(peek(1)) {
      var hints = ["continue from the last result with _ | \(source.lowercased()) ..."]
      if let habit = HabitHints.start(source) { hints.insert(habit, at: 0) }
      throw LanguageError(
        "a pipeline starts with a table name, not the stage '\(source.lowercased())'", at: current.range,
        hints: hints)
    }
    var sourceRange = advance().range
    var sourceName = source
    if let format = FileSource.formats.first(where: { $0 == source.lowercased() }), case .identifier = previous?.kind,
      let opener = accept(.leftParen)
    {
      // parquet("PATH") / csv("PATH"): files an attached engine reads.
      guard case .string(let path) = current.kind else {
        throw LanguageError(
          "expected the path of the \(format) files as a string after '\(format)(', found \(describe(current))",
          at: current.range, hints: ["write \(format)(\"data/*.\(format)\")"])
      }
      advance()
      sourceRange = sourceRange.union(try expectClosing(opener).range)
      sourceName = FileSource(format: format, path: path).name
    } else {
      // An engine's table: duckdb.forloeb, dream.schema.table.
      while current.kind == .dot, let part = peek(1).name {
        advance()
        sourceName += "." + part
        sourceRange = sourceRange.union(advance().range)
      }
    }
    var stages: [Stage] = []
    try parseStages(into: &stages)
    return Pipeline(
      source: sourceName, sourceRange: sourceRange, stages: stages, range: start.union(SourceRange(lastEnd, lastEnd)))
  }

  /// Parses `| stage` repeated.
  mutating func parseStages(into stages: inout [Stage]) throws(LanguageError) {
    while let pipe = accept(.pipe) {
      if Parser.endsList(current) {
        throw LanguageError("expected a stage after '|'", at: pipe.range)
      }
      stageCount += 1
      if stageCount > Parser.maxStages {
        throw LanguageError(
          "the statement has more than \(Parser.maxStages) stages", at: current.range,
          hints: ["split it with let: let part = T | ... and go on from part"])
      }
      stages.append(try parseStage())
    }
  }

  /// Parses `( PIPELINE )` after a `join` or `union`.
  mutating func parseParenthesisedPipeline(for keyword: String) throws(LanguageError) -> Pipeline {
    guard let opener = accept(.leftParen) else {
      throw LanguageError(
        "expected '(' before the pipeline of \(keyword), found \(describe(current))", at: current.range,
        hints: ["write \(keyword) (T | where ...)\(keyword == "join" ? " on key" : "")"])
    }
    let pipeline = try parsePipeline()
    if current.kind != .rightParen && Parser.isStageKeyword(current) {
      throw LanguageError("expected '|' between stages", at: current.range)
    }
    try expectClosing(opener)
    return pipeline
  }
}
