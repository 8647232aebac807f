import TrappeBase
import TrappeStorage

/// One column made ready to be written as bytes, cell by cell: each distinct string (and each
/// period) is spelled and escaped once, not once per row, and integers are spelled straight
/// into the output. CSV, TSV and JSON exports go through it.
struct ExportCells {
  private enum Source {
    case int(Int64Column)
    case double(DoubleColumn)
    case bool(BoolColumn)
    /// Escaped text per dictionary code.
    case string(StringColumn, [[UInt8]])
    /// Periods: their text is escaped per distinct ordinal (``periodTexts``).
    case period(PeriodColumn, low: Int32)
  }

  private let source: Source
  private let validity: ValidityMask
  /// How a text cell is escaped for the format (CSV quoting, TSV backslashes, a JSON string).
  private let escape: (String) -> [UInt8]
  /// Doubles: the decimal comma and the displayed precision of CSV and TSV; JSON uses neither.
  private let decimalComma: Bool
  private let display: Bool
  /// JSON spells a non-finite double as null; CSV and TSV as `NaN`, `inf`, `-inf`.
  private let nonFiniteAsNull: Bool
  /// Escaped text per period ordinal from `low`, filled as rows need it; empty (spelled per
  /// cell) when the column's span is wider than 65,536.
  private var periodTexts: [[UInt8]?] = []

  /// `column` prepared; string cells get formula protection when `protectFormulas` is set.
  init(
    _ column: Column, escape: @escaping (String) -> [UInt8], protectFormulas: Bool, decimalComma: Bool,
    display: Bool, nonFiniteAsNull: Bool
  ) {
    self.escape = escape
    self.decimalComma = decimalComma
    self.display = display
    self.nonFiniteAsNull = nonFiniteAsNull
    validity = column.validity
    switch column {
    case .int64(let c): source = .int(c)
    case .double(let c): source = .double(c)
    case .bool(let c): source = .bool(c)
    case .string(let c):
      source = .string(
        c,
        c.dictionary.map { text in
          escape(protectFormulas && TableExporter.looksLikeFormula(text) ? "'" + text : text)
        })
    case .period(let c):
      var low = Int32.max
      var high = Int32.min
      for row in 0..<c.count where c.validity.isValid(row) {
        low = min(low, c.ordinals[row])
        high = max(high, c.ordinals[row])
      }
      let span = low <= high ? Int(high) - Int(low) + 1 : 0
      source = .period(c, low: low)
      if span <= 1 << 16 { periodTexts = [[UInt8]?](repeating: nil, count: span) }
    }
  }

  /// Appends the cell at `row` to `out`; a NULL cell appends `null` (nothing for CSV and TSV).
  mutating func append(row: Int, null: [UInt8], to out: inout [UInt8]) {
    guard validity.isValid(row) else {
      out += null
      return
    }
    switch source {
    case .int(let c): Self.appendDecimal(c.slot(row), to: &out)
    case .bool(let c): out += c.values[row] ? Self.trueBytes : Self.falseBytes
    case .string(let c, let texts): out += texts[c.code(at: row)]
    case .double(let c):
      let value = c.values[row]
      if nonFiniteAsNull && !value.isFinite {
        out += Self.nullBytes
        return
      }
      let text = NumberFormatting.plain(display ? NumberFormatting.displayed(value) : value)
      if decimalComma {
        for b in text.utf8 { out.append(b == UInt8(ascii: ".") ? UInt8(ascii: ",") : b) }
      } else {
        out += text.utf8
      }
    case .period(let c, let low):
      let ordinal = c.ordinals[row]
      guard !periodTexts.isEmpty else {
        out += escape(Period(unit: c.unit, ordinal: ordinal).description)
        return
      }
      let slot = Int(ordinal) - Int(low)
      if let text = periodTexts[slot] {
        out += text
      } else {
        let text = escape(Period(unit: c.unit, ordinal: ordinal).description)
        periodTexts[slot] = text
        out += text
      }
    }
  }

  static let trueBytes = Array("true".utf8)
  static let falseBytes = Array("false".utf8)
  static let nullBytes = Array("null".utf8)

  /// Appends the decimal digits of `value` (with a minus sign when negative).
  static func appendDecimal(_ value: Int64, to out: inout [UInt8]) {
    var magnitude = value.magnitude
    var digits: (UInt64, UInt64, UInt64) = (0, 0, 0)  // 24 bytes: room for 20 digits
    var count = 0
    withUnsafeMutableBytes(of: &digits) { buffer in
      repeat {
        buffer[23 - count] = UInt8(ascii: "0") &+ UInt8(truncatingIfNeeded: magnitude % 10)
        magnitude /= 10
        count += 1
      } while magnitude > 0
      if value < 0 { out.append(UInt8(ascii: "-")) }
      out.append(contentsOf: buffer[(24 - count)...])
    }
  }
}
