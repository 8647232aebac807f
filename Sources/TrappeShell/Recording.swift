import TrappeBase
import TrappeIO

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// A notebook-style Markdown record of a session: every command and its output.
///
/// Tables are written as Markdown tables, charts and messages as fenced text
/// blocks. The header names the script, its parameters and the datasets used,
/// each with a content hash, so a reader can tell which data produced it. The
/// body has no timestamps.
///
/// After each command only that command's entry is appended to the file (reliability
/// review D14: rewriting and syncing the whole record and re-hashing every dataset after
/// every command made 400 small commands take 50 times as long). The whole file is
/// rewritten atomically only when the header changes (a dataset is used for the first
/// time, or its file changed) or the file is no longer the one written (moved, edited).
/// Dataset hashes are cached by the file's size, modification time and inode. The file
/// is synced when recording stops and at the end of the run; a killed process leaves the
/// record complete up to its last finished command.
final class Recording {
  let path: String
  let script: String?
  let parameters: [String: String]
  private var body: [String] = []
  private var pending: [String] = []
  /// The header the file on disk starts with, once written.
  private var writtenHeader: String?
  /// How many body parts the file on disk holds.
  private var writtenParts = 0
  /// The file written: device, inode and size, to notice when it was replaced or edited.
  private var written: (device: UInt64, inode: UInt64, size: Int64)?
  /// Content hashes of dataset files, with the size, modification time and inode they were taken at.
  private var hashes: [String: (stamp: [Int64], hash: String)] = [:]

  init(path: String, script: String?, parameters: [String: String]) {
    self.path = path
    self.script = script
    self.parameters = parameters
  }

  /// Starts the entry for one command.
  func begin(_ command: String) {
    body.append("```\n> " + command.split(separator: "\n", omittingEmptySubsequences: false).joined(separator: "\n> ") + "\n```\n")
  }

  /// Output text (messages, charts) for the current command.
  func add(text: String) {
    pending.append(text.hasSuffix("\n") ? String(text.dropLast()) : text)
  }

  /// A result table for the current command, with its footer lines.
  func add(table markdown: String, footer: [String]) {
    flushText()
    body.append(markdown.hasSuffix("\n") ? markdown : markdown + "\n")
    if !footer.isEmpty { body.append(footer.map { "*\($0)*" }.joined(separator: "  \n") + "\n") }
  }

  /// Ends the current command's entry.
  func end() {
    flushText()
  }

  private func flushText() {
    guard !pending.isEmpty else { return }
    body.append("```text\n" + pending.joined(separator: "\n") + "\n```\n")
    pending = []
  }

  /// Brings the file up to date: appends the new entries, or rewrites it when the header changed.
  func write(datasets: [(name: String, file: String)]) throws(FileError) {
    let header = self.header(datasets: datasets)
    if header == writtenHeader, try appendNewParts() { return }
    let text = header + "\n" + body.joined(separator: "\n")
    try AtomicFile.write(text, to: path)
    writtenHeader = header
    writtenParts = body.count
    var info = stat()
    written =
      lstat(path, &info) == 0
      ? (UInt64(info.st_dev), UInt64(info.st_ino), Int64(text.utf8.count)) : nil
  }

  /// Syncs the file to disk (when recording stops and at the end of the run).
  func sync() {
    let fd = open(path, O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC)
    guard fd >= 0 else { return }
    _ = fsync(fd)
    close(fd)
  }

  /// The header: the script, its parameters, the datasets used with their hashes.
  private func header(datasets: [(name: String, file: String)]) -> String {
    var header = ["# Trappe record", ""]
    header.append("- script: " + (script.map { "`\($0)`" } ?? "interactive session"))
    if !parameters.isEmpty {
      header.append("- parameters: " + parameters.keys.sorted().map { "`\($0)=\(parameters[$0] ?? "")`" }.joined(separator: ", "))
    }
    if datasets.isEmpty {
      header.append("- datasets: none")
    } else {
      header.append("- datasets:")
      for dataset in datasets {
        let hash = self.hash(of: dataset.file) ?? "unreadable"
        header.append("  - `\(dataset.name)` (`\(dataset.file.split(separator: "/").last.map(String.init) ?? dataset.file)`, FNV-1a \(hash))")
      }
    }
    header.append("")
    return header.joined(separator: "\n")
  }

  /// The file's content hash, computed again only when its size, modification time or inode changed.
  private func hash(of file: String) -> String? {
    var info = stat()
    guard stat(file, &info) == 0 else { return nil }
    let stamp = [
      Int64(info.st_size), Int64(info.st_mtim.tv_sec), Int64(info.st_mtim.tv_nsec),
      Int64(bitPattern: UInt64(info.st_ino)),
    ]
    if let known = hashes[file], known.stamp == stamp { return known.hash }
    guard let hash = ContentHash.ofFile(file) else { return nil }
    hashes[file] = (stamp, hash)
    return hash
  }

  /// Appends the parts not yet in the file; false when the file is not the one last written.
  private func appendNewParts() throws(FileError) -> Bool {
    guard let written else { return false }
    guard writtenParts < body.count else { return true }
    let fd = open(path, O_WRONLY | O_APPEND | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC)
    guard fd >= 0 else { return false }
    defer { close(fd) }
    var info = stat()
    guard fstat(fd, &info) == 0, info.st_mode & S_IFMT == S_IFREG,
      UInt64(info.st_dev) == written.device, UInt64(info.st_ino) == written.inode,
      Int64(info.st_size) == written.size
    else { return false }
    var text = ""
    for index in writtenParts..<body.count {
      if index > 0 { text += "\n" }
      text += body[index]
    }
    let code = text.withUTF8 { FileWriting.writeAll(fd, UnsafeRawBufferPointer($0)) }
    guard code == 0 else { throw FileError(operation: "write", path: path, reason: CSVReader.systemError(code)) }
    writtenParts = body.count
    self.written = (written.device, written.inode, written.size + Int64(text.utf8.count))
    return true
  }
}
