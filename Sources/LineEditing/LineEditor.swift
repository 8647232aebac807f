import CLibEdit
import Glibc

/// An interactive line reader backed by libedit, with history and Tab completion.
///
/// The editor knows nothing about Trappe: it reads lines, keeps a history file
/// and asks ``completer`` for candidates. Ctrl-C while reading returns
/// ``Input/interrupted`` (the caller's SIGINT handler must be installed without
/// `SA_RESTART`); a terminal resize, or `fg` after Ctrl-Z, redraws the line.
package final class LineEditor {
  /// What one call to ``readLine(prompt:)`` produced.
  package enum Input: Sendable, Equatable {
    /// A line, without its trailing newline.
    case line(String)
    /// The user pressed Ctrl-C; the line was abandoned.
    case interrupted
    /// The user pressed Ctrl-D on an empty line, or input ended.
    case endOfFile
  }

  /// Returns the candidates for the word ending at the cursor.
  ///
  /// Arguments are the whole line and the cursor's UTF-8 offset; the result is
  /// the UTF-8 offset where the word starts and its full replacements.
  package var completer: ((_ line: String, _ cursorUTF8Offset: Int) -> (start: Int, candidates: [String]))?

  /// Whether an interrupt is pending although `read` was not interrupted (Ctrl-C pressed between reads).
  package var interruptPending: () -> Bool = { false }

  /// The libedit editor.
  let editor: OpaquePointer
  /// The history list connected to the editor.
  let history: OpaquePointer
  /// Where the history is kept, or nil for no file (also when it cannot be used).
  var historyPath: String?
  /// Why the history file is not used this session (a FIFO, too large, unwritable), said once at start-up.
  package var historyProblem: String?
  /// The prompt libedit shows, as a C string owned by this object.
  var promptText: UnsafeMutablePointer<CChar>?
  /// Set by the read function when Ctrl-C ended the read.
  var wasInterrupted = false
  /// The terminal width libedit last laid the line out for.
  var columns = 80
  /// The cursor's byte offset just after a completion that appended a space (see ``insertComma()``).
  var completionEnd: Int?

  /// Creates an editor on the terminal, or nil when libedit cannot start.
  ///
  /// Loads the history from `historyPath` when the file exists; see ``historyProblem``.
  package init?(programName: String, historyPath: String?) {
    LineEditor.useUTF8Locale()
    guard let history = history_init() else { return nil }
    guard let editor = trappe_el_init(programName) else {
      history_end(history)
      return nil
    }
    self.editor = editor
    self.history = history
    self.historyPath = historyPath
    TerminalSignals.install()
    trappe_history_setsize(history, 10_000)
    trappe_history_setunique(history, 1)
    trappe_el_set_editor(editor, "emacs")
    trappe_el_set_hist(editor, history)
    trappe_el_set_clientdata(editor, Unmanaged.passUnretained(self).toOpaque())
    trappe_el_set_prompt(editor, promptCallback)
    trappe_el_set_getcfn(editor, readCharacterCallback)
    trappe_el_addfn(editor, "trappe-complete", "Complete the word at the cursor", completeCallback)
    trappe_el_bind(editor, "^I", "trappe-complete")
    trappe_el_addfn(editor, "trappe-eof", "Leave on an empty line, else delete", endOfFileCallback)
    trappe_el_bind(editor, "^D", "trappe-eof")
    trappe_el_addfn(editor, "trappe-comma", "Insert a comma, replacing a completion's space", commaCallback)
    trappe_el_bind(editor, ",", "trappe-comma")
    loadHistory()
  }

  deinit {
    el_end(editor)
    history_end(history)
    free(promptText)
  }

  /// Shows `prompt` and reads one edited line.
  package func readLine(prompt: String) -> Input {
    free(promptText)
    promptText = strdup(prompt)
    wasInterrupted = false
    columns = LineEditor.terminalColumns()
    var count: Int32 = 0
    guard let raw = el_gets(editor, &count), count > 0 else {
      return wasInterrupted ? .interrupted : .endOfFile
    }
    var line = String(cString: raw)
    if line.hasSuffix("\n") { line.removeLast() }
    return .line(line)
  }

  /// The editor whose client data is stored in `el`.
  static func from(_ el: OpaquePointer?) -> LineEditor? {
    guard let el, let data = trappe_el_get_clientdata(el) else { return nil }
    return Unmanaged<LineEditor>.fromOpaque(data).takeUnretainedValue()
  }

  /// Reads one character from the terminal for libedit, decoding UTF-8.
  ///
  /// Returns 1 with the character stored, 0 at end of input, or -1 when
  /// Ctrl-C interrupted the read (or reading failed). A resize or a
  /// continue after Ctrl-Z redraws the line and keeps reading.
  func readCharacter(into character: UnsafeMutablePointer<wchar_t>) -> Int32 {
    var decoder = UTF8Decoder()
    while true {
      if interruptPending() {
        wasInterrupted = true
        return -1
      }
      var byte: UInt8 = 0
      let n = read(STDIN_FILENO, &byte, 1)
      if n == 0 { return 0 }
      if n < 0 {
        guard errno == EINTR else { return -1 }
        let continued = TerminalSignals.takeContinued()
        if continued {
          // The shell that ran `fg` left the terminal in its own (cooked) mode.
          trappe_el_prep_term(editor, 0)
          trappe_el_prep_term(editor, 1)
        }
        if TerminalSignals.takeResized() || continued {
          redraw()
          continue
        }
        wasInterrupted = true
        return -1
      }
      if let scalar = decoder.feed(byte) {
        character.pointee = wchar_t(bitPattern: scalar)
        return 1
      }
    }
  }

  /// Redraws the prompt and line below the old drawing, after a resize or a stop.
  ///
  /// The terminal may have re-wrapped the old rows, or other output may follow
  /// them, so libedit's idea of where they are is stale. Fresh rows are
  /// opened below: as many as the cursor was below the prompt's first row
  /// (libedit moves up that far to redraw).
  func redraw() {
    var row = 0
    if let info = el_line(editor) {
      let count = max(0, info.pointee.cursor - info.pointee.buffer)
      let before = UnsafeRawBufferPointer(start: info.pointee.buffer, count: count)
      row = cursorRow(before: String(decoding: before, as: UTF8.self), columns: columns)
    }
    LineEditor.writeOut("\r\n" + String(repeating: "\n", count: row))
    el_resize(editor)
    columns = LineEditor.terminalColumns()
    trappe_el_refresh(editor)
  }

  /// Makes the C library's character type UTF-8 so libedit edits æ, ø and å as single characters.
  ///
  /// Takes the user's locale; when its codeset is not UTF-8, falls back to
  /// `C.UTF-8`, then `en_US.UTF-8`. Numbers keep the C locale so that no C
  /// routine reads or writes a decimal comma.
  static func useUTF8Locale() {
    setlocale(LC_ALL, "")
    if !codesetIsUTF8() {
      for name in ["C.UTF-8", "en_US.UTF-8"] where setlocale(LC_CTYPE, name) != nil {
        break
      }
    }
    setlocale(LC_NUMERIC, "C")
  }

  /// Whether the current LC_CTYPE codeset is UTF-8.
  static func codesetIsUTF8() -> Bool {
    guard let codeset = nl_langinfo(nl_item(CODESET)) else { return false }
    let name = String(cString: codeset).lowercased()
    return name == "utf-8" || name == "utf8"
  }
}

