import Glibc
import Synchronization

/// Notices terminal resizes (SIGWINCH) and resumption after Ctrl-Z (SIGCONT).
///
/// The handlers only set atomic flags and are installed without `SA_RESTART`,
/// so a pending `read` returns `EINTR` and the editor can redraw at once.
enum TerminalSignals {
  private static let resized = Atomic<Bool>(false)
  private static let continued = Atomic<Bool>(false)

  /// Installs the SIGWINCH and SIGCONT handlers.
  static func install() {
    var action = sigaction()
    sigemptyset(&action.sa_mask)
    action.sa_flags = 0
    action.__sigaction_handler.sa_handler = { _ in TerminalSignals.resized.store(true, ordering: .relaxed) }
    sigaction(SIGWINCH, &action, nil)
    action.__sigaction_handler.sa_handler = { _ in TerminalSignals.continued.store(true, ordering: .relaxed) }
    sigaction(SIGCONT, &action, nil)
  }

  /// Whether the terminal was resized since the last call; clears the flag.
  static func takeResized() -> Bool { resized.exchange(false, ordering: .relaxed) }

  /// Whether the process was continued after a stop since the last call; clears the flag.
  static func takeContinued() -> Bool { continued.exchange(false, ordering: .relaxed) }
}
