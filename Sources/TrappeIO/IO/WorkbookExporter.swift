import TrappeBase
import TrappeStorage

/// Writes a ``Table`` as an Excel workbook (`.xlsx`, Office Open XML SpreadsheetML) with no
/// third-party code: a ``StoredZip`` of a few XML parts.
///
/// The data sheet (named after the table, see ``sheetName(_:)``) has the column names in row 1
/// (bold, frozen) and one row per table row: numbers as numbers (ints stay whole, doubles keep
/// every digit), text and periods as inline strings (never formulas, so no `'` protection is
/// needed), booleans as TRUE/FALSE, NULL as an empty cell, a suppressed cell as its placeholder
/// text (`<5`). With a notice (the illustrative label) the workbook gets a second sheet,
/// "Kilde", that starts with the notice and lists where the table came from, and the data
/// sheet prints the notice as its page header, so the label survives both on screen and on paper.
package enum WorkbookExporter {
  /// Why a workbook was not written.
  package enum Problem: Error, Equatable {
    /// More rows than an Excel sheet holds (1,048,576 including the header).
    case tooManyRows(Int)
    /// More columns than an Excel sheet holds (16,384).
    case tooManyColumns(Int)
    /// The archive would pass 4 GiB (this writer has no ZIP64).
    case tooLarge
    /// The poll stopped the export (Ctrl-C).
    case stopped
  }

  /// Rows in an Excel sheet, the header included.
  package static let maxRows = 1_048_576
  /// Columns in an Excel sheet.
  package static let maxColumns = 16_384

  /// The bytes of the `.xlsx` file.
  ///
  /// - Parameters:
  ///   - headers: the header row's texts (the column names, or their display labels); nil uses the names.
  ///   - decimals: per column, the decimals Excel shows (`format COLUMN N`: number format `#,##0.0`,
  ///     which Excel spells in the reader's locale); the cell keeps every digit. nil or empty: General.
  ///   - notice: the illustrative label; nil writes one sheet only.
  ///   - provenance: lines under the notice on the "Kilde" sheet (table name, rows, source).
  ///   - poll: called every ``TableExporter/pollInterval`` rows; throwing stops the export.
  package static func workbook(
    _ table: Table, sheet: String, headers: [String]? = nil, decimals: [Int?] = [], notice: String? = nil,
    provenance: [String] = [],
    suppressed: SuppressionMask = SuppressionMask(), polling poll: () throws(ExecutionStop) -> Void = {}
  ) throws(Problem) -> [UInt8] {
    guard table.rowCount < maxRows else { throw .tooManyRows(table.rowCount) }
    guard table.columns.count <= maxColumns else { throw .tooManyColumns(table.columns.count) }
    let dataName = sheetName(sheet)
    // One cell format per distinct number of decimals, after 0 (plain) and 1 (bold header).
    let places = Array(Set(decimals.compactMap { $0 })).sorted()
    let styleOfColumn = table.columns.indices.map { i -> Int in
      guard i < decimals.count, let n = decimals[i], let k = places.firstIndex(of: n) else { return 0 }
      return 2 + k
    }
    var sheets = [
      (
        dataName,
        try dataSheet(
          table, headers: headers ?? table.schema.names, styles: styleOfColumn, notice: notice, suppressed: suppressed,
          poll)
      )
    ]
    if let notice {
      let name = dataName.lowercased() == "kilde" ? "Kilde (Trappe)" : "Kilde"
      sheets.append((name, textSheet([notice] + provenance)))
    }
    var entries = [
      StoredZip.Entry(name: "[Content_Types].xml", bytes: Array(contentTypes(sheetCount: sheets.count).utf8)),
      StoredZip.Entry(name: "_rels/.rels", bytes: Array(packageRelationships.utf8)),
      StoredZip.Entry(name: "xl/workbook.xml", bytes: Array(workbookXML(sheets.map(\.0)).utf8)),
      StoredZip.Entry(name: "xl/_rels/workbook.xml.rels", bytes: Array(workbookRelationships(sheetCount: sheets.count).utf8)),
      StoredZip.Entry(name: "xl/styles.xml", bytes: Array(styles(decimals: places).utf8)),
    ]
    for (i, sheet) in sheets.enumerated() {
      entries.append(StoredZip.Entry(name: "xl/worksheets/sheet\(i + 1).xml", bytes: sheet.1))
    }
    do throws(StoredZip.TooLarge) {
      return try StoredZip.archive(entries)
    } catch {
      throw .tooLarge
    }
  }

  /// A valid sheet name for `name`: Excel's rules are 1–31 characters, none of `: \ / ? * [ ]`,
  /// no `'` at either end, and not "History". Forbidden characters become `_`; an empty name is "Sheet1".
  package static func sheetName(_ name: String) -> String {
    var text = String(name.map { ":\\/?*[]".contains($0) ? "_" : $0 })
    text = String(text.prefix(31))
    while text.hasPrefix("'") { text.removeFirst() }
    while text.hasSuffix("'") { text.removeLast() }
    if text.isEmpty { return "Sheet1" }
    if text.lowercased() == "history" { return "History_" }
    return text
  }

  /// The column letters of a zero-based column index (0 → A, 25 → Z, 26 → AA).
  package static func columnLetters(_ index: Int) -> String {
    var n = index + 1
    var letters: [Character] = []
    while n > 0 {
      let r = (n - 1) % 26
      letters.append(Character(Unicode.Scalar(UInt8(65 + r))))
      n = (n - 1) / 26
    }
    return String(letters.reversed())
  }

  /// `text` escaped for XML content or an attribute; characters XML 1.0 forbids (most controls)
  /// become U+FFFD, as no XML reader would accept them.
  package static func xmlEscaped(_ text: String) -> String {
    var out = ""
    out.reserveCapacity(text.utf8.count)
    for scalar in text.unicodeScalars {
      switch scalar {
      case "&": out += "&amp;"
      case "<": out += "&lt;"
      case ">": out += "&gt;"
      case "\"": out += "&quot;"
      case "\t", "\n", "\r": out.unicodeScalars.append(scalar)
      default:
        if scalar.value < 0x20 || scalar.value == 0xFFFE || scalar.value == 0xFFFF {
          out += "\u{FFFD}"
        } else {
          out.unicodeScalars.append(scalar)
        }
      }
    }
    return out
  }

  /// An inline-string cell (`xml:space="preserve"` keeps leading and trailing spaces).
  private static func stringCell(_ ref: String, _ text: String, style: Int = 0, into out: inout String) {
    out += "<c r=\"\(ref)\" t=\"inlineStr\"" + (style > 0 ? " s=\"\(style)\"" : "") + "><is><t"
    if text.first == " " || text.last == " " || text.contains("\n") { out += " xml:space=\"preserve\"" }
    out += ">" + xmlEscaped(text) + "</t></is></c>"
  }

  /// The data sheet: header row, then the rows.
  private static func dataSheet(
    _ table: Table, headers: [String], styles: [Int], notice: String?, suppressed: SuppressionMask,
    _ poll: () throws(ExecutionStop) -> Void
  ) throws(Problem) -> [UInt8] {
    let styleAttribute = styles.map { $0 > 0 ? " s=\"\($0)\"" : "" }
    let letters = (0..<table.columns.count).map(columnLetters)
    let last = (letters.last ?? "A") + String(table.rowCount + 1)
    var out = xmlHeader + "<worksheet xmlns=\"\(mainNamespace)\">"
    out += "<dimension ref=\"A1:\(last)\"/>"
    out += "<sheetViews><sheetView workbookViewId=\"0\">"
      + "<pane ySplit=\"1\" topLeftCell=\"A2\" activePane=\"bottomLeft\" state=\"frozen\"/></sheetView></sheetViews>"
    out += "<sheetData><row r=\"1\">"
    for (i, name) in headers.enumerated() where i < letters.count {
      stringCell(letters[i] + "1", name, style: 1, into: &out)
    }
    out += "</row>"
    var bytes: [UInt8] = []
    for row in 0..<table.rowCount {
      if row % TableExporter.pollInterval == 0 {
        do throws(ExecutionStop) { try poll() } catch { throw .stopped }
        // Flush the text built so far, so the String never holds the whole sheet twice.
        bytes += Array(out.utf8)
        out = ""
      }
      let r = String(row + 2)
      out += "<row r=\"\(r)\">"
      for (i, column) in table.columns.enumerated() {
        let ref = letters[i] + r
        if suppressed.isSuppressed(column: i, row: row) {
          stringCell(ref, suppressed.placeholder(column: i, row: row), into: &out)
          continue
        }
        guard column.isValid(row) else { continue }
        switch column {
        case .int64(let c): out += "<c r=\"\(ref)\"\(styleAttribute[i])><v>\(c.slot(row))</v></c>"
        case .double(let c):
          let value = c.values[row]
          // NumberFormatting.plain keeps every digit and a '.' (12.0), so readers see a float;
          // NaN and ±inf have no Excel number and are written as their text.
          if value.isFinite {
            out += "<c r=\"\(ref)\"\(styleAttribute[i])><v>\(NumberFormatting.plain(value))</v></c>"
          } else {
            stringCell(ref, NumberFormatting.plain(value), into: &out)
          }
        case .bool(let c): out += "<c r=\"\(ref)\" t=\"b\"><v>\(c.values[row] ? 1 : 0)</v></c>"
        case .string(let c): stringCell(ref, c.dictionary[c.code(at: row)], into: &out)
        case .period(let c): stringCell(ref, Period(unit: c.unit, ordinal: c.ordinals[row]).description, into: &out)
        }
      }
      out += "</row>"
    }
    out += "</sheetData>"
    if let notice {
      // In a header or footer '&' starts a code; '&&' is a literal ampersand.
      let text = xmlEscaped(notice.split(separator: "&", omittingEmptySubsequences: false).joined(separator: "&&"))
      out += "<headerFooter><oddHeader>&amp;C\(text)</oddHeader></headerFooter>"
    }
    out += "</worksheet>"
    bytes += Array(out.utf8)
    return bytes
  }

  /// A sheet of one text per line in column A, the first in bold.
  private static func textSheet(_ lines: [String]) -> [UInt8] {
    var out = xmlHeader + "<worksheet xmlns=\"\(mainNamespace)\">"
    out += "<dimension ref=\"A1:A\(max(1, lines.count))\"/><sheetData>"
    for (i, line) in lines.enumerated() {
      out += "<row r=\"\(i + 1)\">"
      stringCell("A\(i + 1)", line, style: i == 0 ? 1 : 0, into: &out)
      out += "</row>"
    }
    out += "</sheetData></worksheet>"
    return Array(out.utf8)
  }

  private static let xmlHeader = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
  private static let mainNamespace = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
  private static let relationshipNamespace = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"

  private static func contentTypes(sheetCount: Int) -> String {
    var out = xmlHeader + "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
    out += "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
    out += "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
    out += "<Override PartName=\"/xl/workbook.xml\" "
      + "ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml\"/>"
    for i in 1...sheetCount {
      out += "<Override PartName=\"/xl/worksheets/sheet\(i).xml\" "
        + "ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml\"/>"
    }
    out += "<Override PartName=\"/xl/styles.xml\" "
      + "ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml\"/>"
    return out + "</Types>"
  }

  private static let packageRelationships =
    xmlHeader + "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
    + "<Relationship Id=\"rId1\" Type=\"\(relationshipNamespace)/officeDocument\" Target=\"xl/workbook.xml\"/>"
    + "</Relationships>"

  private static func workbookXML(_ names: [String]) -> String {
    var out = xmlHeader + "<workbook xmlns=\"\(mainNamespace)\" xmlns:r=\"\(relationshipNamespace)\"><sheets>"
    for (i, name) in names.enumerated() {
      out += "<sheet name=\"\(xmlEscaped(name))\" sheetId=\"\(i + 1)\" r:id=\"rId\(i + 1)\"/>"
    }
    return out + "</sheets></workbook>"
  }

  private static func workbookRelationships(sheetCount: Int) -> String {
    var out = xmlHeader + "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
    for i in 1...sheetCount {
      out += "<Relationship Id=\"rId\(i)\" Type=\"\(relationshipNamespace)/worksheet\" Target=\"worksheets/sheet\(i).xml\"/>"
    }
    out += "<Relationship Id=\"rId\(sheetCount + 1)\" Type=\"\(relationshipNamespace)/styles\" Target=\"styles.xml\"/>"
    return out + "</Relationships>"
  }

  /// Cell formats: 0 plain, 1 bold (the header row), then one per entry of `decimals`
  /// (number formats 164, 165, …: `#,##0` with that many decimals).
  private static func styles(decimals: [Int]) -> String {
    var out = xmlHeader + "<styleSheet xmlns=\"\(mainNamespace)\">"
    if !decimals.isEmpty {
      out += "<numFmts count=\"\(decimals.count)\">"
      for (k, n) in decimals.enumerated() {
        let code = "#,##0" + (n > 0 ? "." + String(repeating: "0", count: n) : "")
        out += "<numFmt numFmtId=\"\(164 + k)\" formatCode=\"\(code)\"/>"
      }
      out += "</numFmts>"
    }
    out += "<fonts count=\"2\"><font><sz val=\"11\"/><name val=\"Calibri\"/></font>"
      + "<font><b/><sz val=\"11\"/><name val=\"Calibri\"/></font></fonts>"
      + "<fills count=\"2\"><fill><patternFill patternType=\"none\"/></fill><fill><patternFill patternType=\"gray125\"/></fill></fills>"
      + "<borders count=\"1\"><border><left/><right/><top/><bottom/><diagonal/></border></borders>"
      + "<cellStyleXfs count=\"1\"><xf numFmtId=\"0\" fontId=\"0\" fillId=\"0\" borderId=\"0\"/></cellStyleXfs>"
      + "<cellXfs count=\"\(2 + decimals.count)\"><xf numFmtId=\"0\" fontId=\"0\" fillId=\"0\" borderId=\"0\" xfId=\"0\"/>"
      + "<xf numFmtId=\"0\" fontId=\"1\" fillId=\"0\" borderId=\"0\" xfId=\"0\" applyFont=\"1\"/>"
    for k in decimals.indices {
      out += "<xf numFmtId=\"\(164 + k)\" fontId=\"0\" fillId=\"0\" borderId=\"0\" xfId=\"0\" applyNumberFormat=\"1\"/>"
    }
    return out + "</cellXfs><cellStyles count=\"1\"><cellStyle name=\"Normal\" xfId=\"0\" builtinId=\"0\"/></cellStyles>"
      + "</styleSheet>"
  }
}
