import Synchronization

/// The measures of a session: the built-in Ny Chance measures plus those defined with `measure`.
///
/// One per session; a `Mutex` guards it because analyses hold it while they are bound.
package final class MeasureRegistry: Sendable {
  private struct State {
    /// Names in definition order.
    var names: [String] = []
    var measures: [String: MeasureDefinition] = [:]
  }
  private let state = Mutex(State())

  /// Names in definition order.
  package var names: [String] { state.withLock { $0.names } }

  /// A registry with the built-in measures.
  package init() {
    for measure in MeasureRegistry.builtIn { define(measure) }
  }

  /// The Ny Chance targets as rolling measures on `resultater`: the 12 months before each round
  /// over the target group at the round. They are not the targets' cohort definition, which
  /// `gap … cohort` computes from `forloeb`; their names stay so scripts keep working. And the
  /// published share on public support with its expected value on `jobindsats_y30r21`.
  static let builtIn: [MeasureDefinition] = [
    MeasureDefinition(
      builtIn: "i_gang", sumOf: "startet", per: "personer", scale: 100, unit: "%", better: .higher,
      table: "resultater",
      note: "rolling 12 months over the stock at the round, not the Ny Chance cohort (gap … cohort): "
        + "persons who started a job or education in the 12 months before the round / the target group at the round"),
    MeasureDefinition(
      builtIn: "selvforsoergende", sumOf: "uger_selvforsoergende", per: "uger_i_alt",
      scale: 100, unit: "%", better: .higher, table: "resultater",
      note: "rolling 12 months over the stock at the round, not the Ny Chance cohort (gap … cohort): "
        + "weeks self-supporting / all weeks of the target group in the 12 months before the round"),
    MeasureDefinition(
      builtIn: "aktivering", sumOf: "uger_aktivering", per: "uger_i_alt", scale: 100,
      unit: "%", better: .higher, table: "resultater",
      note: "rolling 12 months over the stock at the round, not the Ny Chance cohort (gap … cohort): "
        + "weeks in activation / all weeks of the target group in the 12 months before the round, "
        + "self-supporting weeks included"),
  ] + [MeasureRegistry.y30Text].compactMap { MeasureDefinition.builtIn($0, table: "jobindsats_y30r21") }

  /// The share on public support of `jobindsats_y30r21`: each municipality's published share
  /// exactly (a · p / p), municipalities pooled weighted by their population 16–66; the expected
  /// share the same way from the ministry's expected share.
  static let y30Text =
    "measure y30_andel = sum(faktisk_andel_pct * befolkning_16_66) / sum(befolkning_16_66) unit \"%\" better lower"
    + " expected sum(forventet_andel_pct * befolkning_16_66)"

  /// Adds or replaces a measure.
  package func define(_ measure: MeasureDefinition) {
    state.withLock {
      if $0.measures.updateValue(measure, forKey: measure.name) == nil { $0.names.append(measure.name) }
    }
  }

  /// The measure called `name`.
  func measure(_ name: String) -> MeasureDefinition? { state.withLock { $0.measures[name] } }

  /// The unit of the measure called `name` (`%`), for chart axes.
  package func unit(of name: String) -> String? { measure(name)?.unit }

  /// Every measure, in order.
  package var all: [MeasureDefinition] { state.withLock { state in state.names.compactMap { state.measures[$0] } } }
}
