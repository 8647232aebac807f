import TrappeBase

extension MetaCommand {
  /// `.memory [limit SIZE|off|default]`: the memory the tables and the process use, and the budget.
  static let memory = MetaCommand(
    name: "memory", arguments: [.keyword(["limit"]), .keyword(["off", "default"])],
    usage: ".memory [limit SIZE]",
    summary: "Show the memory tables use, or set the memory budget",
    details: """
      Each table's columns are listed with the bytes their values take: 8 per row for double;
      1, 2, 4 or 8 for int, which is stored in the narrowest of 8, 16, 32 and 64 bits that holds
      the column's values (shown as e.g. int 16-bit; every value still reads as a 64-bit int);
      1 for bool, 4 for period; a string's dictionary code takes 1, 2 or 4 (8-bit up to 256
      distinct strings, 16-bit up to 65,536, else 32-bit; shown as codes BYTES (8-bit)), plus
      a string column's dictionary (16 bytes per distinct string, and those longer than 15
      bytes their own 33 + length), plus 1 bit per row (in 8-byte words) once a column has
      nulls. Totals are also in MiB (1 MiB = 1,048,576 bytes); the budget is in KiB, MiB, GiB.
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
      guard let table = session.catalog[name] else { continue }
      let bytes = table.byteCount
      total += bytes
      let rows = table.rowCount == 1 ? "1 row" : "\(MetaCommand.grouped(table.rowCount)) rows"
      let columns = table.columnCount == 1 ? "1 column" : "\(table.columnCount) columns"
      session.say("\(name): \(rows), \(columns): \(MetaCommand.bytesAndMebibytes(bytes))")
      let nameWidth = table.schema.names.map(\.count).max() ?? 0
      // An int column shows the width it is stored in: `int 16-bit`.
      let typeNames = zip(table.schema.fields, table.columns).map { field, column in
        if case .int64(let c) = column { return "\(field.type.name) \(c.bitWidth)-bit" }
        return field.type.name
      }
      let typeWidth = typeNames.map(\.count).max() ?? 0
      for ((field, column), typeName) in zip(zip(table.schema.fields, table.columns), typeNames) {
        var line = "  " + MetaCommand.padded(field.name, nameWidth) + "  " + MetaCommand.padded(typeName, typeWidth) + "  "
          + MetaCommand.grouped(column.byteCount) + " bytes"
        if case .string(let strings) = column {
          line += " (codes \(MetaCommand.grouped(strings.codeByteCount)) (\(strings.codeBitWidth)-bit), "
            + "dictionary \(MetaCommand.grouped(strings.dictionaryByteCount)) for \(MetaCommand.grouped(strings.dictionary.count))"
          if strings.validity.byteCount > 0 { line += ", nulls \(MetaCommand.grouped(strings.validity.byteCount))" }
          line += ")"
        } else if column.validity.byteCount > 0 {
          line += " (nulls \(MetaCommand.grouped(column.validity.byteCount)))"
        }
        session.say(line)
      }
    }
    session.say("all tables: \(MetaCommand.bytesAndMebibytes(total))")
    let results = session.catalog.resultBytes
    if results > 0 { session.say("kept results (out1, ...): \(MetaCommand.bytesAndMebibytes(results))") }
    if let resident = ProcessMemory.residentBytes() {
      session.say("process resident memory: \(MetaCommand.mebibytes(resident))")
    }
    let scratch = ScratchPool.shared.keptBytes
    if scratch > 0 {
      session.say("kept scratch buffers (grouping, reused by the next query): \(MetaCommand.bytesAndMebibytes(scratch))")
    }
    session.say(MetaCommand.budgetLine())
  }

  /// `memory budget: 11.6 GiB (default), in use 52.1 MiB, free 11.5 GiB`.
  static func budgetLine() -> String {
    let how: String
    switch MemoryBudget.setting {
    case .automatic: how = "default: 3/4 of \(MemoryBudget.addressSpaceLimit == nil ? "physical memory" : "ulimit -v")"
    case .off: how = "off"
    case .bytes: how = "set with .memory limit"
    }
    let budget = MemoryBudget.limit == Int.max ? "none" : binary(MemoryBudget.limit)
    let free = MemoryBudget.available
    return "memory budget: \(budget) (\(how)), in use \(binary(MemoryBudget.inUse)), "
      + "free \(free == Int.max ? "unlimited" : binary(free))"
  }

  /// Bytes in mebibytes (1 MiB = 1,048,576 bytes) with one decimal, e.g. `12.3 MiB`.
  static func mebibytes(_ bytes: Int) -> String {
    let tenths = (bytes * 10 + 524_288) / 1_048_576
    return "\(tenths / 10).\(tenths % 10) MiB"
  }

  /// `1,234,567 bytes (1.2 MiB)`.
  static func bytesAndMebibytes(_ bytes: Int) -> String {
    "\(grouped(bytes)) bytes (\(mebibytes(bytes)))"
  }

  /// A whole number with a comma between thousands: `1,234,567`.
  static func grouped(_ number: Int) -> String {
    var digits = String(number.magnitude)
    var index = digits.endIndex
    while digits.distance(from: digits.startIndex, to: index) > 3 {
      index = digits.index(index, offsetBy: -3)
      digits.insert(",", at: index)
    }
    return number < 0 ? "-" + digits : digits
  }

  /// `text` with spaces after it up to `width` characters.
  static func padded(_ text: String, _ width: Int) -> String {
    text + String(repeating: " ", count: max(0, width - text.count))
  }

  /// Bytes in binary units named as such: `512 B`, `12.3 MiB`, `9.7 GiB`.
  static func binary(_ bytes: Int) -> String {
    let text = MemoryBudget.describe(bytes)
    return text.hasSuffix(" B") ? text : text.replacingSuffix("B") + "iB"
  }
}
