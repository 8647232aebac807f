import TrappeCore

/// Chooses between the interactive shell and the batch path, decided once at start-up.
struct Launcher {
  let session: Session
  let options: LaunchOptions

  func run(interactive: Bool) -> Int32 {
    guard interactive else {
      return BatchRun.run(session: session, options: options) { readLine(strippingNewline: true) }
    }
    if !options.noRC { BatchRun.runRCFile(session: session) }
    return InteractiveShell(session: session, historyPath: InteractiveShell.defaultHistoryPath()).run()
  }
}
