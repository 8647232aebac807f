import CLibEdit
import Glibc
import TrappeBase

extension LineEditor {
  /// The largest history file read (reliability review D8: a link to /dev/zero or a huge
  /// file made start-up read without end); 10,000 entries take far less.
  static let historyFileLimit = 16 << 20

  /// Adds `entry` to the history and appends it to the history file; a multi-line statement is one entry.
  ///
  /// Blank entries are skipped, and so is a repeat of the previous entry. Only the new entry
  /// is written, appended under an exclusive `flock` (reliability review D10: each session
  /// used to rewrite the whole file from its own list, so with two sessions the last writer's
  /// list won, and a session killed mid-write left `history.tmp-PID` behind). Returns whether
  /// the entry was added.
  @discardableResult
  package func addHistory(_ entry: String) -> Bool {
    guard entry.contains(where: { !$0.isWhitespace }) else { return false }
    if let newest = trappe_history_first(history), String(cString: newest) == entry { return false }
    trappe_history_enter(history, entry)
    appendToHistoryFile(entry)
    return true
  }

  /// The history file's first line: it says how the file is written.
  static let historyHeader = "# trappe history: one statement per entry; the further lines of a statement start with a tab\n"

  /// One entry as the history file holds it: plain text that can be read and grepped (libedit's
  /// own format escapes every space as \\040); the further lines of a multi-line statement
  /// start with a tab, and a first line's leading tabs are dropped.
  static func fileText(of entry: String) -> String {
    var lines = entry.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    if let first = lines.first { lines[0] = String(first.drop { $0 == "\t" }) }
    return lines.enumerated().map { $0.offset == 0 ? $0.element : "\t" + $0.element }.joined(separator: "\n") + "\n"
  }

  /// The entries of a history file written by ``fileText(of:)``, oldest first.
  static func entries(ofFile text: String) -> [String] {
    var entries: [String] = []
    for (index, line) in text.split(separator: "\n", omittingEmptySubsequences: true).enumerated() {
      if index == 0 && line.hasPrefix("# trappe history") { continue }
      if line.hasPrefix("\t"), !entries.isEmpty {
        entries[entries.count - 1] += "\n" + line.dropFirst()
      } else {
        entries.append(String(line))
      }
    }
    return entries
  }

  /// Appends one entry to the history file (creating it, mode 0600, with ``historyHeader``).
  func appendToHistoryFile(_ entry: String) {
    guard let path = historyPath else { return }
    let cookie = LineEditor.historyHeader
    let line = LineEditor.fileText(of: entry)
    // Retry once when another session replaced the file between our open and our lock.
    for _ in 0..<3 {
      let fd = open(path, O_WRONLY | O_APPEND | O_CREAT | O_NONBLOCK | O_CLOEXEC, 0o600)
      guard fd >= 0 else { return }
      defer { close(fd) }
      var info = stat()
      guard fstat(fd, &info) == 0, info.st_mode & S_IFMT == S_IFREG else { return }
      while flock(fd, LOCK_EX) != 0 && errno == EINTR {}
      var current = stat()
      guard stat(path, &current) == 0, current.st_ino == info.st_ino, current.st_dev == info.st_dev else { continue }
      guard fstat(fd, &info) == 0 else { return }
      LineEditor.writeAll(fd, info.st_size == 0 ? cookie + line : line)
      return
    }
  }

  /// The history entries, newest first (for tests and diagnostics).
  package var historyEntries: [String] {
    var entries: [String] = []
    var current = trappe_history_first(history)
    while let entry = current {
      entries.append(String(cString: entry))
      current = trappe_history_next(history)
    }
    return entries
  }

