import Glibc
import TrappeBase

/// The bridge as a child process: spawned with `posix_spawn` in its own process group (so the
/// terminal's Ctrl-C reaches Trappe only, which decides to cancel), with a pipe to its stdin and
/// one from its stdout; its stderr is Trappe's.
final class BridgeProcess {
  let pid: pid_t
  private var input: Int32
  private var output: Int32
  private var buffer: [UInt8] = []
  private(set) var exited = false

  /// Starts `arguments[0]` with `arguments`, the environment plus `environment`.
  init(arguments: [String], environment: [String: String]) throws(EngineError) {
    var toChild: [Int32] = [-1, -1]
    var fromChild: [Int32] = [-1, -1]
    guard BridgeProcess.closeOnExecPipe(&toChild) else { throw EngineError.start("cannot create a pipe") }
    guard BridgeProcess.closeOnExecPipe(&fromChild) else {
      close(toChild[0])
      close(toChild[1])
      throw EngineError.start("cannot create a pipe")
    }
    var actions = posix_spawn_file_actions_t()
    posix_spawn_file_actions_init(&actions)
    defer { posix_spawn_file_actions_destroy(&actions) }
    posix_spawn_file_actions_adddup2(&actions, toChild[0], 0)
    posix_spawn_file_actions_adddup2(&actions, fromChild[1], 1)
    var attributes = posix_spawnattr_t()
    posix_spawnattr_init(&attributes)
    defer { posix_spawnattr_destroy(&attributes) }
    posix_spawnattr_setpgroup(&attributes, 0)
    // The child starts with default SIGINT/SIGPIPE handling whatever Trappe set.
    var defaults = sigset_t()
    sigemptyset(&defaults)
    sigaddset(&defaults, SIGINT)
    sigaddset(&defaults, SIGPIPE)
    posix_spawnattr_setsigdefault(&attributes, &defaults)
    var empty = sigset_t()
    sigemptyset(&empty)
    posix_spawnattr_setsigmask(&attributes, &empty)
    posix_spawnattr_setflags(
      &attributes, Int16(POSIX_SPAWN_SETPGROUP | POSIX_SPAWN_SETSIGDEF | POSIX_SPAWN_SETSIGMASK))

    var merged: [String: String] = [:]
    var pointer = environ
    while let entry = pointer.pointee {
      let text = String(cString: entry)
      if let equals = text.firstIndex(of: "=") {
        merged[String(text[..<equals])] = String(text[text.index(after: equals)...])
      }
      pointer += 1
    }
    for (key, value) in environment { merged[key] = value }
    let argv = arguments.map { strdup($0) } + [nil]
    let envp = merged.map { strdup("\($0.key)=\($0.value)") } + [nil]
    defer {
      for p in argv { free(p) }
      for p in envp { free(p) }
    }
    var child: pid_t = 0
    let status = posix_spawnp(&child, arguments[0], &actions, &attributes, argv, envp)
    close(toChild[0])
    close(fromChild[1])
    guard status == 0 else {
      close(toChild[1])
      close(fromChild[0])
      throw EngineError.start("cannot start \(arguments[0]): \(String(cString: strerror(status)))")
    }
    pid = child
    input = toChild[1]
    output = fromChild[0]
  }

  deinit { terminate() }

  /// A pipe whose ends are closed in other children Trappe starts (the bridge gets dup2'd copies).
  static func closeOnExecPipe(_ ends: inout [Int32]) -> Bool {
    guard pipe(&ends) == 0 else { return false }
    for end in ends { _ = fcntl(end, F_SETFD, FD_CLOEXEC) }
    return true
  }

  /// Writes one line; false when the bridge is gone.
  func send(_ line: String) -> Bool {
    guard !exited else { return false }
    let previous = signal(SIGPIPE, SIG_IGN)
    defer { signal(SIGPIPE, previous) }
    var bytes = Array((line + "\n").utf8)
    var offset = 0
    while offset < bytes.count {
      let written = bytes.withUnsafeMutableBytes { raw in
        write(input, raw.baseAddress! + offset, raw.count - offset)
      }
      if written < 0 {
        if errno == EINTR { continue }
        markExited()
        return false
      }
      offset += written
    }
    return true
  }

  /// Reads one line. While waiting, an interrupt request (Ctrl-C) sends the bridge SIGINT once
  /// (it cancels the running statement; repeated every half second until it answers);
  /// `onInterrupt` is told. Nil when the bridge has ended,
  /// or when it did not answer within `grace` seconds after the interrupt (then it is killed).
  func readLine(
    grace: Int = 10, watchInterrupt: Bool = true, interrupted: () -> Bool = { Interrupt.isRequested },
    onInterrupt: () -> Void = {}
  ) -> String? {
    var interruptedAt: Double?
    var lastSignal = 0.0
    while true {
      if let newline = buffer.firstIndex(of: 10) {
        let line = String(decoding: buffer[..<newline], as: UTF8.self)
        buffer.removeSubrange(...newline)
        return line
      }
      guard !exited else { return nil }
      if watchInterrupt && interruptedAt == nil && interrupted() {
        interruptedAt = BridgeProcess.now()
        lastSignal = BridgeProcess.now()
        kill(pid, SIGINT)
        onInterrupt()
      } else if interruptedAt != nil, BridgeProcess.now() - lastSignal > 0.5 {
        // Again every half second: a SIGINT that came before the bridge started the statement is ignored there.
        lastSignal = BridgeProcess.now()
        kill(pid, SIGINT)
      }
      if let since = interruptedAt, BridgeProcess.now() - since > Double(grace) {
        terminate()
        return nil
      }
      var descriptor = pollfd(fd: output, events: Int16(POLLIN), revents: 0)
      let ready = poll(&descriptor, 1, 50)
      if ready < 0 {
        if errno == EINTR { continue }
        markExited()
        return nil
      }
      if ready == 0 { continue }
      var chunk = [UInt8](repeating: 0, count: 1 << 16)
      let count = chunk.withUnsafeMutableBytes { read(output, $0.baseAddress, $0.count) }
      if count < 0 {
        if errno == EINTR || errno == EAGAIN { continue }
        markExited()
        return nil
      }
      if count == 0 {
        markExited()
        return nil
      }
      buffer.append(contentsOf: chunk[0..<count])
    }
  }

  /// Whether the process has ended (reaped without blocking).
  var isAlive: Bool {
    guard !exited else { return false }
    var status: Int32 = 0
    if waitpid(pid, &status, WNOHANG) == pid {
      exited = true
      closePipes()
      return false
    }
    return true
  }

  /// Asks the bridge to end (closing its stdin), then kills it if it has not within a moment.
  func terminate() {
    guard !exited else { return }
    closePipes()
    var status: Int32 = 0
    for _ in 0..<20 {
      if waitpid(pid, &status, WNOHANG) == pid {
        exited = true
        return
      }
      usleep(10_000)
    }
    kill(pid, SIGKILL)
    waitpid(pid, &status, 0)
    exited = true
  }

  /// Monotonic seconds.
  static func now() -> Double {
    var t = timespec()
    clock_gettime(CLOCK_MONOTONIC, &t)
    return Double(t.tv_sec) + Double(t.tv_nsec) / 1e9
  }

  private func markExited() {
    closePipes()
    var status: Int32 = 0
    if waitpid(pid, &status, WNOHANG) != pid {
      kill(pid, SIGKILL)
      waitpid(pid, &status, 0)
    }
    exited = true
  }

  private func closePipes() {
    if input >= 0 { close(input) }
    if output >= 0 { close(output) }
    input = -1
    output = -1
  }
}
