import Glibc
import Synchronization
import TrappeBase
import TrappeStorage
import TrappeIO
import TrappeDatasets
import TrappeShell
import LineEditing

/// `trappe --present SCRIPT`: one step at a time, for a meeting.
///
/// Before the first screen every statement runs once (the pre-flight); an error is printed
/// with its file:line:col and nothing is presented unless `--force` is given. Keys: Space,
/// Enter, →, ↓, PgDn next; ←, ↑, PgUp, b back; Home, End; `g N` Enter to go to step N; `i` the
/// step's notes; `:` one ad-hoc query; `q` quit. A resize redraws the step for the new size.
enum Presenter {
  static func run(options: LaunchOptions, datasets: DatasetRegistry) -> Int32 {
    guard let script = options.script else {
      FileHandleWriter.standardError("trappe: --present needs a script\n")
      return 2
    }
    let text: String
    do throws(ScriptSource.ReadError) {
      let source = try ScriptSource.read(script, name: script)
      if let note = source.note { FileHandleWriter.standardError(note) }
      text = source.text
    } catch {
      FileHandleWriter.standardError("trappe: cannot read script '\(script)': \(error.reason)\n")
      return 1
    }
    var terminal = PresenterTerminal()
    // Keys pressed during the pre-flight are not echoed, and dropped before the first screen.
    terminal.enterRaw()
    defer { terminal.restore() }
    FileHandleWriter.standardError("trappe: pre-flight: running \(script) before the first screen …\n")
    let presentation = Presentation(
      script: text, name: script, parameters: options.parameters, datasets: datasets)
    if !presentation.problems.isEmpty {
      for problem in presentation.problems { FileHandleWriter.standardError(problem) }
      let count = presentation.problems.count
      let errors = "\(count) \(count == 1 ? "error" : "errors")"
      guard options.force else {
        FileHandleWriter.standardError(
          "trappe: pre-flight found \(errors) in \(script); nothing was presented. "
            + "Fix the script, or present it anyway with --force.\n")
        return 1
      }
      FileHandleWriter.standardError(
        "trappe: pre-flight found \(errors); presenting anyway (--force): the failing steps show their error.\n")
    }
    guard !presentation.steps.isEmpty else {
      FileHandleWriter.standardError("trappe: \(script) has no steps (statements that show a result)\n")
      return 1
    }
    terminal.discardInput()
    if options.force && !presentation.problems.isEmpty && terminal.interactive {
      FileHandleWriter.standardError("Press a key to start.\n")
      _ = terminal.readKey()
    }
    FileHandleWriter.standardOutput("\u{1B}[?1049h\u{1B}[?25l")
    defer { FileHandleWriter.standardOutput("\u{1B}[?25h\u{1B}[?1049l") }
    var loop = PresenterLoop(presentation: presentation, terminal: terminal)
    loop.run()
    return 0
  }
}

/// The key loop of a presentation: which screen is shown and what each key does.
struct PresenterLoop {
  let presentation: Presentation
  var terminal: PresenterTerminal
  var index = 0
  /// The screen shown instead of the step (notes, an ad-hoc result) until the next key.
  var overlay: [String]?
  /// Whether the overlay is the notes view (drawn again on a resize; an ad-hoc result is not re-run).
  var showingNotes = false
  /// The first line of the notes shown (Space, ↓, PgDn scroll on; ←, ↑, PgUp back).
  var notesOffset = 0
  /// The digits typed after `g`, while going to a step.
  var goTo: String?
  var editor: LineEditor?

  init(presentation: Presentation, terminal: PresenterTerminal) {
    self.presentation = presentation
    self.terminal = terminal
  }

  mutating func run() {
    draw()
    while true {
      guard let key = terminal.readKey() else {
        if !terminal.interactive { return }
        if ResizeSignal.take() { redraw() }
        continue
      }
      if ResizeSignal.take() { redraw() }
      if !handle(key) { return }
      draw()
    }
  }

  /// Acts on `key`; false to quit.
  mutating func handle(_ key: PresentationKey) -> Bool {
    let count = presentation.steps.count
    if var digits = goTo {
      switch key {
      case .digit(let d): digits.append(String(d)); goTo = digits
      case .next:  // Enter
        if let n = Int(digits), n >= 1 { index = min(count, n) - 1 }
        goTo = nil
      case .back: goTo = digits.isEmpty ? nil : String(digits.dropLast())
      case .quit, .escape: goTo = nil
      default: break
      }
      return true
    }
    if showingNotes, (key == .next && overlay?.last?.hasPrefix("Space: more") == true) || (key == .back && notesOffset > 0) {
      let page = max(1, Terminal.height() - 1)
      notesOffset = max(0, notesOffset + (key == .next ? page : -page))
      overlay = notesScreen()
      return true
    }
    if overlay != nil {
      overlay = nil
      showingNotes = false
      return true
    }
    switch key {
    case .next: index = min(count - 1, index + 1)
    case .back: index = max(0, index - 1)
    case .first: index = 0
    case .last: index = count - 1
    case .quit: return false
    case .goTo: goTo = ""
    case .notes:
      notesOffset = 0
      overlay = notesScreen()
      showingNotes = true
    case .query: overlay = adHoc()
    case .digit, .escape, .other: break
    }
    return true
  }

  /// Draws the screen again for the terminal's new size.
  mutating func redraw() {
    if showingNotes { overlay = notesScreen() }
    draw()
  }

