import TrappeBase
import TrappeQuery

/// One side of a measure (`sum(startet)`): the parsed expression, kept with the text it was
/// parsed from so that errors point into it.
struct MeasureTerm: Sendable {
  /// The expression; its ranges are offsets into `source`.
  let expression: Expression
  /// The text the expression's ranges refer to (the `measure` statement, or the term itself).
  let source: SourceText

  /// The term as written, e.g. `sum(startet)`.
  var text: String { source[expression.range] }

  /// `sum(A) / sum(B)` as two terms over one text, for the built-in measures.
  static func sums(_ numerator: String, per denominator: String) -> (MeasureTerm, MeasureTerm) {
    let text = "sum(\(numerator)) / sum(\(denominator))"
    let source = SourceText(text)
    func sum(_ column: String, at start: Int) -> Expression {
      let end = start + 4 + column.utf8.count + 1
      return .call(
        "sum", [.column(column, range: SourceRange(start + 4, end - 1))], nameRange: SourceRange(start, start + 3),
        range: SourceRange(start, end))
    }
    let left = sum(numerator, at: 0)
    let right = sum(denominator, at: left.range.upper + 3)
    return (MeasureTerm(expression: left, source: source), MeasureTerm(expression: right, source: source))
  }
}

extension MeasureTerm: Equatable {
  static func == (lhs: MeasureTerm, rhs: MeasureTerm) -> Bool {
    lhs.text == rhs.text
  }
}
