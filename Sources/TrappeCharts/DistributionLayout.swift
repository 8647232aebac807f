import TrappeBase
import TrappeIO
import TrappeQuery

/// Layout helpers shared by the distribution charts: label columns, ordering, axes, notes.
enum DistributionLayout {
  /// The text shown for a NULL label.
  static let nullLabel = "NULL"

  /// The width of a label column: the widest label, at most a third of `width` (at least 4).
  static func labelWidth(_ labels: [String], width: Int) -> Int {
    let widest = labels.map { DisplayWidth.of($0) }.max() ?? 0
    return Swift.max(1, Swift.min(widest, Swift.max(4, width / 3)))
  }

  /// The distinct `labels` in first-seen order (NULL as ``nullLabel``).
  static func distinct(_ labels: [String?]) -> [String] {
    var seen = Set<String>()
    var result: [String] = []
    for label in labels {
      let text = label ?? nullLabel
      if seen.insert(text).inserted { result.append(text) }
    }
    return result
  }

  /// `labels` in ascending order: numerically when every one is a number, else in Danish order.
  ///
  /// ``nullLabel`` always comes last.
  static func sorted(_ labels: [String]) -> [String] {
    let named = labels.filter { $0 != nullLabel }
    let tail = labels.count > named.count ? [nullLabel] : []
    let numbers = named.map { Double($0) }
    if numbers.allSatisfy({ $0 != nil }) {
      let pairs = zip(named, numbers.map { $0 ?? 0 })
      return pairs.sorted { $0.1 != $1.1 ? $0.1 < $1.1 : $0.0 < $1.0 }.map(\.0) + tail
    }
    return named.sorted(by: DanishCollation.areInIncreasingOrder) + tail
  }

  /// Whether every non-NULL label reads as a number.
  static func allNumeric(_ labels: [String?]) -> Bool {
    labels.allSatisfy { $0 == nil || Double($0 ?? "") != nil }
  }

  /// `value` in `locale`, whole numbers without a decimal part (`12`, not `12.0`).
  static func number(_ value: Double, locale: NumberLocale) -> String {
    if value.isFinite, value == value.rounded(), Swift.abs(value) < 1e15 {
      return NumberFormatting.format(Int64(value), locale: locale)
    }
    return NumberFormatting.format(value, locale: locale)
  }

  /// A line of tick marks and a line of tick labels for `scale` across `length` cells after `indent` columns.
  ///
  /// Labels that would overlap the previous one, or run more than `overhang` columns past the end, are left out.
  static func axis(
    _ scale: AxisScale, indent: Int, length: Int, overhang: Int = 0, glyphs: DistributionGlyphs, locale: NumberLocale
  ) -> [String] {
    guard length > 0 else { return [] }
    var marks = [Character](repeating: glyphs.axis, count: length)
    var labels = [Character](repeating: " ", count: length + Swift.max(0, overhang))
    var nextFree = 0
    for tick in scale.ticks {
      let position = Swift.min(length - 1, Int(cells: scale.position(tick, length: length - 1).rounded()))
      marks[position] = glyphs.tick
      let text = Array(scale.label(tick, locale: locale))
      let start = Swift.max(0, position - text.count / 2)
      guard start >= nextFree, start + text.count <= labels.count else { continue }
      for (offset, character) in text.enumerated() { labels[start + offset] = character }
      nextFree = start + text.count + 1
    }
    let pad = TerminalText.spaces(indent)
    let labelLine = trimmingTrailingSpaces(String(labels))
    return [pad + String(marks), labelLine.isEmpty ? "" : pad + labelLine]
  }

  /// Lines of a note, wrapped to `width`.
  static func note(_ text: String, width: Int) -> [String] {
    TerminalText.wrapIfNeeded(text, width: width)
  }

  /// `text` without trailing spaces.
  static func trimmingTrailingSpaces(_ text: String) -> String {
    var rest = Substring(text)
    while rest.last == " " { rest = rest.dropLast() }
    return String(rest)
  }
}