  func draw() {
    let (width, height) = (Terminal.width(), Terminal.height())
    var lines = overlay ?? presentation.screen(index, width: width, height: height)
    if let digits = goTo, !lines.isEmpty {
      lines[lines.count - 1] = TerminalText.truncate(
        "go to step (1–\(presentation.steps.count)): \(digits)▏  Enter: go · Esc: cancel", to: width)
    }
    FileHandleWriter.standardOutput("\u{1B}[H\u{1B}[2J" + lines.joined(separator: "\r\n"))
  }

  /// The step's notes from ``notesOffset``, a screen at a time.
  mutating func notesScreen() -> [String] {
    let (width, height) = (Terminal.width(), Terminal.height())
    let all = presentation.notes(index, width: width).map { TerminalText.truncate($0, to: width) }
    let page = max(1, height - 1)
    notesOffset = min(notesOffset, max(0, all.count - page))
    var lines = Array(all.dropFirst(notesOffset).prefix(page))
    while lines.count < page { lines.append("") }
    let more = notesOffset + page < all.count
    return lines + [more ? "Space: more · ←: back up · any other key: back to the step" : "Any key: back to the step"]
  }

  /// Reads one query on the bottom line (with line editing) and returns its screen.
  mutating func adHoc() -> [String]? {
    let height = Terminal.height()
    FileHandleWriter.standardOutput("\u{1B}[\(height);1H\u{1B}[2K\u{1B}[?25h")
    terminal.restore()
    if editor == nil { editor = LineEditor(programName: "trappe", historyPath: nil) }
    InterruptSignal.install()
    let input = editor?.readLine(prompt: "trappe> ") ?? .endOfFile
    Interrupt.reset()
    ResizeSignal.install()
    terminal.enterRaw()
    FileHandleWriter.standardOutput("\u{1B}[?25l")
    guard case .line(let query) = input, !query.trimmed().isEmpty else { return nil }
    var lines = presentation.adHoc(query, width: Terminal.width(), height: Terminal.height())
    if !lines.isEmpty { lines[lines.count - 1] = "Any key: back to the presentation" }
    return lines
  }
}

/// The presentation's terminal: raw key input without echo, restored on exit.
struct PresenterTerminal {
  private var saved = termios()
  let interactive: Bool
  private var pending: [UInt8] = []

  init() {
    interactive = tcgetattr(STDIN_FILENO, &saved) == 0
    ResizeSignal.install()
  }

  /// Keys one by one, no echo, no signals from Ctrl-C (it quits instead).
  func enterRaw() {
    guard interactive else { return }
    var raw = saved
    raw.c_lflag &= ~tcflag_t(ICANON | ECHO | ISIG)
    raw.c_iflag &= ~tcflag_t(ICRNL | IXON)
    withUnsafeMutablePointer(to: &raw.c_cc) {
      $0.withMemoryRebound(to: cc_t.self, capacity: Int(NCCS)) {
        $0[Int(VMIN)] = 1
        $0[Int(VTIME)] = 0
      }
    }
    tcsetattr(STDIN_FILENO, TCSANOW, &raw)
  }

  /// Drops the keys typed so far (during the pre-flight).
  mutating func discardInput() {
    pending = []
    if interactive { tcflush(STDIN_FILENO, TCIFLUSH) }
  }

  /// The terminal as it was.
  func restore() {
    guard interactive else { return }
    var original = saved
    tcsetattr(STDIN_FILENO, TCSANOW, &original)
  }

  /// The next key; nil when a resize interrupted the wait or input ended (then `q` follows).
  mutating func readKey() -> PresentationKey? {
    while true {
      if !pending.isEmpty {
        var (key, length) = PresentationKey.decode(pending, complete: false)
        if length == 0 && !waitForMore() { (key, length) = PresentationKey.decode(pending, complete: true) }
        if length > 0 {
          pending.removeFirst(min(length, pending.count))
          return key
        }
        continue
      }
      var bytes = [UInt8](repeating: 0, count: 64)
      let count = read(STDIN_FILENO, &bytes, bytes.count)
      if count > 0 {
        pending += bytes.prefix(count)
        continue
      }
      if count < 0 && errno == EINTR { return nil }
      return pending.isEmpty ? .quit : nil
    }
  }

  /// Waits up to 50 ms for the rest of an escape sequence; false when none came.
  private mutating func waitForMore() -> Bool {
    var descriptor = pollfd(fd: STDIN_FILENO, events: Int16(POLLIN), revents: 0)
    guard poll(&descriptor, 1, 50) > 0 else { return false }
    var bytes = [UInt8](repeating: 0, count: 64)
    let count = read(STDIN_FILENO, &bytes, bytes.count)
    guard count > 0 else { return false }
    pending += bytes.prefix(count)
    return true
  }
}

/// Notices terminal resizes during a presentation (SIGWINCH, without `SA_RESTART` so a
/// waiting read returns at once and the step is drawn again for the new size).
enum ResizeSignal {
  private static let resized = Atomic<Bool>(false)

  static func install() {
    var action = sigaction()
    sigemptyset(&action.sa_mask)
    action.sa_flags = 0
    action.__sigaction_handler.sa_handler = { _ in ResizeSignal.resized.store(true, ordering: .relaxed) }
    sigaction(SIGWINCH, &action, nil)
  }

  /// Whether the terminal was resized since the last call; clears the flag.
  static func take() -> Bool { resized.exchange(false, ordering: .relaxed) }
}
