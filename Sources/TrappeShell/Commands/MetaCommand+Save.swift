import TrappeBase
import TrappeIO
import TrappeStorage

extension MetaCommand {
  /// `.save TABLE FILE [OPTION=VALUE ...]`: writes a table to a file atomically.
  static let save = MetaCommand(
    name: "save", arguments: [.table, .file, .keyword(["format=", "protect=", "decimal=", "bom="])],
    usage: ".save TABLE FILE [format=csv|tsv|json|markdown|xlsx] [protect=on|off] [decimal=comma] [bom=on|off]",
    summary: "Write a table to CSV, TSV, JSON, Markdown or .xlsx",
    details: """
      The format follows the file extension (.csv .tsv .json .md .xlsx) unless format= is
      given. The file is written to a private temporary file and renamed, so a failed
      or interrupted save never leaves half a file; it keeps the old file's permissions.
      A symbolic link, device, FIFO, folder or read-only file is refused. In CSV, TSV and Markdown a text cell
      or column name starting with = + - or @ gets a leading ' so a spreadsheet shows
      it instead of running it as a formula; protect=off turns that off. decimal=comma writes 1234,5 with ;
      between fields, as Danish Excel expects, and starts the file with a UTF-8 byte order mark
      so Excel reads æ, ø and å right (bom=off leaves it out; bom=on adds it to any CSV or TSV).
      An .xlsx file is one Excel workbook: a sheet named after the table (at most 31
      characters; : \\ / ? * [ ] become _) with the column names in a bold, frozen first row,
      numbers as numbers, text as text (no ' is needed), NULL as an empty cell; Excel holds
      at most 1,048,575 rows. Labels (label COLUMN = "…", .lang da) name its header row and
      format COLUMN N becomes the column's number format (#,##0.0); cells keep every digit. With .suppress on, small counts and
      the ratios built on them are written as <N. A table of generated data keeps
      its label (and Markdown and JSON the source it came from): a last column data_notice = "Illustrative data, ..." on every row
      in CSV and TSV (plain CSV for every reader; .load drops it and keeps the
      table marked illustrative), a last italic line in Markdown, a "notice" field
      in JSON; in .xlsx a second sheet "Kilde" starting with the label and naming the table's
      source, and the label as the data sheet's printed page header (row 1 stays the header
      row, for filters and pivots).
      """,
    example: ".save kommuner /tmp/kommuner.csv"
  ) { session, invocation throws(Diagnostic) in
    guard invocation.arguments.count >= 2 else {
      throw invocation.missing(invocation.arguments.isEmpty ? "a table name and a file name" : "a file name")
    }
    var (name, table) = try session.table(named: invocation.arguments[0], in: invocation)
    // Cells shown hidden when the result was shown stay hidden (they are NULL in it by now).
    let mask = session.suppression(of: table, roles: session.countRoles(of: name, table: table))
      .merging(session.catalog.entry(name)?.hidden ?? SuppressionMask())
    let fileWord = invocation.arguments[1]
    var format = ExportFormat(fileExtension: MetaCommand.fileExtension(fileWord.text))
    var options = ExportOptions()
    var workbook = MetaCommand.fileExtension(fileWord.text) == "xlsx"
    var byteOrderMark: Bool?
    // A table of generated data keeps its label in the file (and .load recognises it in CSV/TSV).
    if session.catalog.entry(name)?.provenance.illustrative == true { options.notice = Session.illustrativeNotice }
    for word in invocation.arguments.dropFirst(2) {
      let parts = word.text.split(separator: "=", maxSplits: 1).map(String.init)
      guard parts.count == 2 else {
        throw invocation.error("expected OPTION=VALUE, found '\(word.text)'", at: word,
          hints: ["usage: \(invocation.command.usage)"])
      }
      switch parts[0].lowercased() {
      case "format":
        let name = try invocation.choice(
          CommandWord(text: parts[1], column: word.column, length: word.length),
          from: ["csv", "tsv", "json", "markdown", "md", "xlsx"], what: "format")
        workbook = name == "xlsx"
        format = name == "md" ? .markdown : ExportFormat(rawValue: name)
      case "protect":
        guard let flag = parseFlag(parts[1]) else {
          throw invocation.error("protect must be on or off, not '\(parts[1])'", at: word)
        }
        options.protectFormulas = flag
      case "decimal":
        options.decimalComma = try invocation.choice(
          CommandWord(text: parts[1], column: word.column, length: word.length),
          from: ["comma", "point"], what: "decimal separator") == "comma"
      case "bom":
        guard let flag = parseFlag(parts[1]) else {
          throw invocation.error("bom must be on or off, not '\(parts[1])'", at: word)
        }
        byteOrderMark = flag
      default:
        throw invocation.error("unknown option '\(parts[0])'", at: word)
          .suggesting(Suggestion.nearest(to: parts[0], in: ["format", "protect", "decimal", "bom"]))
      }
    }
    if workbook {
      return try saveWorkbook(session, invocation, name: name, table: table, mask: mask, file: fileWord)
    }
    guard let format else {
      throw invocation.error(
        "cannot tell the format of '\(fileWord.text)' from its extension", at: fileWord,
        hints: ["name the file .csv, .tsv, .json, .md or .xlsx, or add format=csv"])
    }
    // Markdown also says where the data came from, and JSON of generated data (whose rows are
    // already wrapped beside the notice; other JSON stays a plain array).
    if format == .markdown || (format == .json && options.notice != nil) { options.source = session.catalog.entry(name)?.sourceLine }
    // CSV and TSV carry the label as a last column: a comment line would be read as the header.
    if let notice = options.notice, format == .csv || format == .tsv {
      table = ExportNotice.labelled(table, notice: notice)
      options.notice = nil
    }
    // Ctrl-C stops the export before anything is written: the file stays as it was.
    var bytes: [UInt8]
    do throws(ExecutionStop) {
      bytes = try TableExporter.exportBytes(
        table, format: format, options: options, suppressed: mask, polling: { () throws(ExecutionStop) in
          try Interrupt.check()
        })
    } catch {
      throw Diagnostic(.error, "interrupted: \(fileWord.text) was not written")
    }
    // Danish Excel reads a CSV without a byte order mark as Windows-1252 (København → KÃ¸benhavn).
    if byteOrderMark ?? (options.decimalComma && format == .csv), format == .csv || format == .tsv {
      bytes.insert(contentsOf: [0xEF, 0xBB, 0xBF], at: 0)
    }
    do throws(FileError) {
      try AtomicFile.write(bytes: bytes, to: session.resolvePath(fileWord.text))
    } catch {
      throw error.diagnostic
    }
    let hidden = mask.cellCount
    session.notice(
      "saved \(table.rowCount) \(table.rowCount == 1 ? "row" : "rows") to \(fileWord.text) (\(format.rawValue))"
        + (hidden > 0 ? "; \(hidden) \(hidden == 1 ? "cell" : "cells") suppressed as \(mask.placeholder)" : ""))
  }

