
extension Session {
  /// Whether `text` is an unfinished statement that needs another line.
  ///
  /// A meta command is one line unless it ends with `\`. A query continues
  /// while a bracket or quote is open, or when it ends with `|`, `,`, `(` or an
  /// operator that needs a right-hand side.
  package func needsMoreInput(_ text: String) -> Bool {
    let trimmed = text.trimmed()
    if trimmed.isEmpty { return false }
    if trimmed.hasSuffix("\\") { return true }
    if trimmed.hasPrefix(".") { return false }
    var depth = 0
    var quote: Character?
    var previous: Character = " "
    for character in trimmed {
      if let open = quote {
        if character == open && previous != "\\" { quote = nil }
      } else if character == "\"" || character == "'" || character == "`" {
        quote = character
      } else if character == "(" || character == "[" {
        depth += 1
      } else if character == ")" || character == "]" {
        depth -= 1
      }
      previous = character
    }
    if quote != nil || depth > 0 { return true }
    guard let last = trimmed.last else { return false }
    return "|,(+-*/=<>".contains(last)
  }
}
