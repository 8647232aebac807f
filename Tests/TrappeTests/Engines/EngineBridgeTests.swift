import Glibc
import Synchronization
import Testing

@testable import TrappeBase
@testable import TrappeEngines
@testable import TrappeQuery
@testable import TrappeStorage

/// The engine bridge's client: the JSON reader, the result decoder (periods in the dialects'
/// representation), and the protocol against a stand-in bridge (a shell script that answers as
/// Scripts/engines/trappe_bridge would), so no engine is needed. The real bridge with DuckDB is
/// checked end to end by Tests/engines/run.sh.
@Suite struct EngineBridgeTests {
  @Test func jsonReadsWhatTheBridgeWrites() {
    let line = #"{"ok": true, "columns": [["a", "BIGINT"]], "rows": 2, "x": [1.5, -3, null, false, "\u00e6\n\"q\"", 9007199254740993]}"#
    let value = JSONValue.parse(line)
    #expect(value?["ok"]?.bool == true)
    #expect(value?["rows"]?.integer == 2)
    let x = value?["x"]?.array ?? []
    #expect(x == [.double(1.5), .integer(-3), .null, .bool(false), .string("æ\n\"q\""), .integer(9_007_199_254_740_993)])
    #expect(JSONValue.parse("[1, 2") == nil)
    #expect(JSONValue.parse("{\"a\": 1} x") == nil)
    // Surrogate pairs and the round trip of an encoded request.
    #expect(JSONValue.parse(#""\ud83d\ude00""#) == .string("😀"))
    let request = JSONValue.object(["op": .string("query"), "sql": .string("SELECT 'æ'\n\t\"x\"")])
    #expect(JSONValue.parse(request.encoded) == request)
    #expect(!request.encoded.contains("\n"))
  }

