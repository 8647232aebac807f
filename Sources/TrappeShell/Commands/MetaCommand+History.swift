import TrappeBase
import TrappeIO

extension MetaCommand {
  /// `.history [save FILE.trp]`: lists the shell's successful statements, or saves them as a script.
  static let history = MetaCommand(
    name: "history", arguments: [.keyword(["save"]), .file], usage: ".history [save FILE.trp]",
    summary: "List the statements that worked, or save as a script",
    details: """
      Lists the statements typed in the shell that succeeded and that a replay needs:
      queries, let, measure, .load, .save, .set and the settings (.locale, .maxrows, ...).
      Commands that only show things (.help, .tables, .describe, ...) are left out, and a
      query continued with lines starting with | is one entry, whole. With save FILE.trp,
      writes them as a script that replays the session: run it with trappe FILE.trp or
      .read FILE.trp, or check it with trappe --check FILE.trp. .rerun N runs entry N again.
      (Up and Down walk the line-editor history, which also keeps failed lines.)
      """,
    example: ".history"
  ) { session, invocation throws(Diagnostic) in
    try invocation.expectArguments(0...2, naming: "save FILE.trp")
    guard let first = invocation.argument(0) else {
      let entries = session.history.entries
      guard !entries.isEmpty else {
        session.say("no statements yet (successful statements typed in the shell are listed here)")
        return
      }
      let width = String(entries.count).count
      var lines: [String] = []
      for (index, entry) in entries.enumerated() {
        let number = String(index + 1)
        let pad = String(repeating: " ", count: width - number.count)
        for (lineIndex, line) in entry.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
          lines.append(lineIndex == 0 ? "\(pad)\(number)  \(line)" : String(repeating: " ", count: width + 2) + line)
        }
      }
      session.say(lines.joined(separator: "\n"))
      return
    }
    _ = try invocation.choice(first, from: ["save"], what: "a .history action")
    guard let file = invocation.argument(1) else { throw invocation.missing("a file name, e.g. .history save analyse.trp") }
    let header = "-- Trappe session saved with .history save: \(session.history.entries.count) statements.\n"
      + "-- Run it with: trappe \(file.text)\n"
    let text = session.history.script(header: header)
    do throws(FileError) {
      try AtomicFile.write(text, to: session.resolvePath(file.text))
    } catch {
      throw error.diagnostic
    }
    session.notice("saved \(session.history.entries.count) statements to \(file.text)")
  }
}
