import TrappeBase
import TrappeQuery

/// A ratio measure: `scale * NUMERATOR / DENOMINATOR`, where both are aggregates.
///
/// Any aggregate of a measure (a group of municipalities, a region, several
/// rounds) sums the numerator and the denominator first and divides once; it
/// never averages the ratios of the parts.
package struct MeasureDefinition: Sendable, Equatable {
  package var name: String
  /// The numerator, parsed, e.g. `sum(startet)`.
  var numeratorTerm: MeasureTerm
  /// The denominator, parsed, e.g. `sum(personer)`.
  var denominatorTerm: MeasureTerm
  /// The factor in front, e.g. 100 for a percentage.
  var scale: Double
  var unit: String?
  /// Which way is better: rankings, the best 10 and the words in footers follow it.
  package var direction: MeasureDirection
  /// Whether `better …` was written (or the built-in declares it); otherwise higher is assumed
  /// and the footer says so.
  package var directionStated: Bool
  /// The numerator of the measure's expected value (`expected sum(forventet_antal)`), over the same
  /// denominator: a published expected level, used by `bench ... against expected`.
  var expectedTerm: MeasureTerm?
  /// The table the measure is meant for (used when an analysis starts a statement).
  package var table: String
  /// Whether the measure comes with Trappe.
  package var builtIn: Bool
  /// Which definition a built-in uses, in words, for `.measures` and the footers (nil for defined measures).
  package var note: String?

  init(
    name: String, numerator: MeasureTerm, denominator: MeasureTerm, scale: Double, unit: String?,
    direction: MeasureDirection?, table: String, builtIn: Bool
  ) {
    self.name = name
    self.numeratorTerm = numerator
    self.denominatorTerm = denominator
    self.scale = scale
    self.unit = unit
    self.direction = direction ?? .higher
    self.directionStated = direction != nil
    self.table = table
    self.builtIn = builtIn
  }

  /// A built-in measure `scale * sum(NUMERATOR) / sum(DENOMINATOR)`.
  init(
    builtIn name: String, sumOf numerator: String, per denominator: String, scale: Double, unit: String?,
    better direction: MeasureDirection, table: String, note: String? = nil
  ) {
    let (top, bottom) = MeasureTerm.sums(numerator, per: denominator)
    self.init(
      name: name, numerator: top, denominator: bottom, scale: scale, unit: unit, direction: direction,
      table: table, builtIn: true)
    self.note = note
  }

  /// The numerator as written, e.g. `sum(startet)`.
  var numerator: String { numeratorTerm.text }
  /// The denominator as written, e.g. `sum(personer)`.
  var denominator: String { denominatorTerm.text }

  /// The footer line saying which definition a built-in uses: `i_gang: rolling 12 months …`.
  package var noteLine: String? { note.map { "\(name): \($0)" } }

  /// The definition as a user would write it.
  package var text: String {
    let factor = scale == 1 ? "" : NumberFormatting.plain(scale).replacingSuffix(".0") + " * "
    return "measure \(name) = \(factor)\(numerator) / \(denominator)" + (unit.map { " unit \"\($0)\"" } ?? "")
      + (directionStated ? " better \(direction.rawValue)" : "")
      + (expectedTerm.map { " expected \($0.text)" } ?? "")
  }

  /// The measure of the expected value: the expected numerator over the same denominator (nil
  /// when the measure has none).
  var expectedMeasure: MeasureDefinition? {
    guard let expectedTerm else { return nil }
    var copy = self
    copy.name = "\(name) (expected)"
    copy.numeratorTerm = expectedTerm
    copy.expectedTerm = nil
    return copy
  }
}
