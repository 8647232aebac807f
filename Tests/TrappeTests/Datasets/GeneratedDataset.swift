#if canImport(Glibc)
  import Glibc
#endif
@testable import TrappeBase
@testable import TrappeStorage
@testable import TrappeIO
@testable import TrappeQuery
@testable import TrappeAnalysis
@testable import TrappeCharts
@testable import TrappeDatasets
@testable import TrappeShell
import TrappeTestSupport

/// A committed dataset CSV loaded with `CSVReader`, with typed cell access for the tests.
struct GeneratedDataset {
  /// The loaded table.
  let table: Table

  /// Loads `Datasets/NAME.csv`.
  init(_ name: String) throws {
    table = try CSVReader.read(file: ProjectRoot.datasets + "/\(name).csv", options: CSVReadOptions()).table
  }

  /// The number of rows.
  var rowCount: Int { table.rowCount }

  /// The integer in column `name` at `row` (0 when missing or not an integer).
  func int(_ name: String, _ row: Int) -> Int {
    switch table.column(named: name)?.value(at: row) {
    case .int64(let v): return Int(v)
    case .bool(let v): return v ? 1 : 0
    default: return 0
    }
  }

  /// The number in column `name` at `row`.
  func double(_ name: String, _ row: Int) -> Double {
    switch table.column(named: name)?.value(at: row) {
    case .int64(let v): return Double(v)
    case .double(let v): return v
    default: return 0
    }
  }

  /// The text in column `name` at `row`.
  func string(_ name: String, _ row: Int) -> String {
    switch table.column(named: name)?.value(at: row) {
    case .string(let v): return v
    case .some(let v): return v.description
    case .none: return ""
    }
  }

  /// The period in column `name` at `row`, nil when NULL.
  func period(_ name: String, _ row: Int) -> Period? {
    if case .period(let p) = table.column(named: name)?.value(at: row) { return p }
    return nil
  }

  /// The whole content of the file at `path`, or nil if it cannot be read.
  static func bytes(_ path: String) -> [UInt8]? {
    guard let file = fopen(path, "rb") else { return nil }
    defer { fclose(file) }
    var result: [UInt8] = []
    var chunk = [UInt8](repeating: 0, count: 1 << 16)
    while true {
      let n = chunk.withUnsafeMutableBytes { fread($0.baseAddress, 1, $0.count, file) }
      if n <= 0 { break }
      result.append(contentsOf: chunk[0..<n])
    }
    return result
  }
}
