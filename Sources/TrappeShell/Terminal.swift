import TrappeBase
import Glibc

/// Facts about the terminal the shell runs in, decided once at start-up.
package enum Terminal {
  /// Whether file descriptor `fd` is a terminal.
  package static func isTerminal(_ fd: Int32) -> Bool { isatty(fd) == 1 }

  /// The terminal's width in columns from `ioctl`, else `COLUMNS`, else 80.
  package static func width() -> Int {
    var size = winsize()
    if ioctl(STDOUT_FILENO, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 0 {
      return Int(size.ws_col)
    }
    if let columns = Environment.value("COLUMNS").flatMap(Int.init), columns > 0 {
      return columns
    }
    return 80
  }

  /// The terminal's height in lines from `ioctl`, else `LINES`, else 24.
  package static func height() -> Int {
    var size = winsize()
    if ioctl(STDOUT_FILENO, UInt(TIOCGWINSZ), &size) == 0, size.ws_row > 0 {
      return Int(size.ws_row)
    }
    if let lines = Environment.value("LINES").flatMap(Int.init), lines > 0 {
      return lines
    }
    return 24
  }

  /// Whether coloured output is wanted: stdout is a terminal and `NO_COLOR` is unset or empty.
  package static func wantsColor() -> Bool {
    isTerminal(STDOUT_FILENO) && (Environment.value("NO_COLOR") ?? "").isEmpty
  }
}
