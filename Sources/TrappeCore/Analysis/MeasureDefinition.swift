/// A ratio measure: `scale * NUMERATOR / DENOMINATOR`, where both are aggregates.
///
/// Any aggregate of a measure (a group of municipalities, a region, several
/// rounds) sums the numerator and the denominator first and divides once; it
/// never averages the ratios of the parts.
public struct MeasureDefinition: Sendable, Equatable {
  public var name: String
  /// The numerator as written, e.g. `sum(startet)`.
  public var numerator: String
  /// The denominator as written, e.g. `sum(personer)`.
  public var denominator: String
  /// The factor in front, e.g. 100 for a percentage.
  public var scale: Double
  public var unit: String?
  /// The table the measure is meant for (used when an analysis starts a statement).
  public var table: String
  /// Whether the measure comes with Trappe.
  public var builtIn: Bool

  public init(
    name: String, numerator: String, denominator: String, scale: Double, unit: String?, table: String,
    builtIn: Bool
  ) {
    self.name = name
    self.numerator = numerator
    self.denominator = denominator
    self.scale = scale
    self.unit = unit
    self.table = table
    self.builtIn = builtIn
  }

  /// The definition as a user would write it.
  public var text: String {
    let factor = scale == 1 ? "" : NumberFormatting.plain(scale).replacingSuffix(".0") + " * "
    return "measure \(name) = \(factor)\(numerator) / \(denominator)" + (unit.map { " unit \"\($0)\"" } ?? "")
  }
}

extension String {
  /// The string without `suffix` at its end.
  func replacingSuffix(_ suffix: String) -> String {
    hasSuffix(suffix) ? String(dropLast(suffix.count)) : self
  }
}
