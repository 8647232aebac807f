import TrappeBase
import TrappeStorage
import TrappeIO
import TrappeQuery

extension MetaCommand {
  /// `.load FILE [as NAME] [OPTION=VALUE ...]`: reads a CSV file into a table.
  static let load = MetaCommand(
    name: "load", arguments: [.file, .keyword(["as"]), .value, .keyword(MetaCommand.loadOptionNames)],
    usage: ".load FILE [as NAME] [OPTION=VALUE ...]",
    summary: "Load a CSV file as a table, detecting format and types",
    details: """
      The delimiter (, ; or tab), the encoding (UTF-8 with or without BOM, UTF-16
      with BOM, else Windows-1252 when no byte is UTF-8; a UTF-8 file with a stray
      byte is an error), CR-only line ends, the decimal separator (1.234,5 or 1234.5,
      also in columns forced to a number type) and each column's type (int, double,
      period, string) are detected. Empty cells and .. are null. Whole numbers too
      large for 64 bits keep their column text; numbers beyond the double range load
      as null, with a warning. Spreadsheets, archives and other binary files are
      refused. Without `as NAME` the table is named after the file.
      Options override the detection:
        delimiter=,|;|tab|"|"    encoding=utf8|latin1|cp1252    decimal=comma|point
        header=yes|no            types=COLUMN:TYPE,...  (int, double, bool, string, period)
      A malformed file is reported with its line and column and loads nothing.
      """,
    example: ".load Datasets/kommuner.csv as kommuner"
  ) { session, invocation throws(Diagnostic) in
    guard let fileWord = invocation.argument(0) else { throw invocation.missing("a file name") }
    var rest = Array(invocation.arguments.dropFirst())
    var name = MetaCommand.tableName(forFile: fileWord.text)
    var nameWord = fileWord
    if let first = rest.first, first.text.lowercased() == "as" {
      guard rest.count >= 2 else { throw invocation.missing("a table name after 'as'") }
      name = try MetaCommand.validatedTableName(rest[1], in: invocation)
      nameWord = rest[1]
      rest.removeFirst(2)
    }
    // `_` and `outN` would shadow the query results; a name taken from the file (`out1.csv`) too.
    if let problem = Catalog.reservedNameProblem(name) {
      let hints = nameWord == fileWord ? ["name it with 'as NAME'"] : problem.hints
      throw invocation.error(problem.message, at: nameWord, hints: hints)
    }
    let options = try MetaCommand.loadOptions(rest, in: invocation)
    let path = session.resolvePath(fileWord.text)
    var result: CSVReadResult
    do throws(CSVError) {
      result = try CSVReader.read(file: path, name: fileWord.text, options: options)
    } catch {
      throw error.diagnostic
    }
    // A file `.save` wrote from generated data carries the label as a last column: drop it, keep the label.
    if let table = ExportNotice.unlabelled(result.table) {
      result.table = table
      result.illustrativeNotice = true
    }
    let copy = session.datasets.manifest(matchingFile: path)
    let replaced = session.catalog.register(
      .file(
        name, table: result.table, path: fileWord.text, contentHash: copy?.contentHash, dataset: copy?.manifest,
        labelledIllustrative: result.illustrativeNotice,
        // A UTF-16 file has no read_csv spelling here: explain sql says it has no source.
        csvFile: result.utf16 != nil
          ? nil
          : (
            path,
            SQLCSVFormat(
              delimiter: Character(Unicode.Scalar(result.delimiter)), latin1: result.encoding != .utf8,
              decimalComma: result.decimalSeparator == .comma, header: options.hasHeader)
          )))
    let table = result.table
    session.notice(
      "\(replaced ? "replaced" : "loaded") \(name): \(table.rowCount) \(table.rowCount == 1 ? "row" : "rows"), "
        + "\(table.columnCount) \(table.columnCount == 1 ? "column" : "columns") "
        + "(\(MetaCommand.describe(result)))")
    for note in result.notes { session.notice("note: \(note)") }
    session.report(result.warnings)
  }

  static let loadOptionNames = ["delimiter=", "encoding=", "decimal=", "header=", "types="]

  /// A short account of what was detected, e.g. `delimiter ';', windows-1252, decimal comma`.
  static func describe(_ result: CSVReadResult) -> String {
    let delimiter = result.delimiter == 9 ? "tab" : "'\(Character(UnicodeScalar(result.delimiter)))'"
    let encoding: String
    switch result.encoding {
    case .utf8, .auto: encoding = result.utf16 ?? "UTF-8"
    case .latin1: encoding = "ISO-8859-1"
    case .windows1252: encoding = "Windows-1252"
    }
    let decimal = result.decimalSeparator == .comma ? "decimal comma" : "decimal point"
    return "delimiter \(delimiter), \(encoding), \(decimal)"
  }

