@testable import TrappeBase
@testable import TrappeStorage
@testable import TrappeIO
@testable import TrappeQuery
@testable import TrappeAnalysis
@testable import TrappeCharts
@testable import TrappeDatasets
@testable import TrappeShell

/// Reads CSV text (or bytes) named `data.csv` with the given options.
func loadCSV(_ text: String, _ options: CSVReadOptions = CSVReadOptions()) throws -> CSVReadResult {
  try CSVReader.read(bytes: Array(text.utf8), name: "data.csv", options: options)
}

/// Reads CSV bytes named `data.csv` with the given options.
func loadCSV(bytes: [UInt8], _ options: CSVReadOptions = CSVReadOptions()) throws -> CSVReadResult {
  try CSVReader.read(bytes: bytes, name: "data.csv", options: options)
}

/// The error thrown when reading `bytes`, or nil when reading succeeds.
func csvError(bytes: [UInt8], _ options: CSVReadOptions = CSVReadOptions()) -> CSVError? {
  do {
    _ = try CSVReader.read(bytes: bytes, name: "data.csv", options: options)
    return nil
  } catch {
    return error
  }
}

/// The error thrown when reading `text`, or nil when reading succeeds.
func csvError(_ text: String, _ options: CSVReadOptions = CSVReadOptions()) -> CSVError? {
  csvError(bytes: Array(text.utf8), options)
}

/// Every value of a column, boxed, for comparisons.
func values(_ table: Table, _ name: String) -> [Value] {
  guard let column = table.column(named: name) else { return [] }
  return (0..<column.count).map { column.value(at: $0) }
}
