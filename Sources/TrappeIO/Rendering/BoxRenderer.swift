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
/// else left-aligned. The box never exceeds ``RenderOptions/maxWidth``, and a number
/// is never cut: text cells are shortened with `…` only as far as their values stay
/// distinguishable, then whole columns are hidden, codes first and then from the right,
/// and the box names them. The key column (the first text column) is always shown. Beyond ``RenderOptions/maxRows`` rows the middle rows
/// are elided behind a row of `·`. Only the rows shown are formatted, so the
/// cost does not depend on the table's length.
package struct BoxRenderer: Sendable {
  /// The settings the renderer draws with.
  var options: RenderOptions

  /// The narrowest a numeric column's header is cut to before columns are hidden (or the
  /// width that keeps the table's headers distinguishable, when wider).
  static let headerFloor = 6
  /// The narrowest the key column (the first text column) is cut to before columns are hidden.
  static let keyFloor = 14

  /// Creates a renderer.
  package init(options: RenderOptions = RenderOptions()) {
    self.options = options
  }

  /// The box for `table`, as lines joined by `\n` without a trailing newline.
  ///
  /// `footer` lines (provenance, result names, notes) follow the box, one per
  /// line, cut with `…` at the maximum width, so that they never widen the table.
  /// Cells `suppressed` hides show its placeholder (`<5`), dimmed like NULL.
  /// `roles` (by column) mark counts of persons, whose whole values are shown as integers.
  /// In the text columns `numbersRight` lists, cells that are numbers are right-aligned (`.describe`'s min and max).
  /// `units` (by column, nil for none) follow the type in the type row: `double %`.
  package func render(
    _ table: Table, footer: [String] = [], suppressed: SuppressionMask = SuppressionMask(), roles: [CountRole] = [],
    numbersRight: Set<Int> = [], units: [String?] = []
  ) -> String {
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
    var floors: [Int] = []
    var identifiers: [Bool] = []
    var typeNames: [String] = []
    names.reserveCapacity(table.columnCount)
    cells.reserveCapacity(table.columnCount)
    natural.reserveCapacity(table.columnCount)
    // A numeric column's header gives way only as far as the headers stay distinguishable
    // (uger_s…, uger_a…, uger_i…), never to three identical `uger_…`.
    let headerFloor = max(
      BoxRenderer.headerFloor,
      ColumnProfile.distinguishingWidth(
        table.schema.names.map { CellFormatter.escapingControlCharacters($0) }, limit: cap, ellipsis: box.ellipsis))
    for (field, column) in zip(table.schema.fields, table.columns) {
      let name = CellFormatter.escapingControlCharacters(options.display.header(for: field.name))
      let index = cells.count
      let role = index < roles.count ? roles[index] : .plain
      var identifier = ColumnProfile.isCodeName(field.name) && field.type != .double
      var texts =
        options.display.texts(column, named: field.name, rows: rowIndices, locale: options.locale)
        ?? formatter.format(
          column, rows: rowIndices, identifiers: identifier || ColumnProfile.isYearName(field.name),
          counts: role == .count || ColumnProfile.isCountName(field.name))
      if field.type == .string && !identifier { identifier = ColumnProfile.isCodeLike(texts) }
      let mask = rowIndices.map { suppressed.isSuppressed(column: index, row: $0) }
      for position in mask.indices where mask[position] {
        texts[position] = suppressed.placeholder(column: index, row: rowIndices[position])
      }
      hidden.append(mask)
      var cellWidth = 1
      for text in texts {
        cellWidth = max(cellWidth, text.map { DisplayWidth.of($0) } ?? nullWidth)
      }
      let headerWidth = DisplayWidth.of(name)
      let unit = index < units.count ? units[index].map(CellFormatter.escapingControlCharacters) : nil
      let typeName = field.type.name + (unit.map { " " + $0 } ?? "")
      let typeWidth = DisplayWidth.of(typeName)
      names.append(name)
      typeNames.append(typeName)
      cells.append(texts)
      identifiers.append(identifier)
      switch field.type {
      case .string:
        let width = min(max(headerWidth, typeWidth, cellWidth), cap)
        natural.append(width)
        floors.append(min(width, max(typeWidth, ColumnProfile.distinguishingWidth(texts, limit: 20, ellipsis: box.ellipsis), 6)))
      default:
        // Numbers, periods and booleans are never cut: their floor is their widest cell;
        // only a long header gives way, down to 12 columns.
        let whole = max(cellWidth, typeWidth)
        let width = max(whole, min(headerWidth, max(cap, whole)))
        natural.append(width)
        floors.append(max(whole, min(headerWidth, headerFloor)))
      }
    }
    // The key names the rows: the first text column that is not a code (else the first
    // column). It is never hidden and stays wide enough to tell its values apart.
    let key =
      table.schema.fields.indices.first { table.schema.fields[$0].type == .string && !identifiers[$0] } ?? 0
    if table.schema.fields[key].type == .string {
      let distinct = ColumnProfile.distinguishingWidth(cells[key], limit: cap, ellipsis: box.ellipsis)
      floors[key] = min(natural[key], max(floors[key], distinct, BoxRenderer.keyFloor))
    }
    // Codes go first, before any text is shortened, then the other columns from the right (the long tail).
    let others = Array(table.schema.fields.indices.reversed()).filter { $0 != key }
    let codes = others.filter { identifiers[$0] }
    let hideOrder = codes + others.filter { !identifiers[$0] }

    var layout = BoxLayout.fit(
      natural: natural, floors: floors, hideOrder: hideOrder, hideFirst: codes.count, maxWidth: options.maxWidth)
    let status = statusSegments(
      rowCount: table.rowCount, shownRows: rowIndices.count,
      columnCount: table.columnCount, shownColumns: layout.shownColumnCount)
    widen(&layout, toFit: status)
    let shown = Set(layout.shownColumns)
    let hiddenNames = table.schema.fields.indices.filter { !shown.contains($0) }.map { names[$0] }
    let fullWidth = natural.reduce(1) { $0 + $1 + 3 }

    var lines: [String] = []
    lines.append(border(box.topLeft, box.topJoin, box.topRight, layout.widths))
    lines.append(
      gridLine(
        layout.shownColumns.enumerated().map { i, c in
          fit(names[c], width: layout.widths[i], alignment: .center, style: style("1"))
        }))
    lines.append(
      gridLine(
        layout.shownColumns.enumerated().map { i, c in
          fit(typeNames[c], width: layout.widths[i], alignment: .center, style: style("2"))
        }))
    if !rowIndices.isEmpty {
      lines.append(border(box.leftJoin, box.cross, box.rightJoin, layout.widths))
      let alignments = layout.shownColumns.map { c -> TerminalText.Alignment in
        table.schema.fields[c].type.isNumeric ? .right : .left
      }
      for position in rowIndices.indices {
        if position == rows.head.count && !rows.tail.isEmpty {
          let dot = options.ascii ? "." : "·"
          lines.append(gridLine(layout.widths.map { fit(dot, width: $0, alignment: .center) }))
        }
        lines.append(
          gridLine(
            layout.shownColumns.enumerated().map { i, c in
              if let text = cells[c][position] {
                if numbersRight.contains(c), Double(text) != nil {
                  return fit(text, width: layout.widths[i], alignment: .right)
                }
                if hidden[c][position] {
                  return fit(text, width: layout.widths[i], alignment: alignments[i], style: style("2"))
                }
                return fit(text, width: layout.widths[i], alignment: alignments[i])
              }
              return fit(
                nullText, width: layout.widths[i], alignment: alignments[i], style: style("2"))
            }))
      }
    }
    lines.append(border(box.leftJoin, box.bottomJoin, box.rightJoin, layout.widths))
    let inner = layout.totalWidth - 4
    for line in TerminalText.wrapSegments(status, width: inner) {
      lines.append(box.vertical + " " + fit(line, width: inner, alignment: .left) + " " + box.vertical)
    }
    if !hiddenNames.isEmpty {
      for line in hiddenColumnsLines(hiddenNames, fullWidth: fullWidth, width: inner) {
        lines.append(box.vertical + " " + fit(line, width: inner, alignment: .left) + " " + box.vertical)
      }
    }
    lines.append(box.bottomLeft + String(repeating: box.horizontal, count: layout.totalWidth - 2) + box.bottomRight)
    for line in footerLines(footer) {
      lines.append(fit(line, width: DisplayWidth.of(line), alignment: .left, style: style("2")))
    }
    return lines.joined(separator: "\n")
  }
}
