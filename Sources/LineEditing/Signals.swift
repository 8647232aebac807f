import Glibc
import Synchronization

/// Notices terminal resizes (SIGWINCH) so the line being edited can be re-wrapped.
///
/// The handler only sets an atomic flag and is installed without `SA_RESTART`,
/// so a pending `read` returns `EINTR` and the editor redraws at once.
enum ResizeSignal {
  private static let flag = Atomic<Bool>(false)

  /// Installs the SIGWINCH handler.
  static func install() {
    var action = sigaction()
    action.__sigaction_handler.sa_handler = { _ in ResizeSignal.flag.store(true, ordering: .relaxed) }
    sigemptyset(&action.sa_mask)
    action.sa_flags = 0
    sigaction(SIGWINCH, &action, nil)
  }

  /// Whether the terminal was resized since the last call; clears the flag.
  static func take() -> Bool { flag.exchange(false, ordering: .relaxed) }
}
