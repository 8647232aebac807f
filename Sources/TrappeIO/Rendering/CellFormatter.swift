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
  ///
  /// Every numeric column follows one rule for all its rows: in Danish, integer parts of four
  /// digits or more are grouped (`2.051` next to `77.457`) unless the column holds
  /// `identifiers` (codes, years), which are never grouped; a double column shows the same
  /// number of decimals in every row, as many as its most precise value needs (at most 4:
  /// `10.00` next to `11.97`), and a column of `counts` whose values are all whole shows them
  /// as integers (`160`, not `160.0`).
  func format(_ column: Column, rows: [Int], identifiers: Bool = false, counts: Bool = false) -> [String?] {
    var result: [String?] = []
    result.reserveCapacity(rows.count)
    switch column {
    case .int64(let c):
      for row in rows {
        guard c.validity.isValid(row) else {
          result.append(nil)
          continue
        }
        result.append(
          identifiers ? String(c.slot(row)) : NumberFormatting.format(c.slot(row), locale: locale, groupFourDigits: true))
      }
    case .double(let c):
      let decimals = CellFormatter.decimals(of: c, rows: rows, counts: counts)
      for row in rows {
        guard c.validity.isValid(row) else {
          result.append(nil)
          continue
        }
        let value = c.values[row]
        if let own = NumberFormatting.shownDecimals(value), own <= decimals {
          result.append(
            NumberFormatting.format(value, decimals: decimals, locale: locale, groupFourDigits: !identifiers))
        } else {
          // Exponent forms and values smaller than the column's decimals can show keep their own digits.
          result.append(NumberFormatting.format(value, locale: locale, groupFourDigits: !identifiers))
        }
      }
    case .bool(let c):
      for row in rows {
        result.append(c.validity.isValid(row) ? (c.values[row] ? "true" : "false") : nil)
      }
    case .string(let c):
      for row in rows {
        result.append(
          c.validity.isValid(row) ? CellFormatter.escapingControlCharacters(c.dictionary[c.code(at: row)]) : nil)
      }
    case .period(let c):
      for row in rows {
        result.append(c.validity.isValid(row) ? Period(unit: c.unit, ordinal: c.ordinals[row]).description : nil)
      }
    }
    return result
  }

  /// The decimals every row of a double column shows: the most any of `rows` needs, at most
  /// 4 (smaller values keep their own), and at least 1 unless the column counts whole things.
  static func decimals(of column: DoubleColumn, rows: [Int], counts: Bool) -> Int {
    var most = 0
    for row in rows where column.validity.isValid(row) {
      if let own = NumberFormatting.shownDecimals(column.values[row]) { most = max(most, min(own, 4)) }
    }
    return most == 0 && !counts ? 1 : most
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
