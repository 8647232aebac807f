import TrappeBase

extension Session {
  /// Whether `text` is an unfinished statement that needs another line.
  ///
  /// A meta command is one line unless it ends with `\`. A query continues
  /// while a bracket is open, or when its last line (before a `--` or `#` comment)
  /// ends with `|`, `,`, `(` or an operator that needs a right-hand side.
  /// A string ends on its line, so an open quote does not ask for more: the
  /// statement runs and the error points at the quote.
  package func needsMoreInput(_ text: String) -> Bool {
    let trimmed = text.trimmed()
    if trimmed.isEmpty { return false }
    if trimmed.hasSuffix("\\") { return true }
    if trimmed.hasPrefix(".") { return false }
    let scan = Session.scanCode(trimmed)
    if scan.openString { return false }
    if scan.depth > 0 { return true }
    guard let last = scan.lastCode else { return false }
    return "|,(+-*/=<>".contains(last)
  }

  /// What a scan of query text outside strings and comments finds.
  struct CodeScan {
    /// Open brackets minus closed ones.
    var depth = 0
    /// The last character of code (not in a comment, not blank).
    var lastCode: Character?
    /// Whether the last line ends inside a string.
    var openString = false
  }

  /// Scans `text`: strings end at their quote or the line end, `--` and `#` comment out the rest of a line.
  static func scanCode(_ text: String) -> CodeScan {
    var scan = CodeScan()
    var quote: Character?
    var inComment = false
    let characters = Array(text)
    var index = 0
    while index < characters.count {
      let character = characters[index]
      let next: Character? = index + 1 < characters.count ? characters[index + 1] : nil
      index += 1
      if character == "\n" {
        quote = nil
        inComment = false
        continue
      }
      if inComment { continue }
      if let open = quote {
        if character == "\\" && open != "`" {
          index += 1
        } else if character == open {
          quote = nil
        }
        scan.lastCode = character
        continue
      }
      if character == "#" || (character == "-" && next == "-") {
        inComment = true
        continue
      }
      if character == "\"" || character == "'" || character == "`" {
        quote = character
      } else if character == "(" || character == "[" {
        scan.depth += 1
      } else if character == ")" || character == "]" {
        scan.depth -= 1
      }
      if !character.isWhitespace { scan.lastCode = character }
    }
    scan.openString = quote != nil
    return scan
  }

  /// Whether `text` holds nothing but blank lines and `--` / `#` comments.
  package static func isOnlyComments(_ text: String) -> Bool {
    text.split(separator: "\n", omittingEmptySubsequences: true).allSatisfy { line in
      let body = line.drop(while: \.isWhitespace)
      return body.isEmpty || body.hasPrefix("#") || body.hasPrefix("--")
    }
  }
}

extension Session {
  /// Whether `line`, unindented after a statement left open by a trailing `,`, `|` or
  /// operator, rather starts a new statement: a meta command, `let`, `explain`,
  /// `measure`, or a table name followed by `|` or nothing.
  ///
  /// Scripts use this so that `select kommune,` followed by `resultater | …` reports
  /// the dangling comma on its own line instead of an unknown column on the next one.
  func startsNewStatement(_ line: String, after pending: String) -> Bool {
    let scan = Session.scanCode(pending)
    guard scan.depth <= 0, scan.lastCode == "," || scan.lastCode == "|" else { return false }
    guard let first = line.first, !first.isWhitespace else { return false }
    if first == "." { return true }
    let word = line.prefix { $0.isLetter || $0.isNumber || $0 == "_" }
    guard !word.isEmpty else { return false }
    let rest = line.dropFirst(word.count).drop(while: \.isWhitespace)
    let lowered = word.lowercased()
    if ["let", "explain", "measure"].contains(lowered) { return rest.first?.isLetter ?? false }
    guard tableNames.contains(String(word)) || word == "_" || Catalog.resultNumber(String(word)) != nil else { return false }
    return rest.isEmpty || rest.hasPrefix("|") || rest.hasPrefix("#") || rest.hasPrefix("--")
  }
}
