// libFuzzer target: bytes (as text) → one statement through the lexer, parser, binder,
// optimizer and executor (and the box renderer) → a result or a diagnostic.
//
// Each input runs in a fresh session over small copies of the datasets (FuzzDatasets: at most
// 60 rows each), so a statement stays cheap; inputs over 1,024 bytes and meta commands (lines
// starting with `.`, the script target's business) are skipped. Tab completion and the
// "needs more input" check run on the same text.
@testable import TrappeShell
import TrappeBase
import TrappeFuzzSupport

/// The folder relative paths resolve in (queries do not write files; `.save` is not a query).
private let sandbox = FuzzDatasets.temporaryFolder("query")
nonisolated(unsafe) private let registry = FuzzDatasets.registry

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzQuery(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
  guard let data, size <= 1024 else { return 0 }
  let text = String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
  guard !text.trimmingLeadingWhitespace().hasPrefix(".") else { return 0 }
  let session = Session(output: SessionOutput(standard: { _ in }, error: { _ in }), datasets: registry)
  session.workingDirectory = sandbox
  _ = session.needsMoreInput(text)
  _ = session.completions(line: text, cursor: text.utf8.count)
  let outcome = session.run(text)
  if case .success = outcome, !session.catalog.results.isEmpty {
    // The result is registered: reading it back as `_` works.
    _ = session.run("_ | take 3")
  }
  return 0
}
