import Testing
@testable import TrappeBase
@testable import TrappeStorage
@testable import TrappeIO

// Reliability review D22: raw control characters, escape sequences and bidi controls from
// data reached the terminal, and an error on a 10 MB line printed all of it plus 10 M carets.
@Suite struct TerminalSafeTests {
  @Test func controlAndBidiCharactersAreEscaped() {
    #expect(TerminalSafe.escaped("a\u{1B}[2Jb") == "a\\u{1B}[2Jb")
    #expect(TerminalSafe.escaped("\u{202E}abc\u{2066}\u{200F}") == "\\u{202E}abc\\u{2066}\\u{200F}")
    #expect(TerminalSafe.escaped("x\u{7F}\u{85}\u{9B}") == "x\\u{7F}\\u{85}\\u{9B}")
    #expect(TerminalSafe.escaped("a\tb\nc", keepingLayout: true) == "a\tb\nc")
    #expect(TerminalSafe.escaped("a\tb\nc") == "a\\tb\\nc")
    // Letters, emoji and Danish text are left alone.
    #expect(TerminalSafe.escaped("Ærø\u{200F}") == "Ærø\\u{200F}")
    #expect(TerminalSafe.escaped("Ærø 😀") == "Ærø 😀")
    #expect(CellFormatter.escapingControlCharacters("\u{202E}evil") == "\\u{202E}evil")
  }

  @Test func errorExcerptsAreEscapedAndAligned() {
    // Caret at column 5 ('x'); the ESC before it (1 character) shows as \u{1B} (6), so the caret moves 5 right.
    let d = Diagnostic(
      .error, "bad \u{1B}[31m", at: SourceLocation(file: "f", line: 1, column: 5), sourceLine: "ab\u{1B}cx", length: 1)
    let lines = d.rendered().split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    #expect(lines[0] == "f:1:5: error: bad \\u{1B}[31m")
    #expect(lines[1] == "  1 | ab\\u{1B}cx")
    #expect(lines[2] == "    | " + String(repeating: " ", count: 9) + "^")
  }

  @Test func errorsOnHugeLinesShowAWindow() {
    // A 10,000,000-character line with the error at column 5,000,001, 3,000,000 characters long.
    let line = String(repeating: "a", count: 5_000_000) + String(repeating: "b", count: 5_000_000)
    let d = Diagnostic(
      .error, "here", at: SourceLocation(file: "f", line: 1, column: 5_000_001), sourceLine: line, length: 3_000_000)
    let text = d.rendered()
    let lines = text.split(separator: "\n").map(String.init)
    // 100 characters before, 100 underlined, 100 after, and an ellipsis at each cut.
    #expect(lines[1] == "  1 | …" + String(repeating: "a", count: 100) + String(repeating: "b", count: 200) + "…")
    #expect(lines[2] == "    |  " + String(repeating: " ", count: 100) + String(repeating: "^", count: 100))
    #expect(text.utf8.count < 1000)
  }
}