  /// `.save TABLE FILE.xlsx`: the table as an Excel workbook (``WorkbookExporter``), written atomically.
  private static func saveWorkbook(
    _ session: Session, _ invocation: MetaInvocation, name: String, table: Table, mask: SuppressionMask,
    file: CommandWord
  ) throws(Diagnostic) {
    let entry = session.catalog.entry(name)
    let illustrative = entry?.provenance.illustrative == true
    var provenance = ["Table: \(name)", "Rows: \(table.rowCount)"]
    if let source = entry?.describedSource, !source.isEmpty { provenance.append("Source: \(source)") }
    provenance.append("Written by Trappe")
    let bytes: [UInt8]
    do throws(WorkbookExporter.Problem) {
      bytes = try WorkbookExporter.workbook(
        table, sheet: name, headers: table.schema.names.map { session.settings.display.header(for: $0) },
        decimals: table.schema.names.map { session.settings.display.decimals[$0] },
        notice: illustrative ? Session.illustrativeNotice : nil, provenance: provenance,
        suppressed: mask, polling: { () throws(ExecutionStop) in try Interrupt.check() })
    } catch {
      switch error {
      case .stopped: throw Diagnostic(.error, "interrupted: \(file.text) was not written")
      case .tooManyRows(let n):
        throw invocation.error(
          "an Excel sheet holds at most \(WorkbookExporter.maxRows - 1) rows under its header; \(name) has \(n)", at: file,
          hints: ["save it as CSV instead (.save \(name) FILE.csv), or summarize it first"])
      case .tooManyColumns(let n):
        throw invocation.error(
          "an Excel sheet holds at most \(WorkbookExporter.maxColumns) columns; \(name) has \(n)", at: file,
          hints: ["save it as CSV instead (.save \(name) FILE.csv)"])
      case .tooLarge:
        throw invocation.error(
          "the workbook would be larger than 4 GiB, more than this writer supports", at: file,
          hints: ["save it as CSV instead (.save \(name) FILE.csv)"])
      }
    }
    do throws(FileError) {
      try AtomicFile.write(bytes: bytes, to: session.resolvePath(file.text))
    } catch {
      throw error.diagnostic
    }
    let hidden = mask.cellCount
    session.notice(
      "saved \(table.rowCount) \(table.rowCount == 1 ? "row" : "rows") to \(file.text) (xlsx, sheet '\(WorkbookExporter.sheetName(name))')"
        + (illustrative ? ", labelled illustrative on sheet 'Kilde'" : "")
        + (hidden > 0 ? "; \(hidden) \(hidden == 1 ? "cell" : "cells") suppressed as \(mask.placeholder)" : ""))
  }

  /// The lower-cased extension of a path (`csv` for `a/b.CSV`), or "".
  static func fileExtension(_ path: String) -> String {
    let base = path.split(separator: "/").last ?? Substring(path)
    guard let dot = base.lastIndex(of: "."), dot != base.startIndex else { return "" }
    return base[base.index(after: dot)...].lowercased()
  }
}
