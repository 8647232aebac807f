import TrappeBase

extension MetaCommand {
  /// `.memory [limit SIZE|off|default]`: the memory the tables and the process use, and the budget.
  static let memory = MetaCommand(
    name: "memory", arguments: [.keyword(["limit"]), .keyword(["off", "default"])],
    usage: ".memory [limit SIZE]",
    summary: "Show the memory tables use, or set the memory budget",
    details: """
      The budget stops a stage that would need more memory than is free under it (a
      many-to-many join, a very wide pivot, a huge chart or string) with an error naming the
      stage and its estimate, before it allocates; the session and its tables stay as they
      were. By default it is three quarters of physical memory (of ulimit -v, when lower).
      SIZE takes a unit: .memory limit 512MB, .memory limit 8GB (1 GB = 1024 MB). off removes
      the budget (ulimit -v still stops a stage); default returns to the default.
      Numbered results (out1, out2, ...) beyond a quarter of the budget are released, oldest
      first (never the last result, never a let table); a released name says so when used.
      """,
    example: ".memory"
  ) { session, invocation throws(Diagnostic) in
    // `.memory limit 512 MB` is one size in two words.
    try invocation.expectArguments(0...3, naming: "limit SIZE")
    if let word = invocation.argument(0) {
      _ = try invocation.choice(word, from: ["limit"], what: "memory setting")
      guard let value = invocation.argument(1) else { throw invocation.missing("a size, off or default") }
      switch value.text.lowercased() {
      case "off": MemoryBudget.set(.off)
      case "default": MemoryBudget.set(.automatic)
      default:
        let unit = invocation.argument(2)?.text ?? ""
        guard let bytes = MemoryBudget.parseSize(value.text + unit) else {
          throw invocation.error(
            "'\(value.text)' is not a memory size", at: value,
            hints: ["write a number with a unit, e.g. .memory limit 512MB or .memory limit 8GB; or off, default"])
        }
        MemoryBudget.set(.bytes(bytes))
      }
      session.say(MetaCommand.budgetLine())
      session.releaseResults()
      return
    }
    var total = 0
    for name in session.catalog.names {
      let bytes = session.catalog[name]?.byteCount ?? 0
      total += bytes
      session.say("\(name): \(MetaCommand.megabytes(bytes)) in columns")
    }
    session.say("all tables: \(MetaCommand.megabytes(total))")
    let results = session.catalog.resultBytes
    if results > 0 { session.say("kept results (out1, ...): \(MetaCommand.megabytes(results))") }
    if let resident = ProcessMemory.residentBytes() {
      session.say("process resident memory: \(MetaCommand.megabytes(resident))")
    }
    session.say(MetaCommand.budgetLine())
  }

  /// `memory budget: 11.6 GB (default), in use 52.1 MB, free 11.5 GB`.
  static func budgetLine() -> String {
    let how: String
    switch MemoryBudget.setting {
    case .automatic: how = "default: 3/4 of \(MemoryBudget.addressSpaceLimit == nil ? "physical memory" : "ulimit -v")"
    case .off: how = "off"
    case .bytes: how = "set with .memory limit"
    }
    let budget = MemoryBudget.limit == Int.max ? "none" : MemoryBudget.describe(MemoryBudget.limit)
    let free = MemoryBudget.available
    return "memory budget: \(budget) (\(how)), in use \(MemoryBudget.describe(MemoryBudget.inUse)), "
      + "free \(free == Int.max ? "unlimited" : MemoryBudget.describe(free))"
  }

  /// Bytes as megabytes with one decimal, e.g. `12.3 MB`.
  static func megabytes(_ bytes: Int) -> String {
    let tenths = (bytes * 10 + 524_288) / 1_048_576
    return "\(tenths / 10).\(tenths % 10) MB"
  }
}