  /// Parses the `OPTION=VALUE` words of `.load`.
  static func loadOptions(_ words: [CommandWord], in invocation: MetaInvocation) throws(Diagnostic)
    -> CSVReadOptions
  {
    var options = CSVReadOptions()
    for word in words {
      guard let equals = word.text.firstIndex(of: "=") else {
        throw invocation.error(
          "expected OPTION=VALUE, found '\(word.text)'", at: word,
          hints: ["options: \(loadOptionNames.map { $0 + "..." }.joined(separator: " "))"])
      }
      let key = String(word.text[..<equals]).lowercased()
      let value = String(word.text[word.text.index(after: equals)...])
      switch key {
      case "delimiter", "delim", "sep":
        switch value.lowercased() {
        case ",": options.delimiter = UInt8(ascii: ",")
        case ";": options.delimiter = UInt8(ascii: ";")
        case "tab", "\\t", "\t": options.delimiter = 9
        case "|": options.delimiter = UInt8(ascii: "|")
        default:
          throw invocation.error(
            "unsupported delimiter '\(value)'", at: word, hints: ["use one of: , ; tab |"])
        }
      case "encoding":
        switch value.lowercased() {
        case "utf8", "utf-8": options.encoding = .utf8
        case "latin1", "latin-1", "iso-8859-1", "iso8859-1": options.encoding = .latin1
        case "cp1252", "windows-1252", "win1252": options.encoding = .windows1252
        case "auto": options.encoding = .auto
        default:
          throw invocation.error(
            "unknown encoding '\(value)'", at: word, hints: ["use utf8, latin1, cp1252 or auto"])
        }
      case "decimal":
        switch value.lowercased() {
        case "comma", ",": options.decimalSeparator = .comma
        case "point", "dot", ".": options.decimalSeparator = .point
        case "auto": options.decimalSeparator = .auto
        default:
          throw invocation.error(
            "unknown decimal separator '\(value)'", at: word, hints: ["use comma, point or auto"])
        }
      case "header":
        guard let flag = parseFlag(value) else {
          throw invocation.error("header must be yes or no, not '\(value)'", at: word)
        }
        options.hasHeader = flag
      case "types", "type":
        for pair in value.split(separator: ",") {
          guard let colon = pair.lastIndex(of: ":"),
            let type = DataType(userName: String(pair[pair.index(after: colon)...]).trimmed())
          else {
            throw invocation.error(
              "cannot read the type in '\(pair)'", at: word,
              hints: ["write types=COLUMN:TYPE,... with TYPE one of int, double, bool, string, period"])
          }
          options.typeOverrides[String(pair[..<colon]).trimmed()] = type
        }
      default:
        throw invocation.error("unknown option '\(key)'", at: word)
          .suggesting(
            Suggestion.nearest(to: key, in: ["delimiter", "encoding", "decimal", "header", "types"]))
      }
    }
    return options
  }

  /// The table name `.load` gives a file: its base name, made an identifier.
  static func tableName(forFile path: String) -> String {
    let base = path.split(separator: "/").last.map(String.init) ?? path
    let stem = base.split(separator: ".").first.map(String.init) ?? base
    var name = String(stem.map { $0.isLetter || $0.isNumber || $0 == "_" ? $0 : "_" })
    if name.isEmpty { name = "t" }
    if let first = name.first, first.isNumber { name = "t_" + name }
    return name
  }

  /// Checks that a user-given table name is an identifier.
  static func validatedTableName(_ word: CommandWord, in invocation: MetaInvocation) throws(Diagnostic)
    -> String
  {
    let name = word.text
    guard let first = name.first, first.isLetter || first == "_",
      name.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "_" })
    else {
      throw invocation.error(
        "'\(name)' is not a valid table name", at: word,
        hints: ["use letters (æøå too), digits and _, starting with a letter"])
    }
    return name
  }
}

/// Parses yes/no, on/off, true/false, 1/0.
func parseFlag(_ text: String) -> Bool? {
  switch text.lowercased() {
  case "yes", "on", "true", "1", "ja": return true
  case "no", "off", "false", "0", "nej": return false
  default: return nil
  }
}

/// Replaces a leading `~/` with the home directory.
func expandHome(_ path: String) -> String {
  guard path == "~" || path.hasPrefix("~/") else { return path }
  let home = Environment.value("HOME") ?? ""
  return home + path.dropFirst()
}
