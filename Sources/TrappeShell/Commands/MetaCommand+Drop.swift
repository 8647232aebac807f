import TrappeBase

extension MetaCommand {
  /// `.drop TABLE`: removes a table from the session.
  static let drop = MetaCommand(
    name: "drop", arguments: [.table], usage: ".drop TABLE",
    summary: "Remove a table from the session",
    example: ".drop kommuner"
  ) { session, invocation throws(Diagnostic) in
    try invocation.expectArguments(1...1, naming: "a table name")
    let (name, _) = try session.table(named: invocation.arguments[0], in: invocation)
    session.catalog.remove(name)
    session.notice("dropped \(name)")
  }
}
