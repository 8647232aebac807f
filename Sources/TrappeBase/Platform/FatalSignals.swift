import Glibc

/// Removes the temporary files of unfinished writes when SIGTERM, SIGHUP or SIGQUIT end the
/// process (and SIGINT, while nothing else handles it: batch runs).
///
/// The handler is async-signal-safe: ``TemporaryFiles/removeAll()`` loads an atomic mask and
/// calls `unlink`; then the signal's default action is restored and the signal raised again,
/// so the exit status still says which signal ended the process (143 for SIGTERM, ...).
/// `kill -9` cannot be handled; its leftover temporary file is private (mode 0600).
package enum FatalSignals {
  /// Installs the handler; SIGINT only when its disposition is still the default.
  package static func install() {
    var action = sigaction()
    action.__sigaction_handler.sa_handler = { signal in
      TemporaryFiles.removeAll()
      Glibc.signal(signal, SIG_DFL)
      raise(signal)
    }
    sigemptyset(&action.sa_mask)
    action.sa_flags = 0
    for number in [SIGTERM, SIGHUP, SIGQUIT] {
      var old = sigaction()
      // A signal ignored by whoever started us (nohup) stays ignored.
      if sigaction(number, nil, &old) == 0, handlerBits(old) == 1 { continue }  // SIG_IGN
      sigaction(number, &action, nil)
    }
    var interrupt = sigaction()
    if sigaction(SIGINT, nil, &interrupt) == 0, handlerBits(interrupt) == 0 {  // SIG_DFL
      sigaction(SIGINT, &action, nil)
    }
  }

  /// The handler pointer as a number: 0 is SIG_DFL, 1 is SIG_IGN.
  private static func handlerBits(_ action: sigaction) -> Int {
    unsafeBitCast(action.__sigaction_handler.sa_handler, to: Int.self)
  }
}