/// An incremental UTF-8 decoder fed one byte at a time.
struct UTF8Decoder {
  private var value: UInt32 = 0
  private var remaining = 0

  /// Adds `byte`; returns a scalar when one is complete (U+FFFD for a malformed sequence).
  mutating func feed(_ byte: UInt8) -> UInt32? {
    if remaining > 0 {
      if byte & 0xC0 == 0x80 {
        value = value << 6 | UInt32(byte & 0x3F)
        remaining -= 1
        return remaining == 0 ? value : nil
      }
      remaining = 0
      return 0xFFFD
    }
    switch byte {
    case 0..<0x80: return UInt32(byte)
    case 0xC0..<0xE0: value = UInt32(byte & 0x1F); remaining = 1
    case 0xE0..<0xF0: value = UInt32(byte & 0x0F); remaining = 2
    case 0xF0..<0xF8: value = UInt32(byte & 0x07); remaining = 3
    default: return 0xFFFD
    }
    return nil
  }
}

/// libedit's prompt callback: the prompt of the editor stored in the client data.
private let promptCallback: @convention(c) (OpaquePointer?) -> UnsafeMutablePointer<CChar>? = { el in
  LineEditor.from(el)?.promptText ?? emptyPrompt
}

/// The prompt shown if the editor cannot be found (never expected).
nonisolated(unsafe) private let emptyPrompt: UnsafeMutablePointer<CChar>? = strdup("")

/// libedit's read-character callback, forwarded to ``LineEditor/readCharacter(into:)``.
private let readCharacterCallback: @convention(c) (OpaquePointer?, UnsafeMutablePointer<wchar_t>?) -> Int32 = {
  el, character in
  guard let editor = LineEditor.from(el), let character else { return -1 }
  return editor.readCharacter(into: character)
}
