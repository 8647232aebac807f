import TrappeCore

/// Placeholder until the libedit shell lands: reads lines without editing.
struct InteractiveShell {
  let session: Session
  let historyPath: String?

  static func defaultHistoryPath() -> String? { nil }

  func run() -> Int32 {
    BatchRun.run(session: session, options: LaunchOptions()) { readLine(strippingNewline: true) }
  }
}
