import Glibc
import Synchronization
import TrappeBase

/// Writes text straight to the standard file descriptors, unbuffered.
///
/// A failed write is never ignored (reliability review D6: a full disk used to truncate
/// `trappe --format csv ... > out.csv` silently, with exit status 0). In a batch run the
/// first failure on standard output prints `trappe: cannot write output: REASON` on
/// standard error and ends the process with status 1; a failure on standard error ends
/// it with status 1 too (there is nowhere to say why). The interactive shell says it once
/// and goes on, so the session's tables are not lost. A reader that goes away (`| head`)
/// still ends the process through SIGPIPE (status 141, no message), as before; when
/// SIGPIPE is ignored, EPIPE ends a batch run with status 1 and no message.
enum FileHandleWriter {
  /// Whether a failed write ends the process (batch runs); the interactive shell clears it.
  private static let exitsOnFailure = Atomic<Bool>(true)
  /// Set once a failure was reported, so the interactive shell says it only once.
  private static let reported = Atomic<Bool>(false)

  static func standardOutput(_ text: String) {
    let code = write(STDOUT_FILENO, text)
    if code != 0 { failed(code, onOutput: true) }
  }

  static func standardError(_ text: String) {
    let code = write(STDERR_FILENO, text)
    if code != 0 { failed(code, onOutput: false) }
  }

  /// Keeps the process running after a failed write (the interactive shell).
  static func keepRunningOnFailure() { exitsOnFailure.store(false, ordering: .relaxed) }

  /// Makes sure descriptors 0, 1 and 2 are open, so a file opened later cannot take the
  /// number of a closed standard stream (and receive the output meant for it).
  ///
  /// A closed standard output or error is replaced by /dev/null opened read-only, so
  /// writing to it still fails (EBADF) and is reported instead of silently succeeding.
  static func reserveStandardDescriptors() {
    for fd in [STDIN_FILENO, STDOUT_FILENO, STDERR_FILENO] where fcntl(fd, F_GETFD) < 0 && errno == EBADF {
      let opened = open("/dev/null", O_RDONLY)
      if opened >= 0 && opened != fd {
        dup2(opened, fd)
        close(opened)
      }
    }
  }

  private static func failed(_ code: Int32, onOutput: Bool) {
    let exits = exitsOnFailure.load(ordering: .relaxed)
    if onOutput && code != EPIPE && (exits || !reported.exchange(true, ordering: .relaxed)) {
      _ = write(STDERR_FILENO, "trappe: cannot write output: \(String(cString: strerror(code)))\n")
    }
    guard exits else { return }
    TemporaryFiles.removeAll()
    exit(1)
  }

  /// Writes all of `text`; returns 0 or the `errno` of the failure.
  private static func write(_ fd: Int32, _ text: String) -> Int32 {
    var text = text
    return text.withUTF8 { buffer -> Int32 in
      var offset = 0
      while offset < buffer.count {
        let n = Glibc.write(fd, buffer.baseAddress.map { $0 + offset }, buffer.count - offset)
        if n < 0 {
          if errno == EINTR { continue }
          if errno == EAGAIN {  // a non-blocking descriptor: wait until it takes more
            var poller = pollfd(fd: fd, events: Int16(POLLOUT), revents: 0)
            _ = poll(&poller, 1, -1)
            continue
          }
          return errno
        }
        offset += n
      }
      return 0
    }
  }
}
