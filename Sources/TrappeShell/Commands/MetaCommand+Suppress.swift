import TrappeBase

extension MetaCommand {
  /// `.suppress [N|off]`: shows or sets small-cell suppression of counts below N.
  static let suppress = MetaCommand(
    name: "suppress", arguments: [.keyword(["off"])], usage: ".suppress [N|off]",
    summary: "Show or set hiding of counts below N (and their ratios)",
    details: """
      With .suppress 5 (the usual rule for register data) every count of persons
      from 1 to 4 is shown as <5, and so is every value in the same row computed from
      it (a share, a rate). 0 stays visible. Counts are count(), sums of persons
      columns and the persons columns of the datasets. Results, .save and every
      output mode show <5, and the footer says how many cells were hidden. In
      the result (outN, _) hidden cells are NULL, so later queries cannot read
      them back; a filter on a count hides the columns it picks rows for unless
      the count is kept. Secondary suppression: when the same table holds a total
      (a count column that is the sum of other count columns, or a row that is the
      sum of the other rows of its group, e.g. "i alt"), each row or column of it
      with exactly one hidden cell gets its smallest other cell hidden too, shown
      as x, until none has one. Not covered: totals in other tables, queries over
      the datasets themselves, and the query history.
      """,
    example: ".suppress 5"
  ) { session, invocation throws(Diagnostic) in
    try invocation.expectArguments(0...1, naming: "a threshold")
    guard let word = invocation.argument(0) else {
      let current = session.settings.suppressBelow.map { "counts below \($0)" } ?? "off"
      session.say("suppress: \(current)")
      return
    }
    if word.text.lowercased() == "off" {
      session.settings.suppressBelow = nil
      return
    }
    guard let value = Int(word.text), (1...1000).contains(value) else {
      throw invocation.error(
        "the threshold must be a number from 1 to 1000, or off", at: word,
        hints: ["register data: .suppress 5 hides counts of 1 to 4 persons"])
    }
    session.settings.suppressBelow = value
  }
}
