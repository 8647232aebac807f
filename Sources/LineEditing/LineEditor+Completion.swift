import CLibEdit
import Glibc

extension LineEditor {
  /// Completes the word before the cursor; bound to Tab.
  ///
  /// No candidate beeps; one replaces the word (plus a space unless it ends
  /// with `/`); several insert their longest common prefix, or list them in
  /// columns below the line when that adds nothing.
  func complete() -> UInt8 {
    guard let completer, let info = el_line(editor) else { return UInt8(CC_REFRESH_BEEP) }
    let length = info.pointee.lastchar - info.pointee.buffer
    let cursor = info.pointee.cursor - info.pointee.buffer
    let bytes = UnsafeRawBufferPointer(start: info.pointee.buffer, count: max(0, length))
    let line = Array(bytes)
    let result = completer(String(decoding: line, as: UTF8.self), cursor)
    let start = min(max(0, result.start), cursor)
    let word = String(decoding: line[start..<cursor], as: UTF8.self)
    let candidates = result.candidates
    guard let first = candidates.first else { return UInt8(CC_REFRESH_BEEP) }
    if candidates.count == 1 {
      replaceWord(word, with: first.hasSuffix("/") ? first : first + " ")
      completionEnd = first.hasSuffix("/") ? nil : el_line(editor).map { $0.pointee.cursor - $0.pointee.buffer }
      return UInt8(CC_REFRESH)
    }
    let prefix = LineEditor.commonPrefix(candidates)
    if prefix.unicodeScalars.count > word.unicodeScalars.count {
      replaceWord(word, with: prefix)
      return UInt8(CC_REFRESH)
    }
    let before = String(decoding: line[..<cursor], as: UTF8.self)
    showCandidates(candidates, cursorRow: cursorRow(before: before, columns: columns))
    return UInt8(CC_REDISPLAY)
  }

  /// Replaces `word`, which ends at the cursor, with `text`.
  ///
  /// `el_deletestr` counts characters (wide characters), not bytes.
  func replaceWord(_ word: String, with text: String) {
    let count = word.unicodeScalars.count
    if count > 0 { el_deletestr(editor, Int32(count)) }
    el_insertstr(editor, text)
  }

  /// The longest prefix, in Unicode scalars, shared by all `strings`.
  static func commonPrefix(_ strings: [String]) -> String {
    guard var prefix = strings.first.map({ Array($0.unicodeScalars) }) else { return "" }
    for string in strings.dropFirst() {
      let scalars = Array(string.unicodeScalars)
      var shared = 0
      while shared < min(prefix.count, scalars.count), prefix[shared] == scalars[shared] { shared += 1 }
      prefix.removeLast(prefix.count - shared)
    }
    var result = String.UnicodeScalarView()
    result.append(contentsOf: prefix)
    return String(result)
  }

  /// Prints `candidates` in columns below the line, ordered down then across like `ls`.
  ///
  /// libedit redraws the prompt after the listing by moving up as many rows
  /// as the cursor was below the prompt's first row, so that many blank rows
  /// are left for it.
  func showCandidates(_ candidates: [String], cursorRow: Int) {
    let width = LineEditor.terminalColumns()
    let widths = candidates.map(LineEditor.displayWidth)
    let columnWidth = (widths.max() ?? 0) + 2
    let columns = max(1, (width + 2) / columnWidth)
    let rows = (candidates.count + columns - 1) / columns
    var text = "\n"
    for row in 0..<rows {
      var column = 0
      var line = ""
      while case let index = column * rows + row, index < candidates.count {
        let isLast = (column + 1) * rows + row >= candidates.count
        line += candidates[index]
        if !isLast { line += String(repeating: " ", count: columnWidth - widths[index]) }
        column += 1
      }
      text += line + "\n"
    }
    text += String(repeating: "\n", count: cursorRow)
    LineEditor.writeOut(text)
  }

  /// The screen row of the cursor, counted from the prompt's first row, on a `width`-column terminal.
  func cursorRow(before text: String, columns width: Int) -> Int {
    var row = 0
    var column = 0
    let prompt = promptText.map { String(cString: $0) } ?? ""
    for scalar in (prompt + text).unicodeScalars {
      if scalar == "\n" {
        row += 1
        column = 0
        continue
      }
      column += LineEditor.displayWidth(of: scalar)
      if column >= width {
        row += 1
        column = column > width ? column - width : 0
      }
    }
    return row
  }

  /// The terminal's width in columns, or 80.
  static func terminalColumns() -> Int {
    var size = winsize()
    if ioctl(STDOUT_FILENO, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 0 { return Int(size.ws_col) }
    return 80
  }

  /// The number of terminal columns `text` occupies.
  static func displayWidth(_ text: String) -> Int {
    text.unicodeScalars.reduce(0) { $0 + displayWidth(of: $1) }
  }

  /// The number of terminal columns one scalar occupies (0 for combining marks).
  static func displayWidth(of scalar: Unicode.Scalar) -> Int {
    max(0, Int(trappe_wcwidth(wchar_t(bitPattern: scalar.value))))
  }

  /// Writes `text` to standard output, retrying after interrupts.
  static func writeOut(_ text: String) {
    var text = text
    text.withUTF8 { buffer in
      var offset = 0
      while offset < buffer.count {
        let n = write(STDOUT_FILENO, buffer.baseAddress.map { $0 + offset }, buffer.count - offset)
        if n < 0 {
          if errno == EINTR { continue }
          return
        }
        offset += n
      }
    }
  }
}

/// libedit's callback for the `trappe-complete` editor function.
let completeCallback: @convention(c) (OpaquePointer?, Int32) -> UInt8 = { el, _ in
  LineEditor.from(el)?.complete() ?? UInt8(CC_ERROR)
}
