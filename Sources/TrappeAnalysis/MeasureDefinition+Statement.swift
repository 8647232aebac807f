import TrappeBase
import TrappeQuery

extension MeasureDefinition {
  /// A measure from `measure NAME = [SCALE *] NUMERATOR / DENOMINATOR [unit "TEXT"] [better higher|lower]`.
  ///
  /// The numerator and denominator must each contain an aggregate (`sum(startet)`,
  /// `count()`); the measure applies to whatever table an analysis reads. `tables` are the
  /// tables known now with their columns: the measure's `table` (read when an analysis starts a
  /// statement) is one whose columns it can be computed on (see ``table(for:among:)``).
  package init(_ statement: MeasureStatement, source: SourceText, tables: [(name: String, columns: [PlanColumn])])
    throws(Diagnostic)
  {
    var expression = statement.expression
    var scale = 1.0
    // `c * (A / B)`
    if case .binary(.multiply, let left, let right) = expression.kind, let c = MeasureDefinition.constant(left),
      case .binary(.divide, _, _) = right.kind
    {
      scale = c
      expression = right
    }
    guard case .binary(.divide, var numerator, let denominator) = expression.kind else {
      throw source.diagnostic(
        "a measure is a ratio: NUMERATOR / DENOMINATOR", at: statement.expression.range,
        hints: ["e.g. measure i_gang = 100 * sum(startet) / sum(personer) unit \"%\""])
    }
    // `c * A / B` parses as `(c * A) / B`.
    if case .binary(.multiply, let left, let right) = numerator.kind, let c = MeasureDefinition.constant(left) {
      scale *= c
      numerator = right
    }
    for part in [numerator, denominator] where !MeasureDefinition.containsAggregate(part) {
      throw source.diagnostic(
        "both sides of a measure must be aggregates such as sum(x)", at: part.range,
        hints: ["write sum(\(source[part.range])) to add it up over the rows"])
    }
    if let expected = statement.expected, !MeasureDefinition.containsAggregate(expected) {
      throw source.diagnostic(
        "the expected numerator must be an aggregate such as sum(x)", at: expected.range,
        hints: ["write sum(\(source[expected.range])) to add it up over the rows"])
    }
    if MeasureRegistry.builtIn.contains(where: { $0.name == statement.name }) {
      throw source.diagnostic(
        "'\(statement.name)' is a built-in measure", at: statement.nameRange, hints: ["choose another name"])
    }
    self.init(unchecked: statement, numerator: numerator, denominator: denominator, scale: scale, source: source, tables: tables)
  }

  /// The measure of a parsed statement, without the check against the built-in names (which the
  /// built-ins themselves are made with).
  private init(
    unchecked statement: MeasureStatement, numerator: Expression, denominator: Expression, scale: Double,
    source: SourceText, tables: [(name: String, columns: [PlanColumn])]
  ) {
    self.init(
      name: statement.name, numerator: MeasureTerm(expression: numerator, source: source),
      denominator: MeasureTerm(expression: denominator, source: source),
      scale: scale, unit: statement.unit, direction: statement.direction, table: "", builtIn: false)
    self.expectedTerm = statement.expected.map { MeasureTerm(expression: $0, source: source) }
    table = MeasureDefinition.table(for: self, among: tables)
  }

  /// A built-in measure written as a `measure` statement (for one that is not a plain ratio of
  /// two sums); nil if the text does not parse, which a test rules out.
  static func builtIn(_ text: String, table: String) -> MeasureDefinition? {
    guard case .measure(let statement)? = try? QueryParser.parse(text) else { return nil }
    let source = SourceText(text)
    guard case .binary(.divide, let numerator, let denominator) = statement.expression.kind,
      case var measure = MeasureDefinition(
        unchecked: statement, numerator: numerator, denominator: denominator, scale: 1, source: source, tables: [])
    else { return nil }
    measure.table = table
    measure.builtIn = true
    return measure
  }

  /// The table a measure is meant for: of the tables it can be computed on, `resultater` (bench's
  /// and gap's own default) if it is one of them, else the first that has a `kommune` column, else
  /// the first; "" when it fits none of them (then an analysis that starts a statement reads its
  /// own default table and says which column is missing).
  static func table(for measure: MeasureDefinition, among tables: [(name: String, columns: [PlanColumn])]) -> String {
    let fitting = tables.filter { table in
      (try? MeasureEvaluator.check(table.columns, measure: measure, by: [])) != nil
    }
    if fitting.contains(where: { $0.name == "resultater" }) { return "resultater" }
    let municipal = fitting.first { $0.columns.contains { $0.name == "kommune" } }
    return municipal?.name ?? fitting.first?.name ?? ""
  }

  /// The value of a numeric literal.
  static func constant(_ expression: Expression) -> Double? {
    switch expression.kind {
    case .integer(let v): return Double(v)
    case .double(let v): return v
    default: return nil
    }
  }

  /// Whether an aggregate call appears in the expression.
  static func containsAggregate(_ expression: Expression) -> Bool {
    switch expression.kind {
    case .call(let name, _, let arguments, _):
      return FunctionCatalog.isAggregate(name) || arguments.contains(where: containsAggregate)
    case .binary(_, let a, let b): return containsAggregate(a) || containsAggregate(b)
    case .unary(_, let e): return containsAggregate(e)
    default: return false
    }
  }
}
