import TrappeBase

extension Session {
  /// `text` with every `$NAME` replaced by the parameter's value.
  ///
  /// `$$` writes a literal `$`. An unknown parameter is an error pointing at it,
  /// so a script run without its parameters stops at the first use.
  func substitutingParameters(in text: String) throws(Diagnostic) -> String {
    guard text.contains("$") else { return text }
    var result = ""
    let characters = Array(text)
    var index = 0
    var line = 1
    var column = 1
    while index < characters.count {
      let character = characters[index]
      if character == "$", index + 1 < characters.count, characters[index + 1] == "$" {
        result.append("$")
        index += 2
        column += 2
        continue
      }
      if character == "$", index + 1 < characters.count,
        characters[index + 1].isLetter || characters[index + 1] == "_"
      {
        var end = index + 1
        while end < characters.count, characters[end].isLetter || characters[end].isNumber || characters[end] == "_" {
          end += 1
        }
        let name = String(characters[(index + 1)..<end])
        guard let value = parameters[name] else {
          let lineText = text.split(separator: "\n", omittingEmptySubsequences: false)[line - 1]
          throw Diagnostic(
            .error, "no parameter named '\(name)'", at: SourceLocation(line: line, column: column),
            sourceLine: String(lineText), length: end - index,
            hints: parameters.isEmpty
              ? ["set it with .set \(name) VALUE, or pass \(name)=VALUE after the script's name"]
              : ["parameters: \(parameters.keys.sorted().joined(separator: ", "))"]
          ).suggesting(Suggestion.nearest(to: name, in: Array(parameters.keys)))
        }
        result += value
        column += end - index
        index = end
        continue
      }
      result.append(character)
      if character == "\n" {
        line += 1
        column = 1
      } else {
        column += 1
      }
      index += 1
    }
    return result
  }
}