  @Test func decoderTypesCellsByThePlanColumns() throws {
    let rows: [[JSONValue]] = [
      [.integer(7), .integer(2), .string("nan"), .string("2008-03-03"), .string("2008-07-01"), .string("2008-11-01"), .integer(2009), .bool(true), .string("Århus")],
      [.null, .double(3), .string("-inf"), .string("2007-12-31"), .null, .string("2008-02-01"), .null, .null, .null],
    ]
    let columns = [
      PlanColumn(name: "i", type: .int64), PlanColumn(name: "d", type: .double), PlanColumn(name: "e", type: .double),
      PlanColumn(name: "w", type: .period, unit: .week), PlanColumn(name: "q", type: .period, unit: .quarter),
      PlanColumn(name: "m", type: .period, unit: .month), PlanColumn(name: "y", type: .period, unit: .year),
      PlanColumn(name: "b", type: .bool), PlanColumn(name: "s", type: .string),
    ]
    let table = try EngineResultDecoder.table(rows: rows, columns: columns)
    #expect(table.rowCount == 2)
    #expect(table.columns[0].value(at: 0) == .int64(7) && table.columns[0].value(at: 1) == .null)
    #expect(table.columns[1].value(at: 0) == .double(2) && table.columns[1].value(at: 1) == .double(3))
    if case .double(let nan) = table.columns[2].value(at: 0) { #expect(nan.isNaN) } else { Issue.record("no NaN") }
    #expect(table.columns[2].value(at: 1) == .double(-.infinity))
    // 2008-03-03 is the Monday of ISO week 10 of 2008; 2007-12-31 the Monday of 2008W01.
    #expect(table.columns[3].value(at: 0) == .period(.week(2008, 10)))
    #expect(table.columns[3].value(at: 1) == .period(.week(2008, 1)))
    #expect(table.columns[4].value(at: 0) == .period(.quarter(2008, 3)))
    #expect(table.columns[5].value(at: 0) == .period(.month(2008, 11)))
    #expect(table.columns[5].value(at: 1) == .period(.month(2008, 2)))
    #expect(table.columns[6].value(at: 0) == .period(.year(2009)))
    #expect(table.columns[7].value(at: 0) == .bool(true))
    #expect(table.columns[8].value(at: 0) == .string("Århus"))
  }

  @Test func decoderRefusesACellOfAnotherType() {
    #expect(throws: EngineError.self) {
      try EngineResultDecoder.table(rows: [[.string("x")]], columns: [PlanColumn(name: "i", type: .int64)])
    }
    #expect(throws: EngineError.self) {
      try EngineResultDecoder.table(rows: [[.string("2008-13-01")]], columns: [PlanColumn(name: "m", type: .period, unit: .month)])
    }
  }

  @Test func engineTypesMapToTrappeTypesOrNone() {
    #expect(EngineColumnType.dataType("BIGINT") == .int64)
    #expect(EngineColumnType.dataType("int") == .int64)
    #expect(EngineColumnType.dataType("DECIMAL(18,3)") == .double)
    #expect(EngineColumnType.dataType("VARCHAR") == .string)
    #expect(EngineColumnType.dataType("STRING") == .string)
    #expect(EngineColumnType.dataType("DATE") == .period)
    #expect(EngineColumnType.dataType("TIMESTAMP") == nil)
    #expect(EngineColumnType.dataType("INTEGER[]") == nil)
  }

  /// A stand-in bridge: a shell script speaking the protocol.
  static func fakeBridge(_ body: String) throws -> (directory: String, location: BridgeLocation) {
    var template = Array("/tmp/trappe-engine-XXXXXX".utf8CString)
    let made = template.withUnsafeMutableBufferPointer { mkdtemp($0.baseAddress!) }
    let directory = String(cString: try #require(made))
    let script = directory + "/bridge.sh"
    let file = try #require(fopen(script, "w"))
    fputs("#!/bin/sh\n" + body, file)
    fclose(file)
    chmod(script, 0o755)
    return (directory, BridgeLocation(python: script, packageDirectory: directory))
  }

  static func cleanUp(_ directory: String) {
    unlink(directory + "/bridge.sh")
    rmdir(directory)
  }

  @Test func protocolRepliesErrorsAndARestartAfterTheBridgeDied() throws {
    let (directory, location) = try Self.fakeBridge(
      #"""
      echo '{"ok": true, "engine": "duckdb", "version": "Fake 1"}'
      while read -r line; do
        case "$line" in
          *'"tables"'*) echo '{"ok": true, "columns": [["name", "VARCHAR"]], "rows": 2}'; echo '["a"]'; echo '["s.b"]' ;;
          *boom*) printf '%s\n' '{"ok": false, "error": "Binder Error: no such column\n\nLINE 2: x", "cancelled": false}' ;;
          *die*) exit 3 ;;
          *) echo '{"ok": true, "columns": [["x", "BIGINT"], ["d", "DATE"]], "rows": 1}'; echo '[1, "2008-03-03"]' ;;
        esac
      done
      """#)
    defer { Self.cleanUp(directory) }
    let bridge = EngineBridge(engine: "duckdb", arguments: [], location: location)
    defer { bridge.close() }
    try bridge.start()
    #expect(bridge.version == "Fake 1")
    #expect(try bridge.tables() == ["a", "s.b"])
    let reply = try bridge.query("SELECT 1")
    #expect(reply.columns.map(\.name) == ["x", "d"] && reply.columns.map(\.type) == ["BIGINT", "DATE"])
    #expect(reply.rows == [[.integer(1), .string("2008-03-03")]])
    #expect(throws: EngineError.engine("Binder Error: no such column\n\nLINE 2: x")) { try bridge.query("boom") }
    // The bridge is still usable after an engine error.
    #expect(try bridge.query("SELECT 2").rows.count == 1)
    #expect(bridge.starts == 1)
    #expect(throws: EngineError.self) { try bridge.query("die") }
    #expect(!bridge.isRunning)
    // The next request starts a new bridge.
    #expect(try bridge.query("SELECT 3").rows.count == 1)
    #expect(bridge.starts == 2)
  }

  @Test func aMissingModuleSaysHowToInstallIt() throws {
    let (directory, location) = try Self.fakeBridge(
      #"echo '{"ok": false, "error": "No module named '"'"'duckdb'"'"'", "missing_module": "duckdb"}'"# + "\n")
    defer { Self.cleanUp(directory) }
    let bridge = EngineBridge(engine: "duckdb", arguments: [], location: location)
    do {
      try bridge.start()
      Issue.record("started without the module")
    } catch {
      guard case .start(let message, let hints) = error else {
        Issue.record("wrong error \(error)")
        return
      }
      #expect(message.contains("needs the Python module 'duckdb'"))
      #expect(hints.contains { $0.contains("Scripts/ensure-deps --engines") })
    }
  }

  @Test func anInterruptCancelsTheRunningStatementAndTheBridgeStaysUsable() throws {
    // The stand-in answers "cancelled" when it receives SIGINT during a slow statement.
    let (directory, location) = try Self.fakeBridge(
      #"""
      trap 'cancelled=1' INT
      echo '{"ok": true, "engine": "duckdb", "version": "Fake 1"}'
      while read -r line; do
        case "$line" in
          *slow*)
            cancelled=0
            for i in 1 2 3 4 5 6 7 8 9 10 11 12 13 14 15 16 17 18 19 20; do
              [ $cancelled = 1 ] && break
              sleep 0.1
            done
            if [ $cancelled = 1 ]; then echo '{"ok": false, "error": "INTERRUPT", "cancelled": true}'
            else echo '{"ok": true, "columns": [], "rows": 0}'; fi ;;
          *) echo '{"ok": true, "columns": [["x", "BIGINT"]], "rows": 1}'; echo '[1]' ;;
        esac
      done
      """#)
    defer { Self.cleanUp(directory) }
    let bridge = EngineBridge(engine: "duckdb", arguments: [], location: location)
    defer { bridge.close() }
    try bridge.start()
    // The process-wide Interrupt flag would stop other tests running in parallel: a flag of its own.
    let requested = Atomic<Bool>(true)
    bridge.interruptRequested = { requested.load(ordering: .relaxed) }
    #expect(throws: EngineError.cancelled) { try bridge.query("slow") }
    requested.store(false, ordering: .relaxed)
    #expect(try bridge.query("SELECT 1").rows == [[.integer(1)]])
    #expect(bridge.starts == 1)
  }
}
