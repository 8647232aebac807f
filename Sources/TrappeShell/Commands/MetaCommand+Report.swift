import TrappeBase

extension MetaCommand {
  /// `.report [FILE.html|off]`: writes every command and its output to a self-contained HTML report.
  static let report = MetaCommand(
    name: "report", arguments: [.file], usage: ".report [FILE.html|off]",
    summary: "Write the session to an HTML report (SVG charts)",
    details: """
      The script's -- comments become the title (its first comment), section headings
      (the first line of each later run of comments) and paragraphs. Tables are HTML
      tables with numbers in the .locale, charts inline SVG drawn from the chart, each
      with a one-line footer (the illustrative label, sources, N and filters); each
      section ends with its notes, once each, and the report with the datasets used
      and a content hash of each. Inline CSS with print rules, no scripts and nothing
      fetched from the network: open it in a browser, or print it to PDF. The file is
      rewritten atomically after each command. .report off stops; --report FILE.html
      reports a whole run. .record FILE.md writes the same as Markdown.
      """,
    example: ".report /tmp/trappe-report.html"
  ) { session, invocation throws(Diagnostic) in
    try invocation.expectArguments(0...1, naming: "a file name or off")
    guard let word = invocation.argument(0) else {
      session.say(session.report.map { "reporting to \($0.path)" } ?? "not reporting: .report FILE.html")
      return
    }
    if word.text.lowercased() == "off" {
      guard let current = session.report else {
        throw invocation.error("not reporting", at: word)
      }
      session.saveRecording()
      current.sync()
      session.report = nil
      session.notice("report written to \(current.path)")
      return
    }
    guard Recording.format(of: word.text) == .html else {
      throw invocation.error(
        "a report is an HTML file: name it .html", at: word, hints: [".record FILE.md writes a Markdown record"])
    }
    try session.startReport(to: word.text, script: session.currentScript)
    // Not into the report itself.
    session.output.error("reporting to \(session.report?.path ?? word.text)\n")
  }
}
