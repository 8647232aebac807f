import TrappeBase

/// One engine reached through the bridge process (`Scripts/engines/trappe_bridge`): started on
/// first use, kept for the session, restarted when it has died. Requests block until the reply
/// is read; Ctrl-C during a request cancels the engine statement and leaves the bridge usable.
package final class EngineBridge {
  /// `duckdb` or `spark`.
  package let engine: String
  /// The bridge's options after `--engine NAME` (`--database FILE`, `--master URL`, ...).
  package let arguments: [String]
  /// "DuckDB 2.0.1", once started.
  package private(set) var version: String?
  /// How many times the bridge was started (a restart after it died counts).
  package private(set) var starts = 0
  /// Whether the user asked to stop (Ctrl-C): ``Interrupt`` unless a test puts in its own.
  package var interruptRequested: () -> Bool = { Interrupt.isRequested }
  private let location: BridgeLocation
  private var process: BridgeProcess?

  package init(engine: String, arguments: [String], location: BridgeLocation) {
    self.engine = engine
    self.arguments = arguments
    self.location = location
  }

  deinit { process?.terminate() }

  /// A reply: the engine's column names and types and the rows as JSON values.
  package struct Reply: Sendable {
    package var columns: [(name: String, type: String)]
    package var rows: [[JSONValue]]
    package var header: JSONValue
  }

  /// Starts the bridge unless it runs; reads its hello line.
  package func start() throws(EngineError) {
    if let process, process.isAlive { return }
    process = nil
    let spawned = try BridgeProcess(
      arguments: [location.python, "-m", "trappe_bridge", "--engine", engine] + arguments,
      environment: ["PYTHONPATH": location.packageDirectory, "PYTHONUNBUFFERED": "1"])
    starts += 1
    guard let line = spawned.readLine(grace: 2) else {
      spawned.terminate()
      throw .start(
        "the \(engine) engine did not start: \(location.python) -m trappe_bridge ended without a word",
        hints: ["check that \(location.python) runs; set TRAPPE_PYTHON to another Python"])
    }
    guard let hello = JSONValue.parse(line) else {
      spawned.terminate()
      throw .bridge("the engine bridge wrote '\(line.prefix(200))' instead of its hello line")
    }
    guard hello["ok"]?.bool == true else {
      spawned.terminate()
      let message = hello["error"]?.string ?? "unknown error"
      if let module = hello["missing_module"]?.string {
        throw .start(
          "the \(engine) engine needs the Python module '\(module)', which \(location.python) does not have",
          hints: [
            "install it with \(BridgeLocation.installCommand)",
            "or point TRAPPE_PYTHON at a Python that has it",
          ])
      }
      throw .start("the \(engine) engine did not start: \(message)")
    }
    version = hello["version"]?.string
    process = spawned
  }

  /// The tables the user can name (qualified where not in the default schema).
  package func tables() throws(EngineError) -> [String] {
    try request(.object(["op": .string("tables")])).rows.compactMap { $0.first?.string }
  }

  /// The row counts the engine keeps in its metadata, by table name as ``tables()`` names them
  /// (DuckDB: its tables, not its views; Spark: none). Nothing is scanned.
  package func rowCounts() throws(EngineError) -> [String: Int64] {
    var counts: [String: Int64] = [:]
    for row in try request(.object(["op": .string("row_counts")])).rows {
      guard row.count == 2, let name = row[0].string, let rows = row[1].integer else { continue }
      counts[name] = rows
    }
    return counts
  }

  /// The columns of a relation (a table name, `read_parquet('…')`, `(SELECT …)`), not running it.
  package func columns(of relation: String) throws(EngineError) -> [(name: String, type: String)] {
    try request(.object(["op": .string("columns"), "relation": .string(relation)])).rows.compactMap { row in
      guard row.count == 2, let name = row[0].string, let type = row[1].string else { return nil }
      return (name, type)
    }
  }

  /// Runs one statement and returns its result; more than `maxRows` rows is ``EngineError/tooLarge(limit:)``.
  package func query(_ sql: String, maxRows: Int? = nil) throws(EngineError) -> Reply {
    var members: [String: JSONValue] = ["op": .string("query"), "sql": .string(sql)]
    if let maxRows { members["max_rows"] = .integer(Int64(maxRows)) }
    do {
      return try request(.object(members))
    } catch .tooLarge {
      throw .tooLarge(limit: maxRows ?? 0)
    }
  }

  /// Runs a statement without a result (DDL).
  package func execute(_ sql: String) throws(EngineError) {
    _ = try request(.object(["op": .string("execute"), "sql": .string(sql)]))
  }

  /// Ends the bridge.
  package func close() {
    if let process, process.isAlive {
      _ = process.send(JSONValue.object(["op": .string("close")]).encoded)
    }
    process?.terminate()
    process = nil
  }

  /// Whether the bridge process is running now.
  package var isRunning: Bool { process?.isAlive ?? false }

  /// The bridge's process id (for tests that kill it).
  package var processID: Int32? { process?.pid }

  /// Sends one request and reads the reply, starting (or restarting) the bridge first.
  func request(_ request: JSONValue) throws(EngineError) -> Reply {
    try start()
    guard let process else { throw .bridge("the engine bridge is not running") }
    guard process.send(request.encoded) else {
      self.process = nil
      throw .bridge("the \(engine) engine bridge ended; it is restarted on the next statement")
    }
    var interrupted = false
    guard let line = process.readLine(interrupted: interruptRequested, onInterrupt: { interrupted = true }) else {
      process.terminate()
      self.process = nil
      if interrupted { throw .cancelled }
      throw .bridge("the \(engine) engine bridge ended during the statement; it is restarted on the next statement")
    }
    guard let header = JSONValue.parse(line) else {
      process.terminate()
      self.process = nil
      throw .bridge("the engine bridge wrote '\(line.prefix(200))' instead of a reply")
    }
    guard header["ok"]?.bool == true else {
      if header["cancelled"]?.bool == true || (interrupted && interruptRequested()) { throw .cancelled }
      if header["too_large"]?.bool == true { throw .tooLarge(limit: 0) }
      throw .engine(header["error"]?.string ?? "the engine failed without a message")
    }
    let columns: [(name: String, type: String)] = (header["columns"]?.array ?? []).compactMap { pair in
      guard let items = pair.array, items.count == 2, let name = items[0].string, let type = items[1].string else {
        return nil
      }
      return (name, type)
    }
    let count = Int(header["rows"]?.integer ?? 0)
    var rows: [[JSONValue]] = []
    rows.reserveCapacity(count)
    for _ in 0..<count {
      guard let line = process.readLine(watchInterrupt: false), let row = JSONValue.parse(line)?.array else {
        process.terminate()
        self.process = nil
        throw .bridge("the engine bridge's reply ended early")
      }
      rows.append(row)
    }
    return Reply(columns: columns, rows: rows, header: header)
  }
}
