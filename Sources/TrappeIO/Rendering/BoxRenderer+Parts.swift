import TrappeBase

extension BoxRenderer {
  /// The row ranges shown: the first half and the last half of at most ``RenderOptions/maxRows`` rows.
  func shownRows(of rowCount: Int) -> (head: Range<Int>, tail: Range<Int>) {
    let limit = options.maxRows
    guard limit > 0, rowCount > limit else { return (0..<rowCount, rowCount..<rowCount) }
    let headCount = (limit + 1) / 2
    let tailCount = limit - headCount
    return (0..<headCount, (rowCount - tailCount)..<rowCount)
  }

  /// The status line's parts: `98 rows (40 shown)` and `12 columns (7 shown)`.
  func statusSegments(rowCount: Int, shownRows: Int, columnCount: Int, shownColumns: Int) -> [String] {
    [
      count(rowCount, "row", "rows", shown: shownRows),
      count(columnCount, "column", "columns", shown: shownColumns),
    ]
  }

  /// `n things`, followed by `(m shown)` when fewer than all are shown.
  func count(_ total: Int, _ singular: String, _ plural: String, shown: Int) -> String {
    let number = NumberFormatting.format(Int64(total), locale: options.locale)
    var text = number + " " + (total == 1 ? singular : plural)
    if shown < total {
      text += " (" + NumberFormatting.format(Int64(shown), locale: options.locale) + " shown)"
    }
    return text
  }

  /// Widens the rightmost column, within ``RenderOptions/maxWidth``, so the status fits on one line.
  func widen(_ layout: inout BoxLayout, toFit status: [String]) {
    let needed = DisplayWidth.of(status.joined(separator: "  ")) + 4
    let extra = min(needed, options.maxWidth) - layout.totalWidth
    guard extra > 0 else { return }
    let slot = layout.lastColumnSlot ?? (layout.widths.count - 1)
    layout.widths[slot] += extra
  }

  /// The footer lines shown under the box: escaped, each cut to the maximum width.
  func footerLines(_ footer: [String]) -> [String] {
    footer.flatMap { $0.split(separator: "\n") }.map {
      TerminalText.truncate(CellFormatter.escapingControlCharacters(String($0)), to: max(options.maxWidth, 20))
    }
  }

  /// The extra footer texts split at newlines, escaped and wrapped to `width`.
  func wrapFooter(_ footer: [String], width: Int) -> [String] {
    var lines: [String] = []
    for text in footer {
      for paragraph in text.split(separator: "\n", omittingEmptySubsequences: false) {
        let clean = CellFormatter.escapingControlCharacters(String(paragraph))
        lines += TerminalText.wrap(clean, width: width)
      }
    }
    return lines
  }

  /// A horizontal rule: `left`, runs of `─` joined by `join`, then `right`.
  func border(_ left: String, _ join: String, _ right: String, _ widths: [Int]) -> String {
    left + widths.map { String(repeating: "─", count: $0 + 2) }.joined(separator: join) + right
  }

  /// A row of already-fitted cells between `│` separators.
  func gridLine(_ cells: [String]) -> String {
    "│ " + cells.joined(separator: " │ ") + " │"
  }

  /// The ANSI SGR parameter `code` when colour is on, otherwise nil.
  func style(_ code: String) -> String? {
    options.color ? code : nil
  }

  /// The small box drawn for a table without columns, plus any footer lines.
  func renderWithoutColumns(footer: [String]) -> String {
    let message = "(no columns)"
    let wanted = ([message] + footer).reduce(0) { max($0, DisplayWidth.of($1)) }
    let inner = max(1, min(wanted, options.maxWidth - 4))
    let lines = TerminalText.wrap(message, width: inner) + wrapFooter(footer, width: inner)
    var out = ["┌" + String(repeating: "─", count: inner + 2) + "┐"]
    for line in lines {
      out.append("│ " + TerminalText.fit(line, width: inner, alignment: .left) + " │")
    }
    out.append("└" + String(repeating: "─", count: inner + 2) + "┘")
    return out.joined(separator: "\n")
  }
}
