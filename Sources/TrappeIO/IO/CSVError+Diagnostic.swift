import TrappeBase

extension CSVError: DiagnosticConvertible {
  /// The error as a diagnostic with file, line, column, source line and hints.
  package var diagnostic: Diagnostic {
    switch self {
    case .cannotOpen(let file, let reason):
      return Diagnostic(.error, "cannot open \(file): \(reason)")
    case .cannotRead(let file, let reason):
      return Diagnostic(.error, "cannot read \(file): \(reason)")
    case .notAFile(let file, let kind):
      return Diagnostic(
        .error, "cannot load \(file): it is \(kind), not a file",
        hints: ["give the path of a CSV file (a pipe such as <(command) works too)"])
    case .notText(let file, let what, let hint):
      return Diagnostic(.error, "cannot load \(file): it is \(what), not a CSV text file", hints: [hint])
    case .overBudget(let overrun):
      var diagnostic = overrun.diagnostic
      diagnostic.hints = [
        "nothing was loaded; a load holds about three times the file's size while it parses",
        "raise the budget with .memory limit SIZE, drop tables you no longer need, or load a smaller extract",
      ]
      return diagnostic
    case .emptyFile(let file):
      return Diagnostic(.error, "\(file) is empty", hints: ["the file holds no header and no rows"])
    case .unterminatedQuote(let p):
      return located(
        p, "quoted field is never closed",
        hints: ["the quote opened here has no closing quote before the end of the file"])
    case .textAfterQuote(let p, let delimiter):
      return located(
        p, "unexpected text after a closing quote",
        hints: [
          "a quoted field must end at the delimiter (\(CSVError.describe(delimiter))) or the line end",
          "write a quote inside a quoted field as \"\"",
        ])
    case .raggedRow(let p, let fields, let expected, let delimiter):
      return located(
        p, "line \(p.line) has \(fields) field\(fields == 1 ? "" : "s"), but the header has \(expected)",
        hints: ["check the delimiter (detected \(CSVError.describe(delimiter))) and the quoting on this line"]
      )
    case .undecodableByte(let p, let byte, let encoding, let autoDetected):
      let hex = "0x" + String(byte, radix: 16, uppercase: true)
      let tried =
        autoDetected
        ? "the file is not valid UTF-8, and \(hex) is undefined in Windows-1252"
        : "\(hex) is not valid \(encoding.name)"
      return located(
        p, "cannot decode byte \(hex): \(tried)",
        hints: ["choose the file's encoding explicitly (UTF-8, Latin-1 or Windows-1252)"])
    case .mixedEncoding(let p, let byte):
      let hex = "0x" + String(byte, radix: 16, uppercase: true)
      return located(
        p, "cannot decode byte \(hex): the file is UTF-8 elsewhere, but this byte is not valid UTF-8",
        hints: [
          "reading the whole file as Windows-1252 would garble its UTF-8 letters (ø would become Ã¸), so nothing was loaded",
          "fix or re-save the file as UTF-8, or choose an encoding: .load FILE encoding=utf8|latin1|cp1252",
        ])
    case .undecodableUTF16(let file, let offset, let bigEndian):
      return Diagnostic(
        .error,
        "cannot decode \(file) as UTF-16 \(bigEndian ? "BE" : "LE"): a lone surrogate at byte \(offset)",
        hints: ["the file starts with a UTF-16 byte order mark but is damaged; export it again as CSV UTF-8"])
    case .badValue(let p, let column, let value, let type):
      return located(
        p, "cannot read '\(value)' as \(type.name) in column \(column)",
        hints: ["the column was declared \(type.name); remove the override or fix the value"])
    case .unknownColumn(let file, let name, let suggestion):
      return Diagnostic(.error, "\(file) has no column '\(name)' to override the type of")
        .suggesting(suggestion)
    case .interrupted(let file):
      return Diagnostic(.error, "loading \(file) was interrupted")
    }
  }

  private func located(_ p: CSVPosition, _ message: String, hints: [String]) -> Diagnostic {
    Diagnostic(.error, message, at: p.location, sourceLine: p.sourceLine, length: p.length, hints: hints)
  }

  /// A delimiter as the user would name it: `','`, `';'`, `tab`.
  static func describe(_ delimiter: UInt8) -> String {
    switch delimiter {
    case 9: return "tab"
    case 32...126: return "'\(String(UnicodeScalar(delimiter)))'"
    default: return "byte 0x" + String(delimiter, radix: 16, uppercase: true)
    }
  }
}
