import TrappeIO
import TrappeShell

/// Chooses between the interactive shell and the batch path, decided once at start-up.
struct Launcher {
  let session: Session
  let options: LaunchOptions

  func run(interactive: Bool) -> Int32 {
    defer { session.finishRecording() }
    guard interactive else {
      return BatchRun.run(session: session, options: options) { readLine(strippingNewline: true) }
    }
    guard BatchRun.prepare(session: session, options: options) else { return 1 }
    return InteractiveShell(
      session: session, historyPath: InteractiveShell.defaultHistoryPath(), runRCFile: !options.noRC
    ).run()
  }
}
