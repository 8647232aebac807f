import TrappeBase

/// Runs `trappe` without a terminal: `-c` commands, a script file, or piped stdin.
package enum BatchRun {
  /// Runs what `options` asks for and returns the process exit status.
  ///
  /// `-c` commands run first, in order; then the script file, if any. With
  /// neither, commands are read from `standardInput`.
  package static func run(
    session: Session, options: LaunchOptions, standardInput: () -> String?
  ) -> Int32 {
    guard prepare(session: session, options: options) else { return 1 }
    if options.check {
      guard let script = options.script else {
        session.notice("trappe: --check needs a script")
        return 2
      }
      return ScriptCheck.run(
        script: script, parameters: options.parameters, datasets: session.datasets, keepGoing: options.keepGoing
      ) { session.say($0) }
    }
    var failed = false
    for command in options.commands {
      var lines = ScriptSource.splitLines(command).makeIterator()
      let status = ScriptRunner(session: session, file: nil, keepGoing: options.keepGoing)
        .run { lines.next() }
      switch status {
      case .succeeded: break
      case .exit(let code): return code
      case .failed:
        if !options.keepGoing { return 1 }
        failed = true
      }
    }
    if let script = options.script {
      let source: ScriptSource
      do throws(ScriptSource.ReadError) {
        source = try ScriptSource.read(expandHome(script), name: script)
      } catch {
        session.notice("trappe: cannot read script '\(script)': \(error.reason)")
        return 1
      }
      if let note = source.note { session.notice(note) }
      session.scriptDirectories.append(Session.directory(of: expandHome(script)))
      var lines = source.lines.makeIterator()
      let status = ScriptRunner(session: session, file: script, keepGoing: options.keepGoing)
        .run { lines.next() }
      return exitCode(status, failedBefore: failed)
    }
    if options.commands.isEmpty {
      // A read line may still hold lone CRs (classic Mac line ends): they end lines too.
      var pendingLines: [String] = []
      func nextLine() -> String? {
        if pendingLines.isEmpty {
          guard let line = standardInput() else { return nil }
          pendingLines = ScriptSource.splitLines(line).reversed()
        }
        return pendingLines.popLast()
      }
      let status = ScriptRunner(session: session, file: "<stdin>", keepGoing: options.keepGoing)
        .run(nextLine)
      return exitCode(status, failedBefore: failed)
    }
    return failed ? 1 : 0
  }

  /// Applies the options every run shares: parameters, the script's name, `--record`.
  /// Returns false when the record cannot be started.
  package static func prepare(session: Session, options: LaunchOptions) -> Bool {
    session.parameters.merge(options.parameters) { _, new in new }
    session.currentScript = options.script
    if let record = options.record, !options.check {
      do throws(Diagnostic) {
        try session.startRecording(to: record, script: options.script)
      } catch {
        session.notice(error.rendered())
        return false
      }
    }
    if let report = options.report, !options.check {
      do throws(Diagnostic) {
        try session.startReport(to: report, script: options.script)
      } catch {
        session.notice(error.rendered())
        return false
      }
    }
    return true
  }

  /// The exit status for how a script ended.
  static func exitCode(_ status: ScriptRunner.Status, failedBefore: Bool) -> Int32 {
    switch status {
    case .succeeded: return failedBefore ? 1 : 0
    case .failed: return 1
    case .exit(let code): return code
    }
  }

  /// The rc file run at interactive start: `~/.trapperc`.
  static var rcPath: String { expandHome("~/.trapperc") }

  /// Runs the rc file if it exists; errors are reported but do not stop the shell.
  package static func runRCFile(session: Session) {
    guard let bytes = try? TextFile.readBytes(rcPath) else { return }
    let source: ScriptSource
    do throws(ScriptSource.ReadError) {
      source = try ScriptSource.decode(bytes, name: rcPath)
    } catch {
      session.notice("trappe: cannot read \(rcPath): \(error.reason)")
      return
    }
    if let note = source.note { session.notice(note) }
    var lines = source.lines.makeIterator()
    _ = ScriptRunner(session: session, file: rcPath, keepGoing: true).run { lines.next() }
  }
}
