import TrappeBase

extension CSVError: DiagnosticConvertible {
  /// The error as a diagnostic with file, line, column, source line and hints.
  package var diagnostic: Diagnostic {
    switch self {
    case .cannotOpen(let file, let reason):
      return Diagnostic(.error, "cannot open \(file): \(reason)")
    case .cannotRead(let file, let reason):
      return Diagnostic(.error, "cannot read \(file): \(reason)")
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
