import TrappeBase

extension Session {
  /// `text` with every `$NAME` replaced by the parameter's value, as data.
  ///
  /// A value never becomes syntax. Inside a string literal it is escaped so it stays
  /// inside that literal (`\`, the quote, newline and tab); as a bare reference it becomes a
  /// number when it is exactly one number (`3`, `1e3`; `-2.5` is written `(-2.5)`) and a double-quoted string
  /// literal otherwise (`for $kommune` reads `for "Slagelse"`, which names a municipality
  /// like `for Slagelse`). Inside a backquoted name it may not hold a backquote or line end.
  /// References in `--` and `#` comments are left as they are. A meta command line
  /// (`.save out_$k.csv`) takes the value as text but not a line end.
  /// `$$` writes a literal `$`. An unknown parameter is an error pointing at it,
  /// so a script run without its parameters stops at the first use.
  func substitutingParameters(in text: String) throws(Diagnostic) -> String {
    guard text.contains("$") else { return text }
    let isMetaCommand = text.trimmingLeadingWhitespace().hasPrefix(".")
    enum Context: Equatable { case code, string(Character), backquoted, comment }
    var context = Context.code
    var result = ""
    let characters = Array(text)
    var index = 0
    var line = 1
    var column = 1

    func failure(_ message: String, length: Int, hints: [String]) -> Diagnostic {
      let lineText = text.split(separator: "\n", omittingEmptySubsequences: false)[line - 1]
      return Diagnostic(
        .error, message, at: SourceLocation(line: line, column: column),
        sourceLine: String(lineText), length: length, hints: hints)
    }

    while index < characters.count {
      let character = characters[index]
      let next: Character? = index + 1 < characters.count ? characters[index + 1] : nil
      if character == "$", next == "$", context != .comment {
        result.append("$")
        index += 2
        column += 2
        continue
      }
      if character == "$", context != .comment, let next, next.isLetter || next == "_" {
        var end = index + 1
        while end < characters.count, characters[end].isLetter || characters[end].isNumber || characters[end] == "_" {
          end += 1
        }
        let name = String(characters[(index + 1)..<end])
        guard let value = parameters[name] else {
          throw failure(
            "no parameter named '\(name)'", length: end - index,
            hints: ["set it with .set \(name) VALUE, or pass \(name)=VALUE after the script's name"]
              + (parameters.isEmpty ? [] : ["parameters: \(parameters.keys.sorted().joined(separator: ", "))"])
          ).suggesting(Suggestion.nearest(to: name, in: Array(parameters.keys)))
        }
        if isMetaCommand {
          guard !value.contains(where: \.isNewline) else {
            throw failure(
              "the value of '\(name)' holds a line end, which a command line cannot take", length: end - index,
              hints: ["give \(name) a value on one line"])
          }
          result += value
        } else {
          switch context {
          case .string(let quote): result += Session.escapedForString(value, quote: quote)
          case .backquoted:
            guard !value.contains("`"), !value.contains(where: \.isNewline) else {
              throw failure(
                "the value of '\(name)' holds a backquote or line end, which a backquoted name cannot take",
                length: end - index, hints: ["use $\(name) outside backquotes, where it is a string"])
            }
            result += value
          case .code, .comment: result += Session.literal(for: value)
          }
        }
        column += end - index
        index = end
        continue
      }
      result.append(character)
      if !isMetaCommand {
        switch context {
        case .code:
          if character == "\"" || character == "'" {
            context = .string(character)
          } else if character == "`" {
            context = .backquoted
          } else if character == "#" || (character == "-" && next == "-") {
            context = .comment
          }
        case .string(let quote):
          if character == "\\", let next {
            result.append(next)
            index += 1
            column += 1
            if next == "\n" {
              line += 1
              column = 0
            }
          } else if character == quote {
            context = .code
          }
        case .backquoted:
          if character == "`" || character == "\n" { context = .code }
        case .comment:
          if character == "\n" { context = .code }
        }
      }
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

  /// `value` written so that, placed inside a string literal quoted with `quote`, it reads back as itself.
  static func escapedForString(_ value: String, quote: Character) -> String {
    var escaped = ""
    for character in value {
      switch character {
      case "\\": escaped += "\\\\"
      case quote: escaped += "\\\(quote)"
      case "\n": escaped += "\\n"
      case "\t": escaped += "\\t"
      default: escaped.append(character)
      }
    }
    return escaped
  }

  /// A bare parameter reference's replacement: the value itself when it is exactly one
  /// number (optionally negative), otherwise a double-quoted string literal holding it.
  static func literal(for value: String) -> String {
    guard isNumber(value) else { return "\"" + escapedForString(value, quote: "\"") + "\"" }
    return value.hasPrefix("-") ? "(" + value + ")" : value
  }

  /// Whether `value` is digits, an optional fraction and an optional exponent, after an optional `-`.
  static func isNumber(_ value: String) -> Bool {
    var scalars = Substring(value).unicodeScalars[...]
    func digits() -> Int {
      var count = 0
      while let first = scalars.first, ("0"..."9").contains(first) {
        scalars.removeFirst()
        count += 1
      }
      return count
    }
    if scalars.first == "-" { scalars.removeFirst() }
    guard digits() > 0 else { return false }
    if scalars.first == "." {
      scalars.removeFirst()
      guard digits() > 0 else { return false }
    }
    if scalars.first == "e" || scalars.first == "E" {
      scalars.removeFirst()
      if scalars.first == "+" || scalars.first == "-" { scalars.removeFirst() }
      guard digits() > 0 else { return false }
    }
    return scalars.isEmpty
  }
}
