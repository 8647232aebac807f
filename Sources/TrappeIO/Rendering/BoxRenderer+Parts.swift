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

  /// The footer lines shown under the box: escaped, in ASCII for `.charset ascii`, each cut
  /// to the maximum width.
  func footerLines(_ footer: [String]) -> [String] {
    footer.flatMap { $0.split(separator: "\n") }.map {
      let line = CellFormatter.escapingControlCharacters(String($0))
      return TerminalText.truncate(
        options.ascii ? BoxCharacters.asciiText(line) : line, to: max(options.maxWidth, 20), ellipsis: box.ellipsis)
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

  /// The characters the box is drawn with (`.charset`).
  var box: BoxCharacters { options.ascii ? .ascii : .unicode }

  /// A horizontal rule: `left`, runs of `─` joined by `join`, then `right`.
  func border(_ left: String, _ join: String, _ right: String, _ widths: [Int]) -> String {
    left + widths.map { String(repeating: box.horizontal, count: $0 + 2) }.joined(separator: join) + right
  }

  /// A row of already-fitted cells between `│` separators.
  func gridLine(_ cells: [String]) -> String {
    box.vertical + " " + cells.joined(separator: " " + box.vertical + " ") + " " + box.vertical
  }

  /// `text` cut and padded to `width` (``TerminalText/fit(_:width:alignment:style:ellipsis:)``)
  /// with the charset's ellipsis.
  func fit(_ text: String, width: Int, alignment: TerminalText.Alignment, style: String? = nil) -> String {
    TerminalText.fit(text, width: width, alignment: alignment, style: style, ellipsis: box.ellipsis)
  }

  /// The lines naming the columns left out to fit the width, and how to see them, wrapped
  /// to `width`: `hidden: kommunekode, jobpakke (.width 131 shows all)`; `| select` shows
  /// any of them too. The hint is never split across lines.
  func hiddenColumnsLines(_ names: [String], fullWidth: Int, width: Int) -> [String] {
    let shown = names.count <= 6 ? names : Array(names.prefix(5)) + ["\(names.count - 5) more"]
    var lines = TerminalText.wrap("hidden: " + shown.joined(separator: ", "), width: width)
    let hint = "(.width \(max(fullWidth, 20)) shows all)"
    if let last = lines.last, DisplayWidth.of(last) + 1 + DisplayWidth.of(hint) <= width {
      lines[lines.count - 1] = last + " " + hint
    } else {
      lines += TerminalText.wrapIfNeeded(hint, width: width)
    }
    return lines
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
    var out = [box.topLeft + String(repeating: box.horizontal, count: inner + 2) + box.topRight]
    for line in lines {
      out.append(box.vertical + " " + fit(line, width: inner, alignment: .left) + " " + box.vertical)
    }
    out.append(box.bottomLeft + String(repeating: box.horizontal, count: inner + 2) + box.bottomRight)
    return out.joined(separator: "\n")
  }
}
