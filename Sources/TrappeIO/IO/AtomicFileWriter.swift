import TrappeBase

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// A private temporary file next to a target, renamed over the target on ``commit()``.
///
/// The safe-write steps every `.save`, `.record`, `--check` and cache write shares:
/// 1. the target is checked first (``WriteTarget``): only a writable regular file is replaced;
/// 2. the temporary file `DIR/.NAME.RANDOM.tmp` is created with
///    `O_CREAT | O_EXCL | O_NOFOLLOW` and mode 0600, under a name nobody can predict
///    (another user cannot plant a link or a file there for us to write through);
/// 3. it is registered with ``TemporaryFiles`` so a SIGTERM, SIGHUP or batch Ctrl-C removes it;
/// 4. on commit it gets the target's mode, is synced, renamed over the target, and the
///    folder is synced too. On any failure (or when dropped uncommitted) it is removed.
package final class AtomicFileWriter {
  /// The target path.
  package let path: String
  /// The temporary file written until commit.
  let temporary: String
  /// The open descriptor; -1 once closed.
  private var fd: Int32
  private let target: WriteTarget
  private let registration: TemporaryFiles.Registration

  /// Checks the target and creates the temporary file next to it.
  package init(path: String) throws(FileError) {
    self.path = path
    target = try WriteTarget.inspect(path)
    let (directory, name) = AtomicFileWriter.split(path)
    var base = name
    while base.utf8.count > 200 { base.removeLast() }  // room for the suffix within NAME_MAX
    var attempt = 0
    while true {
      let candidate = directory + "." + base + "." + AtomicFileWriter.randomSuffix() + ".tmp"
      // Registered before it exists, so a signal right after the open still removes it.
      let registered = TemporaryFiles.register(candidate)
      let opened = open(candidate, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0o600)
      if opened >= 0 {
        temporary = candidate
        fd = opened
        registration = registered
        break
      }
      let code = errno
      TemporaryFiles.unregister(registered)  // not ours (EEXIST) or never made
      attempt += 1
      if code == EINTR || (code == EEXIST && attempt < 100) { continue }
      throw FileError(operation: "create", path: path, reason: CSVReader.systemError(code))
    }
  }

  deinit { abandon() }

  /// Writes all of `bytes`.
  package func write(_ bytes: UnsafeRawBufferPointer) throws(FileError) {
    guard fd >= 0 else { throw FileError(operation: "write", path: path, reason: "the file is already closed") }
    let code = FileWriting.writeAll(fd, bytes)
    if code != 0 {
      abandon()
      throw FileError(operation: "write", path: path, reason: CSVReader.systemError(code))
    }
  }

  /// Gives the file the target's mode, syncs it, renames it over the target and syncs the folder.
  package func commit() throws(FileError) {
    guard fd >= 0 else { throw FileError(operation: "write", path: path, reason: "the file is already closed") }
    var failure: FileError?
    let modeCode = target.apply(to: fd)
    if modeCode != 0 { failure = FileError(operation: "write", path: path, reason: CSVReader.systemError(modeCode)) }
    if failure == nil && fsync(fd) != 0 {
      failure = FileError(operation: "write", path: path, reason: CSVReader.systemError(errno))
    }
    if close(fd) != 0 && failure == nil {
      failure = FileError(operation: "write", path: path, reason: CSVReader.systemError(errno))
    }
    fd = -1
    if failure == nil && rename(temporary, path) != 0 {
      failure = FileError(operation: "replace", path: path, reason: CSVReader.systemError(errno))
    }
    if let failure {
      unlink(temporary)
      TemporaryFiles.unregister(registration)
      throw failure
    }
    TemporaryFiles.unregister(registration)
    AtomicFileWriter.syncDirectory(AtomicFileWriter.split(path).directory)
  }

  /// Closes and removes the temporary file; the target is untouched. Safe to call twice.
  package func abandon() {
    guard fd >= 0 else { return }
    close(fd)
    fd = -1
    unlink(temporary)
    TemporaryFiles.unregister(registration)
  }

  /// `("dir/", "name")` for `dir/name`; `("", "name")` for a bare name.
  static func split(_ path: String) -> (directory: String, name: String) {
    guard let slash = path.lastIndex(of: "/") else { return ("", path) }
    return (String(path[...slash]), String(path[path.index(after: slash)...]))
  }

  /// Twelve random letters and digits (about 62 bits from the system's random source).
  static func randomSuffix() -> String {
    let alphabet = Array("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789")
    var generator = SystemRandomNumberGenerator()
    return String((0..<12).map { _ in alphabet[Int(generator.next(upperBound: UInt64(alphabet.count)))] })
  }

  /// Syncs a folder so a rename in it survives a crash; best effort (some file systems refuse).
  static func syncDirectory(_ directory: String) {
    let fd = open(directory.isEmpty ? "." : directory, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
    guard fd >= 0 else { return }
    _ = fsync(fd)
    close(fd)
  }
}
