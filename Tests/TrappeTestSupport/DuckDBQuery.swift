import Glibc
import TrappeBase
import TrappeStorage

/// Runs SQL in DuckDB (the Python package in the project's virtual environment) and reads the
/// result back as a Trappe table, for tests that compare what an engine computes with Trappe.
///
/// The Python is `TRAPPE_PYTHON` when set, else `.build/venv/bin/python` of the repository
/// (made by `Scripts/ensure-deps`). The query runs in the repository's root, so relative CSV
/// paths in the SQL (`read_csv('Datasets/…')`) resolve. A missing Python or DuckDB is an error,
/// never a skip.
package enum DuckDBQuery {
  /// A failure to run the query: the message says what (Python missing, a DuckDB error, …).
  package struct Failure: Error, CustomStringConvertible {
    package let description: String
  }

  /// The Python to run.
  package static var python: String {
    if let configured = getenv("TRAPPE_PYTHON").map({ String(cString: $0) }), !configured.isEmpty {
      return configured
    }
    return ProjectRoot.file(".build/venv/bin/python")
  }

  /// The reader: one cell per line, typed by its first character (`N` NULL, `I` integer, `D`
  /// double as Python's repr, `B` 0/1, `T` date as YYYY-MM-DD, `S` text with `\\` and `\n` escaped).
  static let script = """
    import sys, datetime, decimal
    import duckdb
    sql = open(sys.argv[1], encoding='utf-8').read()
    out = open(sys.argv[2], 'w', encoding='utf-8')
    rel = duckdb.connect().execute(sql)
    out.write('%d\\n' % len(rel.description))
    for row in rel.fetchall():
        for v in row:
            if v is None: out.write('N\\n')
            elif isinstance(v, bool): out.write('B%d\\n' % v)
            elif isinstance(v, int): out.write('I%d\\n' % v)
            elif isinstance(v, float): out.write('D%r\\n' % v)
            elif isinstance(v, decimal.Decimal): out.write('D%r\\n' % float(v))
            elif isinstance(v, datetime.date): out.write('T%s\\n' % v.isoformat())
            else: out.write('S%s\\n' % str(v).replace('\\\\', '\\\\\\\\').replace('\\n', '\\\\n'))
    out.close()
    """

  /// Runs `sql` and returns its rows as a table with `columns` (their names and Trappe types;
  /// a period column arrives as the date of its first day, or as the year for years).
  package static func run(_ sql: String, columns: [(name: String, type: DataType, unit: PeriodUnit?)]) throws(Failure)
    -> Table
  {
    guard access(python, X_OK) == 0 else {
      throw Failure(
        description: "no Python at \(python): run Scripts/ensure-deps (it makes .build/venv with duckdb) or set TRAPPE_PYTHON")
    }
    let base = "/tmp/trappe-duckdb-\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
    defer {
      for suffix in [".py", ".sql", ".out", ".err"] { unlink(base + suffix) }
    }
    try write(script, to: base + ".py")
    try write(sql, to: base + ".sql")
    let command =
      "cd '\(ProjectRoot.path)' && '\(python)' '\(base).py' '\(base).sql' '\(base).out' 2> '\(base).err'"
    let status = system(command)
    guard status == 0 else {
      throw Failure(description: "DuckDB failed (status \(status)): " + ((try? read(base + ".err")) ?? ""))
    }
    var lines = try read(base + ".out").split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    if lines.last == "" { lines.removeLast() }
    guard let first = lines.first, let width = Int(first), width == columns.count else {
      throw Failure(description: "DuckDB returned \(lines.first ?? "no") columns, expected \(columns.count)")
    }
    let cells = lines.dropFirst()
    guard cells.count % max(1, width) == 0 else { throw Failure(description: "DuckDB returned a ragged result") }
    let rowCount = width == 0 ? 0 : cells.count / width
    var named: [(String, Column)] = []
    for (index, column) in columns.enumerated() {
      var values: [String] = []
      values.reserveCapacity(rowCount)
      for row in 0..<rowCount { values.append(cells[cells.startIndex + row * width + index]) }
      named.append((column.name, try self.column(values, type: column.type, unit: column.unit, name: column.name)))
    }
    return Table(named)
  }

  /// One column from its cells.
  static func column(_ cells: [String], type: DataType, unit: PeriodUnit?, name: String) throws(Failure) -> Column {
    var valid = ValidityMask(allValid: 0)
    func body(_ cell: String) -> Substring {
      valid.append(!cell.hasPrefix("N"))
      return cell.dropFirst()
    }
    switch type {
    case .int64:
      var values: [Int64] = []
      for cell in cells {
        let text = body(cell)
        guard cell.hasPrefix("N") || cell.hasPrefix("I") else { throw Failure(description: "\(name): \(cell) is no integer") }
        values.append(Int64(text) ?? 0)
      }
      return .int64(Int64Column(values: values, validity: valid))
    case .double:
      var values: [Double] = []
      for cell in cells {
        let text = body(cell)
        values.append(Double(text == "nan" ? "nan" : text == "inf" ? "inf" : text == "-inf" ? "-inf" : String(text)) ?? 0)
      }
      return .double(DoubleColumn(values: values, validity: valid))
    case .bool:
      return .bool(BoolColumn(values: cells.map { body($0) == "1" }, validity: valid))
    case .string:
      var values: [String?] = []
      for cell in cells {
        if cell.hasPrefix("N") {
          values.append(nil)
          continue
        }
        var text = ""
        var escaped = false
        for character in cell.dropFirst() {
          if escaped {
            text.append(character == "n" ? "\n" : character)
            escaped = false
          } else if character == "\\" {
            escaped = true
          } else {
            text.append(character)
          }
        }
        values.append(text)
      }
      return .string(StringColumn(values))
    case .period:
      let periodUnit = unit ?? .week
      var ordinals: [Int32] = []
      for cell in cells {
        let text = String(body(cell))
        if cell.hasPrefix("N") {
          ordinals.append(0)
          continue
        }
        if cell.hasPrefix("I") {
          ordinals.append(Int32(text) ?? 0)
          continue
        }
        let parts = text.split(separator: "-").compactMap { Int($0) }
        guard parts.count == 3 else { throw Failure(description: "\(name): \(cell) is no date") }
        let days = CivilDate.days(year: parts[0], month: parts[1], day: parts[2])
        switch periodUnit {
        case .year: ordinals.append(Int32(parts[0]))
        case .quarter: ordinals.append(Int32(parts[0] * 4 + (parts[1] - 1) / 3))
        case .month: ordinals.append(Int32(parts[0] * 12 + parts[1] - 1))
        case .week: ordinals.append(Int32((days - CivilDate.referenceMonday) / 7))
        }
      }
      return .period(PeriodColumn(unit: periodUnit, ordinals: ordinals, validity: valid))
    }
  }

  static func write(_ text: String, to path: String) throws(Failure) {
    guard let file = fopen(path, "w") else { throw Failure(description: "cannot write \(path)") }
    defer { fclose(file) }
    fputs(text, file)
  }

  static func read(_ path: String) throws(Failure) -> String {
    guard let file = fopen(path, "r") else { throw Failure(description: "cannot read \(path)") }
    defer { fclose(file) }
    var bytes: [UInt8] = []
    var buffer = [UInt8](repeating: 0, count: 65536)
    while true {
      let n = fread(&buffer, 1, buffer.count, file)
      if n <= 0 { break }
      bytes += buffer[0..<n]
    }
    return String(decoding: bytes, as: UTF8.self)
  }
}
