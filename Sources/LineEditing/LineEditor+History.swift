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

  /// Appends one entry to the history file (creating it, mode 0600, with libedit's first line).
  func appendToHistoryFile(_ entry: String) {
    guard let path = historyPath, let encoded = trappe_history_encode(entry) else { return }
    defer { free(encoded) }
    let text = String(cString: encoded)
    guard let newline = text.firstIndex(of: "\n") else { return }
    let cookie = String(text[...newline])
    let line = String(text[text.index(after: newline)...])
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
      if info.st_size > 0 { trappe_history_load(history, path) }
      if info.st_size > LineEditor.historyCompactionSize { compactHistoryFile(path, locking: fd) }
    }
    let writable = open(path, O_WRONLY | O_APPEND | O_CREAT | O_NONBLOCK | O_CLOEXEC, 0o600)
    guard writable >= 0 else { return giveUpHistory("cannot write \(path): \(LineEditor.reason(errno))") }
    close(writable)
  }

  /// Appending makes the file grow; past this size it is rewritten with the newest 10,000 entries.
  static let historyCompactionSize = 2 << 20

  /// Rewrites the history file from the loaded list (the newest 10,000 entries): under the
  /// file's lock, into a new private temporary file that is renamed over it.
  func compactHistoryFile(_ path: String, locking fd: Int32) {
    while flock(fd, LOCK_EX) != 0 && errno == EINTR {}
    defer { flock(fd, LOCK_UN) }
    var suffix = SystemRandomNumberGenerator()
    let temporary = path + ".\(suffix.next() & 0xFFFF_FFFF).tmp"
    let created = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0o600)
    guard created >= 0 else { return }
    close(created)
    guard trappe_history_save(history, temporary) >= 0, rename(temporary, path) == 0 else {
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
