/// An analysis command as written: `bench i_gang for Slagelse against peers by runde`.
///
/// The parser only splits the command into positional arguments and clauses
/// (`for ...`, `against ...`, `by ...`, `k=5`, `unweighted`); each analysis
/// gives them meaning when it is bound.
public struct AnalysisSpec: Sendable, Equatable {
  /// The command word, lower-cased (`bench`, `gap`, `flow`, `survival`, `decompose`, `peers`).
  public var keyword: String
  public var keywordRange: SourceRange
  /// Arguments before the first clause word, e.g. the measure in `bench i_gang`.
  public var positional: [Expression]
  /// The clauses in the order written.
  public var clauses: [AnalysisClause]
  /// The whole command's text.
  public var range: SourceRange

  public init(
    keyword: String, keywordRange: SourceRange, positional: [Expression], clauses: [AnalysisClause],
    range: SourceRange
  ) {
    self.keyword = keyword
    self.keywordRange = keywordRange
    self.positional = positional
    self.clauses = clauses
    self.range = range
  }

  /// The clause called `word`, if given.
  public func clause(_ word: String) -> AnalysisClause? {
    clauses.first { $0.word == word }
  }
}

/// One clause of an analysis command: a word and its values (`by runde`, `k=5`, `on (a, b)`).
public struct AnalysisClause: Sendable, Equatable {
  public var word: String
  public var wordRange: SourceRange
  public var values: [Expression]
  public init(word: String, wordRange: SourceRange, values: [Expression]) {
    self.word = word
    self.wordRange = wordRange
    self.values = values
  }
}

/// `measure NAME = NUMERATOR / DENOMINATOR [unit "TEXT"]`.
public struct MeasureStatement: Sendable, Equatable {
  public var name: String
  public var nameRange: SourceRange
  /// The whole ratio expression.
  public var expression: Expression
  public var unit: String?
  public var range: SourceRange
  public init(name: String, nameRange: SourceRange, expression: Expression, unit: String?, range: SourceRange) {
    self.name = name
    self.nameRange = nameRange
    self.expression = expression
    self.unit = unit
    self.range = range
  }
}
