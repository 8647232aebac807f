import TrappeBase
import TrappeStorage

/// Draws a ``Table`` as a box of Unicode line-drawing characters, in the style of DuckDB's duckbox.
///
/// ```
/// ┌──────┬───────────┬──────────┐
/// │ kode │   navn    │ personer │
/// │ int  │  string   │  double  │
/// ├──────┼───────────┼──────────┤
/// │  101 │ København │  12345.5 │
/// │  147 │ Frederik… │     NULL │
/// ├──────┴───────────┴──────────┤
/// │ 2 rows  3 columns           │
/// └─────────────────────────────┘
/// ```
///
/// Headers and type names are centred, numbers right-aligned and everything
/// else left-aligned. The box never exceeds ``RenderOptions/maxWidth``: wide
/// cells are truncated with `…` first, then middle columns give way to a
/// single `…` column. Beyond ``RenderOptions/maxRows`` rows the middle rows
/// are elided behind a row of `·`. Only the rows shown are formatted, so the
/// cost does not depend on the table's length.
package struct BoxRenderer: Sendable {
  /// The settings the renderer draws with.
  var options: RenderOptions

  /// The narrowest a column is truncated to before columns are elided.
  static let minimumColumnWidth = 6

  /// Creates a renderer.
  package init(options: RenderOptions = RenderOptions()) {
    self.options = options
  }

  /// The box for `table`, as lines joined by `\n` without a trailing newline.
  ///
  /// `footer` lines (provenance, result names, notes) follow the box, one per
  /// line, cut with `…` at the maximum width, so that they never widen the table.
  /// Cells `suppressed` hides show its placeholder (`<5`), dimmed like NULL.
  package func render(_ table: Table, footer: [String] = [], suppressed: SuppressionMask = SuppressionMask()) -> String {
    guard table.columnCount > 0 else { return renderWithoutColumns(footer: footer) }
    let rows = shownRows(of: table.rowCount)
    let rowIndices = Array(rows.head) + Array(rows.tail)
    let formatter = CellFormatter(locale: options.locale)
    let cap = max(1, options.maxColumnWidth)
    let nullText = CellFormatter.escapingControlCharacters(options.nullText)
    let nullWidth = DisplayWidth.of(nullText)

    var names: [String] = []
    var cells: [[String?]] = []
    var hidden: [[Bool]] = []
    var natural: [Int] = []
    names.reserveCapacity(table.columnCount)
    cells.reserveCapacity(table.columnCount)
    natural.reserveCapacity(table.columnCount)
    for (field, column) in zip(table.schema.fields, table.columns) {
      let name = CellFormatter.escapingControlCharacters(options.display.header(for: field.name))
      var texts =
        options.display.texts(column, named: field.name, rows: rowIndices, locale: options.locale)
        ?? formatter.format(column, rows: rowIndices)
      let index = cells.count
      let mask = rowIndices.map { suppressed.isSuppressed(column: index, row: $0) }
      for position in mask.indices where mask[position] {
        texts[position] = suppressed.placeholder(column: index, row: rowIndices[position])
      }
      hidden.append(mask)
      var width = max(DisplayWidth.of(name), DisplayWidth.of(field.type.name), 1)
      for text in texts {
        width = max(width, text.map { DisplayWidth.of($0) } ?? nullWidth)
      }
      names.append(name)
      cells.append(texts)
      natural.append(min(width, cap))
    }

    var layout = BoxLayout.fit(natural: natural, minimum: BoxRenderer.minimumColumnWidth, maxWidth: options.maxWidth)
    let status = statusSegments(
      rowCount: table.rowCount, shownRows: rowIndices.count,
      columnCount: table.columnCount, shownColumns: layout.shownColumnCount)
    widen(&layout, toFit: status)

    var lines: [String] = []
    lines.append(border("┌", "┬", "┐", layout.widths))
    lines.append(
      gridLine(
        layout.slots.enumerated().map { i, slot in
          switch slot {
          case .column(let c):
            return TerminalText.fit(names[c], width: layout.widths[i], alignment: .center, style: style("1"))
          case .ellipsis:
            return TerminalText.fit("…", width: 1, alignment: .center)
          }
        }))
    lines.append(
      gridLine(
        layout.slots.enumerated().map { i, slot in
          switch slot {
          case .column(let c):
            let type = table.schema.fields[c].type.name
            return TerminalText.fit(type, width: layout.widths[i], alignment: .center, style: style("2"))
          case .ellipsis:
            return TerminalText.spaces(1)
          }
        }))
    if !rowIndices.isEmpty {
      lines.append(border("├", "┼", "┤", layout.widths))
      let alignments = layout.slots.map { slot -> TerminalText.Alignment in
        if case .column(let c) = slot, table.schema.fields[c].type.isNumeric { return .right }
        return .left
      }
      for position in rowIndices.indices {
        if position == rows.head.count && !rows.tail.isEmpty {
          lines.append(gridLine(layout.widths.map { TerminalText.fit("·", width: $0, alignment: .center) }))
        }
        lines.append(
          gridLine(
            layout.slots.enumerated().map { i, slot in
              guard case .column(let c) = slot else { return "…" }
              if let text = cells[c][position] {
                if hidden[c][position] {
                  return TerminalText.fit(text, width: layout.widths[i], alignment: alignments[i], style: style("2"))
                }
                return TerminalText.fit(text, width: layout.widths[i], alignment: alignments[i])
              }
              return TerminalText.fit(
                nullText, width: layout.widths[i], alignment: alignments[i], style: style("2"))
            }))
      }
    }
    lines.append(border("├", "┴", "┤", layout.widths))
    let inner = layout.totalWidth - 4
    for line in TerminalText.wrapSegments(status, width: inner) {
      lines.append("│ " + TerminalText.fit(line, width: inner, alignment: .left) + " │")
    }
    lines.append("└" + String(repeating: "─", count: layout.totalWidth - 2) + "┘")
    for line in footerLines(footer) {
      lines.append(TerminalText.fit(line, width: DisplayWidth.of(line), alignment: .left, style: style("2")))
    }
    return lines.joined(separator: "\n")
  }
}
