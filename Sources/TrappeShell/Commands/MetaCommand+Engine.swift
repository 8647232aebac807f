import TrappeBase
import TrappeEngines
import TrappeStorage

extension MetaCommand {
  /// `.engine [duckdb [FILE] | spark [master=URL | connect=URL] | off] [as NAME] [weeks=COLS] …`.
  static let engine = MetaCommand(
    name: "engine", arguments: [.keyword(EngineKind.all.map(\.name) + ["off"]), .file],
    usage: ".engine [duckdb [FILE] | spark [master=URL|connect=URL] | off]",
    summary: "Attach DuckDB or Spark: pipelines on it run there",
    details: """
      Also: [as NAME] [weeks=COL,…] [months=COL,…] [quarters=COL,…] after the engine.
      .engine duckdb FILE.duckdb attaches a DuckDB database (without FILE: an in-memory one);
      .engine spark attaches Spark in local mode, master=URL a cluster, connect=sc://HOST:PORT
      Spark Connect. .engine shows what is attached, .engine off detaches.
      The engine's tables are named PREFIX.TABLE (duckdb.forloeb; as NAME sets the prefix);
      .tables lists them and Tab completes them and their columns. parquet("PATH/*.parquet")
      and csv("PATH") as a pipeline's source name files the engine reads (csv() on DuckDB
      only: Spark refuses it, since a Spark relation cannot carry the CSV reader's options).
      A pipeline over engine tables is compiled to the engine's SQL and runs there; only its
      result comes back, as outN with the engine, the time and the SQL in its source (explain
      and explain sql show what runs where). An analysis with a split for engines runs its
      reducing query there and the rest here; a local table up to 10,000 rows (a let table, a
      result, a dataset) is sent along as VALUES; a larger one, or a result larger than the
      memory budget leaves room for, is refused. Rows of an engine table have no order
      (sort when order matters). Ctrl-C cancels the engine's query.
      Types: integers are int, DOUBLE/DECIMAL double, BOOLEAN bool, VARCHAR string; a DATE is a
      period whose unit is named by weeks=COL,…, months=COL,…, quarters=COL,…, else by the
      unit of a dataset's column of the same name, else by its name (…uge/…week weeks,
      …maaned/…month months, …kvartal/…quarter quarters); other types are refused.
      The engine runs in a Python process (Scripts/engines/trappe_bridge): TRAPPE_PYTHON, the
      project's .build/venv/bin/python or python3; Scripts/ensure-deps --engines installs the
      engines' packages there.
      """,
    example: ".engine"
  ) { session, invocation throws(Diagnostic) in
    guard let first = invocation.argument(0) else {
      if let engine = session.engine {
        let count = (try? engine.tables().count).map { "\($0) \($0 == 1 ? "table" : "tables")" } ?? "tables unknown"
        session.say("\(engine.prefix): \(engine.description), \(count); .engine off detaches")
      } else {
        session.say("no engine attached: .engine duckdb [FILE.duckdb] or .engine spark [master=URL]")
      }
      return
    }
    let word = try invocation.choice(first, from: EngineKind.all.map(\.name) + ["off"], what: "engine")
    if word == "off" {
      try invocation.expectArguments(1...1, naming: "off")
      guard let engine = session.engine else {
        session.say("no engine attached")
        return
      }
      engine.bridge.close()
      session.engine = nil
      session.notice("detached \(engine.prefix) (\(engine.description))")
      return
    }
    guard let kind = EngineKind.named(word) else { throw invocation.error("unknown engine '\(word)'", at: first) }
    var bridgeArguments: [String] = []
    var target = kind.defaultTarget
    var prefix = kind.name
    var units: [String: PeriodUnit] = [:]
    var index = 1
    while let argument = invocation.argument(index) {
      index += 1
      let text = argument.text
      if text.lowercased() == "as" {
        guard let name = invocation.argument(index), Identifier.quoted(name.text) == name.text else {
          throw invocation.error("as needs a name for the engine's tables (a plain word)", at: argument)
        }
        prefix = name.text
        index += 1
        continue
      }
      if let equals = text.firstIndex(of: "=") {
        let key = text[..<equals].lowercased()
        let value = String(text[text.index(after: equals)...])
        let unitOptions: [String: PeriodUnit] = ["weeks": .week, "months": .month, "quarters": .quarter]
        if let unit = unitOptions[key] {
          for column in value.split(separator: ",") { units[String(column)] = unit }
        } else if kind.options.contains(key) {
          bridgeArguments += ["--" + key, value]
          target = "\(key) \(value)"
        } else {
          let known = Array(unitOptions.keys).sorted() + kind.options
          throw invocation.error(
            "unknown option '\(key)' for \(kind.name)", at: argument,
            hints: ["options: " + known.map { $0 + "=…" }.joined(separator: ", ")])
        }
        continue
      }
      guard let positional = kind.positional else {
        throw invocation.error(
          "unexpected argument '\(text)' for \(kind.name)", at: argument, hints: ["usage: \(invocation.command.usage)"])
      }
      let path = session.resolvePath(text)
      bridgeArguments += ["--" + positional, path]
      target = text
    }
    let location: BridgeLocation
    switch BridgeLocation.find() {
    case .success(let found): location = found
    case .failure(let error): throw EngineMessages.diagnostic(error, engine: nil)
    }
    let bridge = EngineBridge(engine: kind.name, arguments: bridgeArguments, location: location)
    do throws(EngineError) {
      try bridge.start()
    } catch {
      throw EngineMessages.diagnostic(error, engine: nil)
    }
    let attached = AttachedEngine(kind: kind, prefix: prefix, target: target, bridge: bridge, units: units)
    let tables: [String]
    do throws(EngineError) {
      tables = try attached.tables()
    } catch {
      bridge.close()
      throw EngineMessages.diagnostic(error, engine: attached)
    }
    session.engine?.bridge.close()
    session.engine = attached
    let shown = tables.prefix(12).joined(separator: ", ") + (tables.count > 12 ? ", …" : "")
    session.notice(
      "attached \(attached.description) as \(prefix): \(tables.count) \(tables.count == 1 ? "table" : "tables")"
        + (tables.isEmpty ? "" : ": " + shown))
  }
}
