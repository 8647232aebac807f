import TrappeBase

/// An analysis command as written: `bench i_gang for Slagelse against peers by runde`.
///
/// The parser only splits the command into positional arguments and clauses
/// (`for ...`, `against ...`, `by ...`, `k=5`, `unweighted`); each analysis
/// gives them meaning when it is bound.
package struct AnalysisSpec: Sendable, Equatable {
  /// The command word, lower-cased (`bench`, `gap`, `flow`, `survival`, `decompose`, `peers`).
  package var keyword: String
  package var keywordRange: SourceRange
  /// Arguments before the first clause word, e.g. the measure in `bench i_gang`.
  package var positional: [Expression]
  /// The clauses in the order written.
  package var clauses: [AnalysisClause]
  /// The whole command's text.
  var range: SourceRange

  init(
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
  package func clause(_ word: String) -> AnalysisClause? {
    clauses.first { $0.word == word }
  }
}

/// One clause of an analysis command: a word and its values (`by runde`, `k=5`, `on (a, b)`).
package struct AnalysisClause: Sendable, Equatable {
  package var word: String
  package var wordRange: SourceRange
  package var values: [Expression]
  /// The table each value is taken from (`on (befolkning, andel from indvandrere)`), by the
  /// value's index; only values written with `from TABLE` have one.
  package var tables: [Int: AnalysisTableName]
  init(word: String, wordRange: SourceRange, values: [Expression], tables: [Int: AnalysisTableName] = [:]) {
    self.word = word
    self.wordRange = wordRange
    self.values = values
    self.tables = tables
  }
}

/// A table named after a value in a clause: the `indvandrere` of `andel from indvandrere`.
package struct AnalysisTableName: Sendable, Equatable {
  package var name: String
  package var range: SourceRange
}

/// `measure NAME = NUMERATOR / DENOMINATOR [unit "TEXT"] [better higher|lower]`.
package struct MeasureStatement: Sendable, Equatable {
  package var name: String
  package var nameRange: SourceRange
  /// The whole ratio expression.
  package var expression: Expression
  package var unit: String?
  /// `better higher|lower`; nil when not written (higher is then assumed and said).
  package var direction: MeasureDirection?
  /// `expected EXPRESSION`: the numerator of the expected value (a published expected count),
  /// used by `bench ... against expected`; nil when not written.
  package var expected: Expression?
  var range: SourceRange
  init(
    name: String, nameRange: SourceRange, expression: Expression, unit: String?, direction: MeasureDirection?,
    expected: Expression? = nil, range: SourceRange
  ) {
    self.name = name
    self.nameRange = nameRange
    self.expression = expression
    self.unit = unit
    self.direction = direction
    self.expected = expected
    self.range = range
  }
}
