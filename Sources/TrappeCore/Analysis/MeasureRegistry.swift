/// The measures of a session: the built-in Ny Chance measures plus those defined with `measure`.
public final class MeasureRegistry: @unchecked Sendable {
  /// Names in definition order.
  public private(set) var names: [String] = []
  private var measures: [String: MeasureDefinition] = [:]

  /// A registry with the built-in measures.
  public init() {
    for measure in MeasureRegistry.builtIn { define(measure) }
  }

  /// The Ny Chance targets as measures on `resultater`.
  public static let builtIn: [MeasureDefinition] = [
    MeasureDefinition(
      name: "i_gang", numerator: "sum(startet)", denominator: "sum(personer)", scale: 100, unit: "%",
      table: "resultater", builtIn: true),
    MeasureDefinition(
      name: "selvforsoergende", numerator: "sum(uger_selvforsoergende)", denominator: "sum(uger_i_alt)",
      scale: 100, unit: "%", table: "resultater", builtIn: true),
    MeasureDefinition(
      name: "aktivering", numerator: "sum(uger_aktivering)", denominator: "sum(uger_i_alt)", scale: 100,
      unit: "%", table: "resultater", builtIn: true),
  ]

  /// Adds or replaces a measure.
  public func define(_ measure: MeasureDefinition) {
    if measures.updateValue(measure, forKey: measure.name) == nil { names.append(measure.name) }
  }

  /// The measure called `name`.
  public func measure(_ name: String) -> MeasureDefinition? { measures[name] }

  /// Every measure, in order.
  public var all: [MeasureDefinition] { names.compactMap { measures[$0] } }
}
