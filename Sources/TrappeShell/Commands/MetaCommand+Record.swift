import TrappeBase

extension MetaCommand {
  /// `.record [FILE.md|off]`: writes every command and its output to a Markdown file.
  static let record = MetaCommand(
    name: "record", arguments: [.file], usage: ".record [FILE.md|off]",
    summary: "Write every command and its output to a Markdown report",
    details: """
      The script's -- comments become the title (its first comment), ## headings and
      paragraphs; numbers follow .locale; under each table a one-line footer and the
      notes, each note once per section. .report FILE.html writes the same as HTML.
      Tables become Markdown tables and charts fenced blocks, under a header naming the
      script, its parameters and the datasets used with a content hash of each. Each
      command's entry is appended when it ends (the file is rewritten atomically when a
      new dataset joins the header), and it has no timestamps, so replaying the same
      script gives the same report. .record off stops; --record FILE.md records
      a whole run.
      """,
    example: ".record /tmp/trappe-record.md"
  ) { session, invocation throws(Diagnostic) in
    try invocation.expectArguments(0...1, naming: "a file name or off")
    guard let word = invocation.argument(0) else {
      session.say(session.recording.map { "recording to \($0.path)" } ?? "not recording: .record FILE.md")
      return
    }
    if word.text.lowercased() == "off" {
      guard let current = session.recording else {
        throw invocation.error("not recording", at: word)
      }
      session.saveRecording()
      session.finishRecording()
      session.recording = nil
      session.notice("record written to \(current.path)")
      return
    }
    try session.startRecording(to: word.text, script: session.currentScript)
    // Not into the record itself.
    session.output.error("recording to \(session.recording?.path ?? word.text)\n")
  }
}
