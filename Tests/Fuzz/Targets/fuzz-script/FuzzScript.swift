// libFuzzer target: bytes → a script run as `trappe FILE NAME=VALUE ...` runs it: decoded by
// ScriptSource (UTF-8, BOM, CRLF and lone CR, Windows-1252 fallback), then each statement with
// its `$NAME` parameters substituted and run (queries and meta commands) → output or diagnostics.
//
// Each input runs in a fresh session over small datasets (FuzzDatasets) with a fixed set of
// parameters, in a sandbox folder that is emptied after every input. The commands that write or
// read files (.load, .save, .record) run only on plain names inside the sandbox: an input where
// such a command names a path with `/`, `~` or `..` is skipped, and so is one with `.read` (it
// would run a file the script wrote, whose lines the check here never saw). Inputs over 2,048
// bytes are skipped too.
@testable import TrappeShell
import TrappeBase
import TrappeFuzzSupport

private let sandbox = FuzzDatasets.temporaryFolder("script")
nonisolated(unsafe) private let registry = FuzzDatasets.registry

/// The parameters every run gets: a name with a hyphen and a non-ASCII letter, numbers, an
/// attempt at injection, an empty value and a number beyond Double.
private let parameters: [String: String] = [
  "kommune": "Høje-Taastrup", "n": "3", "aar": "2008", "neg": "-2.5", "big": "1e400",
  "tekst": "x\" or kommune != \"x", "tom": "",
]

/// The commands that read or write files.
private let fileCommands: Set<String> = ["load", "save", "record"]

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzScript(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
  guard let data, size <= 2048 else { return 0 }
  let bytes = Array(UnsafeBufferPointer(start: data, count: size))
  let source: ScriptSource
  do throws(ScriptSource.ReadError) {
    source = try ScriptSource.decode(bytes, name: "fuzz.trp")
  } catch {
    return 0
  }
  let session = Session(output: SessionOutput(standard: { _ in }, error: { _ in }), datasets: registry)
  session.workingDirectory = sandbox
  session.parameters = parameters
  guard source.lines.allSatisfy({ staysInSandbox($0, session) }) else { return 0 }
  var lines = source.lines.makeIterator()
  _ = ScriptRunner(session: session, file: "fuzz.trp", keepGoing: true).run { lines.next() }
  FuzzDatasets.empty(sandbox)
  return 0
}

/// Whether `line`, were it run as a meta command after parameter substitution, stays in the sandbox.
private func staysInSandbox(_ line: String, _ session: Session) -> Bool {
  var text = line
  if text.unicodeScalars.first == "\u{FEFF}" { text.unicodeScalars.removeFirst() }
  guard text.trimmingLeadingWhitespace().hasPrefix(".") else { return true }
  guard let substituted = try? session.substitutingParameters(in: text),
    let words = try? CommandLineSplitter.split(substituted), let first = words.first,
    let command = try? MetaCommand.lookup(first, line: substituted)
  else { return true }  // the line fails before it touches a file
  // .read would run a file the script wrote; .memory could lift the fuzz budget of 1 GiB.
  if command.name == "read" || command.name == "memory" { return false }
  guard fileCommands.contains(command.name) else { return true }
  return !substituted.contains("/") && !substituted.contains("~") && !substituted.contains("..")
}
