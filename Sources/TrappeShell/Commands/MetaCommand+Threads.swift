import TrappeBase

extension MetaCommand {
  /// `.threads [N|auto]`: shows or sets how many threads queries may use.
  static let threads = MetaCommand(
    name: "threads", arguments: [.keyword(["auto"])], usage: ".threads [N|auto]",
    summary: "Show or set how many threads a query may use",
    details: """
      Filters, computed columns and joins (key lookup, row pairs, output columns) over large
      inputs are cut into morsels of 65,536 rows that run on up to N threads; summarize still
      groups in one pass. The morsels do not depend on N and their results are put together in
      morsel order, so every result is the same with one thread or many. Inputs of one morsel or
      less run on one thread.
      The default is every core this process may run on (its CPU affinity: taskset -c 0
      trappe gives one); .threads 0 or .threads auto returns to it. Without an argument it
      prints the setting and the cores available. The command line takes --threads N too.
      """,
    example: ".threads auto"
  ) { session, invocation throws(Diagnostic) in
    try invocation.expectArguments(0...1, naming: "a thread count")
    guard let word = invocation.argument(0) else {
      session.say(MetaCommand.threadsLine())
      return
    }
    if word.text.lowercased() == "auto" {
      Parallelism.setThreads(0)
      return
    }
    guard let value = Int(word.text), (0...MetaCommand.maximumThreads).contains(value) else {
      throw invocation.error(
        "threads must be a number from 0 to \(MetaCommand.maximumThreads), or auto", at: word,
        hints: ["0 or auto uses every core this process may run on; .threads shows how many that is"])
    }
    Parallelism.setThreads(value)
  }

  /// The most threads `.threads` and `--threads` accept.
  static let maximumThreads = 1024

  /// `threads: 2 (default: all 2 available cores)`, or `threads: 1 (2 cores available)`.
  static func threadsLine() -> String {
    let cores = Parallelism.availableCores
    let available = "\(cores) \(cores == 1 ? "core" : "cores") available"
    if Parallelism.isAutomatic { return "threads: \(Parallelism.threads) (auto: \(available))" }
    return "threads: \(Parallelism.threads) (\(available))"
  }
}
