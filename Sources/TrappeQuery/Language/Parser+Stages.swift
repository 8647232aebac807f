import TrappeBase

extension Parser {
  /// Parses one stage after `|`.
  mutating func parseStage() throws(LanguageError) -> Stage {
    let keywordToken = current
    guard case .identifier(let word) = keywordToken.kind else {
      throw LanguageError("expected a stage after '|', found \(describe(current))", at: current.range)
    }
    let keyword = word.lowercased()
    advance()
    let kind: Stage.Kind
    var canonical = keyword
    switch keyword {
    case "where":
      kind = .where(try parseExpression())
    case "select":
      kind = .select(try parseItems())
    case "extend":
      let saved = allowsWindow
      allowsWindow = true
      defer { allowsWindow = saved }
      kind = .extend(try parseItems())
    case "summarize":
      kind = try parseSummarize()
    case "sort", "order":
      canonical = "sort"
      let by = current
      guard acceptKeyword("by") != nil else {
        throw LanguageError(
          "expected 'by' after '\(word)', found \(describe(current))", at: current.range,
          hints: ["write \(keyword) by KEY [asc|desc], ..."])
      }
      kind = .sort(try parseSortKeys(after: by, defaultDescending: false))
    case "top":
      let (count, countRange) = try parseCount(for: "top")
      let by = current
      guard acceptKeyword("by") != nil else {
        throw LanguageError(
          "expected 'by' after 'top \(count)', found \(describe(current))", at: current.range,
          hints: ["write top \(count) by KEY [asc|desc], ...; to keep the first rows, write take \(count)"])
      }
      let keys = try parseSortKeys(after: by, defaultDescending: true)
      kind = .top(count: count, countRange: countRange, by: keys)
    case "take", "limit":
      canonical = "take"
      let (count, countRange) = try parseCount(for: word)
      kind = .take(count: count, countRange: countRange)
    case "distinct":
      kind = .distinct(Parser.endsList(current) ? [] : try parseItems())
    case "count":
      kind = .count
    case "join":
      kind = try parseJoin()
    case "union":
      kind = .union(try parseParenthesisedPipeline(for: "union"))
    case "pivot":
      kind = try parsePivot()
    case "unpivot":
      kind = try parseUnpivot()
    case "rename":
      kind = .rename(try parseRenames())
    case "chart":
      kind = .chart(try parseChart(keywordToken))
    case _ where Parser.analysisKeywords.contains(keyword):
      kind = .analysis(try parseAnalysis(keywordToken, keyword: keyword))
    default:
      let stages = "the stages are " + Parser.stageKeywords.filter { $0 != "order" && $0 != "limit" }.joined(separator: ", ")
      if let habit = HabitHints.stage(word) {
        throw LanguageError("unknown stage '\(word)'", at: keywordToken.range, hints: [habit, stages])
      }
      throw LanguageError("unknown stage '\(word)'", at: keywordToken.range, hints: [stages])
        .suggesting(Suggestion.nearest(to: word, in: Parser.stageKeywords))
    }
    return Stage(
      kind: kind, keyword: canonical, range: keywordToken.range.union(SourceRange(lastEnd, lastEnd)),
      keywordRange: keywordToken.range)
  }

  /// Parses `ITEM, ...` where ITEM is `NAME = EXPR` or `EXPR`.
  mutating func parseItems() throws(LanguageError) -> [NamedExpression] {
    var items: [NamedExpression] = []
    repeat {
      items.append(try parseItem())
    } while accept(.comma) != nil
    return items
  }

  /// Parses `NAME = EXPR` (NAME bare or backquoted) or `EXPR`.
  mutating func parseItem() throws(LanguageError) -> NamedExpression {
    if let name = current.name, peek(1).kind == .assign {
      let nameRange = advance().range
      advance()
      return NamedExpression(name: name, nameRange: nameRange, expression: try parseExpression())
    }
    return NamedExpression(name: nil, nameRange: nil, expression: try parseExpression())
  }

  /// Parses the whole-number literal after `take`, `limit` or `top`.
  mutating func parseCount(for keyword: String) throws(LanguageError) -> (Int, SourceRange) {
    guard case .integer(let value) = current.kind else {
      throw LanguageError(
        "\(keyword) needs a whole number, found \(describe(current))", at: current.range,
        hints: ["write \(keyword) 10"])
    }
    return (Int(value), advance().range)
  }

