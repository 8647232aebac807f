import TrappeBase

/// Splits a meta command line into words, the way a shell user expects.
///
/// Words are separated by spaces or tabs. Single quotes keep text literally;
/// double quotes allow `\"` and `\\`. Each word keeps its column so that an
/// error can point at the exact argument.
enum CommandLineSplitter {
  /// Splits `line` into words; an unterminated quote is a diagnostic at the quote.
  ///
  /// An unquoted word that starts with `--` or `#` starts a comment: it and the rest
  /// of the line are not words (`.maxrows 6  -- six rows`), as in queries.
  static func split(_ line: String) throws(Diagnostic) -> [CommandWord] {
    var words: [CommandWord] = []
    let characters = Array(line)
    var i = 0
    while i < characters.count {
      if characters[i] == " " || characters[i] == "\t" {
        i += 1
        continue
      }
      if characters[i] == "#" || (characters[i] == "-" && i + 1 < characters.count && characters[i + 1] == "-") {
        break
      }
      let start = i
      var text = ""
      while i < characters.count, characters[i] != " ", characters[i] != "\t" {
        let c = characters[i]
        if c == "'" || c == "\"" {
          let quoteStart = i
          i += 1
          var closed = false
          while i < characters.count {
            if characters[i] == c {
              closed = true
              i += 1
              break
            }
            if c == "\"", characters[i] == "\\", i + 1 < characters.count {
              i += 1
            }
            text.append(characters[i])
            i += 1
          }
          if !closed {
            throw Diagnostic(
              .error, "unterminated \(c == "'" ? "single" : "double") quote",
              at: SourceLocation(line: 1, column: quoteStart + 1), sourceLine: line,
              length: characters.count - quoteStart,
              hints: ["close the quote with \(c)"])
          }
        } else {
          text.append(c)
          i += 1
        }
      }
      words.append(CommandWord(text: text, column: start + 1, length: i - start))
    }
    return words
  }
}
