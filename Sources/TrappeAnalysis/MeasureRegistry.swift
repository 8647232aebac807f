import TrappeBase
import TrappeStorage
import TrappeQuery

/// The measures of a session: the built-in Ny Chance measures plus those defined with `measure`.
package final class MeasureRegistry: @unchecked Sendable {
  /// Names in definition order.
  package private(set) var names: [String] = []
  private var measures: [String: MeasureDefinition] = [:]

  /// A registry with the built-in measures.
  package init() {
    for measure in MeasureRegistry.builtIn { define(measure) }
  }

  /// The Ny Chance targets as measures on `resultater`.
  static let builtIn: [MeasureDefinition] = [
    MeasureDefinition(
      builtIn: "i_gang", sumOf: "startet", per: "personer", scale: 100, unit: "%",
      table: "resultater"),
    MeasureDefinition(
      builtIn: "selvforsoergende", sumOf: "uger_selvforsoergende", per: "uger_i_alt",
      scale: 100, unit: "%", table: "resultater"),
    MeasureDefinition(
      builtIn: "aktivering", sumOf: "uger_aktivering", per: "uger_i_alt", scale: 100,
      unit: "%", table: "resultater"),
  ]

  /// Adds or replaces a measure.
  package func define(_ measure: MeasureDefinition) {
    if measures.updateValue(measure, forKey: measure.name) == nil { names.append(measure.name) }
  }

  /// The measure called `name`.
  func measure(_ name: String) -> MeasureDefinition? { measures[name] }

  /// Every measure, in order.
  package var all: [MeasureDefinition] { names.compactMap { measures[$0] } }
}