  /// Parses `AGG, ... [by KEY, ...]` after `summarize`.
  mutating func parseSummarize() throws(LanguageError) -> Stage.Kind {
    if current.isKeyword("by") && peek(1).kind != .assign {
      let by = advance()
      var keys = "KEYS"
      if !Parser.endsList(current) {
        let first = current.range
        let items = try parseItems()
        keys = source[first.union(SourceRange(lastEnd, lastEnd))]
        _ = items
      }
      throw LanguageError(
        "summarize needs at least one aggregate before 'by'", at: by.range,
        hints: ["to list the distinct keys, write distinct \(keys); to count them, write summarize count() by \(keys)"]
      ).suggesting("distinct \(keys)")
    }
    if Parser.endsList(current) {
      throw LanguageError(
        "expected an aggregate after 'summarize', found \(describe(current))", at: current.range,
        hints: ["write summarize n = count() by KEY"])
    }
    let aggregates = try parseItems()
    var keys: [NamedExpression] = []
    if let by = acceptKeyword("by") {
      try expectKeys(after: by)
      keys = try parseItems()
    }
    return .summarize(aggregates: aggregates, by: keys)
  }

  /// Parses `[kind=inner|left|anti] (PIPELINE) on KEY, ...` after `join`.
  mutating func parseJoin() throws(LanguageError) -> Stage.Kind {
    var kind = JoinKind.inner
    if current.isKeyword("kind") && peek(1).kind == .assign {
      advance()
      advance()
      let spelled = current.name ?? source[current.range]
      guard current.name != nil, let parsed = JoinKind(rawValue: spelled.lowercased()) else {
        let found = current.isEnd ? "nothing" : "'\(spelled)'"
        throw LanguageError(
          "unknown join kind \(found)", at: current.range, hints: ["join kinds are inner, left and anti"]
        ).suggesting(Suggestion.nearest(to: spelled, in: JoinKind.allCases.map(\.rawValue)))
      }
      advance()
      kind = parsed
    }
    let right = try parseParenthesisedPipeline(for: "join")
    guard let on = acceptKeyword("on") else {
      throw LanguageError(
        "expected 'on' after the right side of the join, found \(describe(current))", at: current.range,
        hints: ["write join (T) on key, or on left.a == right.b"])
    }
    try expectKeys(after: on)
    var conditions: [JoinCondition] = []
    repeat {
      let key = try parseExpression()
      switch key.kind {
      case .column(let name, nil):
        conditions.append(.same(name: name, range: key.range))
      case .binary(.equal, let left, let right):
        conditions.append(.equal(left: left, right: right))
      default:
        throw LanguageError(
          "a join key is a column name or 'left.a == right.b'", at: key.range,
          hints: ["compute other keys first with extend on each side"])
      }
    } while accept(.comma) != nil
    return .join(kind: kind, right: right, on: conditions)
  }

  /// Parses `KEY values AGG(EXPR) [by ITEM, ...]` after `pivot`.
  mutating func parsePivot() throws(LanguageError) -> Stage.Kind {
    let key = try parseExpression()
    guard acceptKeyword("values") != nil else {
      throw LanguageError(
        "expected 'values' after the pivot key, found \(describe(current))", at: current.range,
        hints: ["write pivot KEY values sum(x) by ROWKEY"])
    }
    let value = try parseItem()
    guard case .call = value.expression.kind else {
      throw LanguageError(
        "pivot values must be an aggregate such as sum(x)", at: value.expression.range,
        hints: ["write pivot KEY values sum(x), or first(x) to keep single values"])
    }
    var keys: [NamedExpression] = []
    if let by = acceptKeyword("by") {
      try expectKeys(after: by)
      keys = try parseItems()
    }
    return .pivot(key: key, value: value, by: keys)
  }

  /// Parses `COL, ... [into NAME, VALUE]` after `unpivot`.
  mutating func parseUnpivot() throws(LanguageError) -> Stage.Kind {
    var columns: [Expression] = []
    repeat {
      columns.append(try parseExpression())
    } while accept(.comma) != nil
    var names = ("name", "value")
    if acceptKeyword("into") != nil {
      names.0 = try expectName("expected the name column after 'into'").0
      guard accept(.comma) != nil else {
        throw LanguageError(
          "expected ',' and the value column after '\(names.0)', found \(describe(current))", at: current.range,
          hints: ["write unpivot a, b into name, value"])
      }
      names.1 = try expectName("expected the value column after ','").0
    }
    return .unpivot(columns: columns, nameColumn: names.0, valueColumn: names.1)
  }

  /// Parses `NEW = OLD, ...` after `rename`.
  mutating func parseRenames() throws(LanguageError) -> [RenamePair] {
    var pairs: [RenamePair] = []
    repeat {
      let (newName, newRange) = try expectName("expected a new column name after \(afterPrevious)")
      guard accept(.assign) != nil else {
        throw LanguageError(
          "expected '=' after '\(source[newRange])' in rename, found \(describe(current))", at: current.range,
          hints: ["write rename NEW = OLD"])
      }
      let (oldName, oldRange) = try expectName("expected the old column name after '='")
      pairs.append(RenamePair(newName: newName, newRange: newRange, oldName: oldName, oldRange: oldRange))
    } while accept(.comma) != nil
    return pairs
  }
}
