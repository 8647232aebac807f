import TrappeBase
import TrappeStorage
import TrappeQuery

/// `bench MEASURE against expected`: the comparison value is the municipality's own expected
/// value, from the measure's `expected` numerator over the same denominator (a published
/// expected level, such as jobindsats Y30R21's forventet andel for `y30_andel`).
///
/// peer_value = the expected value, diff_peers = value − expected, rank_peers = the rank of
/// value − expected among every municipality of the input in that period (1 = furthest on the
/// better side, in the measure's direction; ties share the better rank), which is the ministry's
/// benchmark list. The other columns are as for any group.
struct BenchExpectedValues {
  let cells: MeasureCells
  let actual: MeasureCells
  let direction: MeasureDirection
  /// value − expected by key index, for every municipality with both.
  let differences: [[String: Double]]

  init(actual: MeasureCells, expected: MeasureCells, direction: MeasureDirection) {
    var differences: [[String: Double]] = []
    for key in 0..<actual.keyCount {
      var byName: [String: Double] = [:]
      for name in actual.municipalities {
        if let v = actual.value(actual.cell(name, key)), let e = expected.value(expected.cell(name, key)) {
          byName[name] = v - e
        }
      }
      differences.append(byName)
    }
    self.cells = expected
    self.actual = actual
    self.direction = direction
    self.differences = differences
  }

  /// The expected value of `name` at key index `key`.
  func value(_ name: String, _ key: Int) -> Double? { cells.value(cells.cell(name, key)) }

  /// The rank of `name`'s value − expected among all municipalities at `key`.
  func rank(_ name: String, _ key: Int) -> Int64? {
    guard key < differences.count, let d = differences[key][name] else { return nil }
    return Int64(1 + differences[key].values.filter { direction.isBetter($0, than: d) }.count)
  }
}

extension ComparisonGroup {
  /// Checks that a measure compared `against expected` has an expected value.
  func requireExpected(of measure: MeasureDefinition, clause: AnalysisClause?, context: AnalysisContext)
    throws(Diagnostic)
  {
    guard expected, measure.expectedTerm == nil else { return }
    throw context.error(
      "the measure '\(measure.name)' has no expected value", at: clause?.values.first?.range ?? clause?.wordRange ?? SourceRange(0, 0),
      hints: [
        "a measure gets one with expected NUMERATOR: measure \(measure.name) = ... expected sum(forventet_antal)",
        "for a model of your own, use expected \(measure.name) on (VARIABLE, ...)",
      ])
  }
}

extension BenchOperator {
  /// The expected values when the group is `expected`, else nil.
  func expectedValues(_ input: Table) throws(Diagnostic) -> BenchExpectedValues? {
    guard group.expected, let expectedMeasure = measure.expectedMeasure else { return nil }
    let actual = try MeasureCells(input, measure: measure, key: period?.name)
    let expected = try MeasureCells(input, measure: expectedMeasure, key: period?.name)
    return BenchExpectedValues(actual: actual, expected: expected, direction: measure.direction)
  }

  /// The footer line for peer_value against expected.
  func expectedNote() -> String {
    let expectedNumerator = measure.expectedTerm?.text ?? "?"
    let scale = measure.scale == 1 ? "" : NumberFormatting.plain(measure.scale).replacingSuffix(".0") + " * "
    return "peer_value: the municipality's expected value, \(scale)\(expectedNumerator) / \(measure.denominator); "
      + "diff_peers = value − expected; rank_peers: rank of value − expected among all municipalities in the input"
      + (period.map { " in each \($0.name)" } ?? "")
      + " (1 = furthest \(measure.direction == .lower ? "below" : "above") its expected value, better \(measure.direction.rawValue); ties share the better rank)"
  }

  /// `against expected` is not compiled to SQL.
  func requireNotExpectedForSQL() throws(SQLError) {
    if group.expected {
      throw SQLError(
        "\(summary): against expected has no SQL form yet (the rank over value − expected is not compiled)",
        hints: ["explain sql covers bench against peers, region and groups"])
    }
  }
}
