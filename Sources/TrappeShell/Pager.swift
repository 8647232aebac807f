import Glibc
import TrappeBase

/// Shows a result taller than the terminal in a pager (`.pager on`), as psql and DuckDB do.
enum Pager {
  /// The pager command: `$PAGER` when set, else `less -SRFX` (cut long lines instead of
  /// wrapping them, keep colours, quit at once when the text fits, leave the text on screen).
  static var command: String {
    if let pager = Environment.value("PAGER"), !pager.trimmed().isEmpty { return pager }
    return "less -SRFX"
  }

  /// Sends `text` to the pager and waits until the user quits it; false when the pager could
  /// not be started (then nothing was shown and the caller prints the text itself).
  static func page(_ text: String) -> Bool {
    // Quitting the pager early closes the pipe: the rest of the text is dropped, not a SIGPIPE.
    let previous = signal(SIGPIPE, SIG_IGN)
    defer { signal(SIGPIPE, previous) }
    guard let pipe = popen(command, "w") else { return false }
    _ = text.withCString { fputs($0, pipe) }
    let status = pclose(pipe)
    // The shell reports 127 when the command was not found, 126 when it could not run.
    guard status != -1 else { return false }
    let exitCode = (status >> 8) & 0xff
    return exitCode != 127 && exitCode != 126
  }
}
