import TrappeBase
import TrappeStorage

/// Spells the cells of a ``Column`` as single-line display text.
///
/// Numbers follow the formatter's ``NumberLocale``, booleans read `true` and
/// `false`, periods use their canonical spelling, and strings are shown as
/// they are except that control characters are escaped (`\n`, `\t`, ...), so
/// one cell always occupies one line. Null cells come back as `nil`.
struct CellFormatter: Sendable, Equatable {
  /// How numbers are spelled.
  var locale: NumberLocale

  /// Creates a formatter for `locale`.
  init(locale: NumberLocale = .plain) {
    self.locale = locale
  }

  /// The text of `column` at `row`, or nil when the row is null.
  func format(_ column: Column, row: Int) -> String? {
    format(column, rows: [row])[0]
  }

  /// The texts of `column` at each of `rows`, in order; nil marks a null row.
  ///
  /// Switches on the column's layout once and then indexes its typed array,
  /// so the cost is proportional to `rows.count`, not to the column's length.
  func format(_ column: Column, rows: [Int]) -> [String?] {
    var result: [String?] = []
    result.reserveCapacity(rows.count)
    switch column {
    case .int64(let c):
      // One grouping rule per column, so 1.031 and 16.752 line up; years (below 10000) stay 2008.
      let group = rows.contains { c.validity.isValid($0) && c.values[$0].magnitude >= 10_000 }
      for row in rows {
        result.append(
          c.validity.isValid(row)
            ? NumberFormatting.format(c.values[row], locale: locale, groupFourDigits: group) : nil)
      }
    case .double(let c):
      let group = rows.contains { c.validity.isValid($0) && abs(c.values[$0]) >= 10_000 }
      for row in rows {
        result.append(
          c.validity.isValid(row)
            ? NumberFormatting.format(c.values[row], locale: locale, groupFourDigits: group) : nil)
      }
    case .bool(let c):
      for row in rows {
        result.append(c.validity.isValid(row) ? (c.values[row] ? "true" : "false") : nil)
      }
    case .string(let c):
      for row in rows {
        result.append(
          c.validity.isValid(row) ? CellFormatter.escapingControlCharacters(c.dictionary[Int(c.codes[row])]) : nil)
      }
    case .period(let c):
      for row in rows {
        result.append(c.validity.isValid(row) ? Period(unit: c.unit, ordinal: c.ordinals[row]).description : nil)
      }
    }
    return result
  }

  /// `text` with control characters, line separators and bidirectional controls replaced
  /// by visible escapes (``TerminalSafe``).
  ///
  /// Newline, tab and carriage return become `\n`, `\t` and `\r`; other such
  /// characters become `\u{XX}` (ESC is `\u{1B}`, U+202E is `\u{202E}`). Text without
  /// them is returned unchanged.
  static func escapingControlCharacters(_ text: String) -> String {
    TerminalSafe.escaped(text)
  }

  /// Whether a scalar would break a cell across lines, move the cursor or reorder the row.
  static func needsEscape(_ scalar: Unicode.Scalar) -> Bool {
    TerminalSafe.needsEscape(scalar)
  }
}
