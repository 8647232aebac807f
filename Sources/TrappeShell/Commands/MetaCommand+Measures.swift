import TrappeBase
import TrappeStorage

extension MetaCommand {
  /// `.measures`: the measures analyses can use.
  static let measures = MeasureListing.command
}

/// The `.measures` command: lists built-in and user-defined measures.
enum MeasureListing {
  static let command = MetaCommand(
    name: "measures", usage: ".measures",
    summary: "List the measures (ratios) that analyses can use",
    details: """
      A measure is a ratio of two aggregates, e.g. i_gang = 100 * sum(startet) / sum(personer).
      Define your own with:
        measure NAME = NUMERATOR / DENOMINATOR [unit "%"] [better higher|lower] [expected NUMERATOR]
      `better` says which way is better; bench ranks, its best 10 and the words in footers and
      charts follow it. Without it, higher is assumed and the footer says so.
      `expected` gives a published expected level (e.g. sum(forventet_antal)), taken over the same
      denominator and scale: bench NAME against expected compares each municipality with it.
      `table` is a table whose columns the measure uses (resultater when it fits): an analysis
      that starts a statement, e.g. `bench kh for Slagelse`, reads it; "(none fits)" when no
      table has the columns yet.
      Any total of a measure (a group, a region, several rounds) adds up numerators and
      denominators first and divides once; percentages are never averaged.
      The built-ins i_gang, selvforsoergende and aktivering on resultater are rolling (the 12 months
      before each round over the target group at the round), not the Ny Chance targets' cohort
      definition; gap … cohort computes that from forloeb.
      """,
    example: ".measures"
  ) { session, invocation throws(Diagnostic) in
    try invocation.expectArguments(0...0, naming: "nothing")
    let all = session.measures.all
    session.show(
      Table([
        ("measure", .string(StringColumn(all.map(\.name)))),
        ("definition", .string(StringColumn(all.map { $0.text }))),
        ("better", .string(StringColumn(all.map { $0.direction.rawValue + ($0.directionStated ? "" : " (assumed)") }))),
        ("table", .string(StringColumn(all.map { $0.table.isEmpty ? "(none fits)" : $0.table }))),
        ("kind", .string(StringColumn(all.map { $0.builtIn ? "built-in" : "defined" }))),
        ("note", .string(StringColumn(all.map(\.note)))),
      ]))
  }
}