  /// Loads the history file if there is one, and checks it can be appended to.
  ///
  /// Reliability review D20/D8: the file is opened with `O_NONBLOCK` and checked first, so
  /// a FIFO, a device (a link to /dev/zero) or a file over 16 MB is not read; the session
  /// then runs without a history file, and ``historyProblem`` says why. An unwritable
  /// state folder is reported the same way, once, instead of losing history silently.
  func loadHistory() {
    guard let path = historyPath else { return }
    LineEditor.makeDirectories(LineEditor.parent(of: path))
    let fd = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC)
    if fd < 0 {
      let code = errno
      if code != ENOENT { return giveUpHistory("cannot read \(path): \(LineEditor.reason(code))") }
    } else {
      defer { close(fd) }
      var info = stat()
      guard fstat(fd, &info) == 0 else { return giveUpHistory("cannot read \(path): \(LineEditor.reason(errno))") }
      guard info.st_mode & S_IFMT == S_IFREG else {
        return giveUpHistory("\(path) is \(FileKind.describe(info.st_mode)), not a regular file")
      }
      guard info.st_size <= LineEditor.historyFileLimit else {
        let megabytes = (Int(info.st_size) + (1 << 20) - 1) >> 20
        return giveUpHistory("\(path) is \(megabytes) MB, more than the 16 MB a history file may have")
      }
      var oldFormat = false
      if info.st_size > 0 {
        var bytes = [UInt8](repeating: 0, count: Int(info.st_size))
        let count = bytes.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
        let text = String(decoding: bytes.prefix(max(0, count)), as: UTF8.self)
        if text.hasPrefix("_HiStOrY_V2_") {
          // Written by an earlier Trappe in libedit's escaped format: read it, then rewrite it plainly.
          trappe_history_load(history, path)
          oldFormat = true
        } else {
          for entry in LineEditor.entries(ofFile: text) { trappe_history_enter(history, entry) }
        }
      }
      if oldFormat || info.st_size > LineEditor.historyCompactionSize { compactHistoryFile(path, locking: fd) }
    }
    let writable = open(path, O_WRONLY | O_APPEND | O_CREAT | O_NONBLOCK | O_CLOEXEC, 0o600)
    guard writable >= 0 else { return giveUpHistory("cannot write \(path): \(LineEditor.reason(errno))") }
    close(writable)
  }

  /// Appending makes the file grow; past this size it is rewritten with the newest 10,000 entries.
  static let historyCompactionSize = 2 << 20

  /// Rewrites the history file from the loaded list (the newest 10,000 entries), in the plain
  /// format: under the file's lock, into a new private temporary file that is renamed over it.
  func compactHistoryFile(_ path: String, locking fd: Int32) {
    while flock(fd, LOCK_EX) != 0 && errno == EINTR {}
    defer { flock(fd, LOCK_UN) }
    var suffix = SystemRandomNumberGenerator()
    let temporary = path + ".\(suffix.next() & 0xFFFF_FFFF).tmp"
    let created = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0o600)
    guard created >= 0 else { return }
    let text = LineEditor.historyHeader + historyEntries.reversed().map(LineEditor.fileText(of:)).joined()
    LineEditor.writeAll(created, text)
    let synced = fsync(created) == 0
    close(created)
    guard synced, rename(temporary, path) == 0 else {
      unlink(temporary)
      return
    }
  }

  /// Runs without a history file this session, keeping the reason for the start-up warning.
  private func giveUpHistory(_ reason: String) {
    historyProblem = "history is not kept this session: \(reason)"
    historyPath = nil
  }

  /// Writes all of `text` to `fd`, retrying after signals.
  static func writeAll(_ fd: Int32, _ text: String) {
    var text = text
    text.withUTF8 { buffer in
      var offset = 0
      while offset < buffer.count, let base = buffer.baseAddress {
        let n = write(fd, base + offset, buffer.count - offset)
        if n < 0 {
          if errno == EINTR { continue }
          return
        }
        offset += n
      }
    }
  }

  /// The system's words for `code`.
  static func reason(_ code: Int32) -> String { String(cString: strerror(code)) }

  /// The directory part of `path` (`.` when there is none).
  static func parent(of path: String) -> String {
    guard let slash = path.lastIndex(of: "/") else { return "." }
    let directory = String(path[..<slash])
    return directory.isEmpty ? "/" : directory
  }

  /// Creates `directory` and any missing parents, like `mkdir -p`.
  static func makeDirectories(_ directory: String) {
    var prefix = directory.hasPrefix("/") ? "/" : ""
    for component in directory.split(separator: "/") {
      prefix += component
      if mkdir(prefix, 0o700) != 0 && errno != EEXIST { return }
      prefix += "/"
    }
  }
}
