import Glibc
import TrappeBase
import TrappeIO

/// Turns Ctrl-C into an ``Interrupt`` request instead of ending the process.
enum InterruptSignal {
  /// Installs the SIGINT handler, without `SA_RESTART` so a blocked terminal read returns.
  static func install() {
    var action = sigaction()
    action.__sigaction_handler.sa_handler = { _ in Interrupt.request() }
    sigemptyset(&action.sa_mask)
    action.sa_flags = 0
    sigaction(SIGINT, &action, nil)
  }
}
