import TrappeBase

extension MetaCommand {
  /// `.memory`: how much memory the tables take and how much the process holds.
  static let memory = MetaCommand(
    name: "memory", usage: ".memory",
    summary: "Show the memory each table and the process use",
    example: ".memory"
  ) { session, invocation throws(Diagnostic) in
    try invocation.expectArguments(0...0, naming: "nothing")
    var total = 0
    for name in session.catalog.names {
      let bytes = session.catalog[name]?.byteCount ?? 0
      total += bytes
      session.say("\(name): \(MetaCommand.megabytes(bytes)) in columns")
    }
    session.say("all tables: \(MetaCommand.megabytes(total))")
    if let resident = ProcessMemory.residentBytes() {
      session.say("process resident memory: \(MetaCommand.megabytes(resident))")
    }
  }

  /// Bytes as megabytes with one decimal, e.g. `12.3 MB`.
  static func megabytes(_ bytes: Int) -> String {
    let tenths = (bytes * 10 + 524_288) / 1_048_576
    return "\(tenths / 10).\(tenths % 10) MB"
  }
}
