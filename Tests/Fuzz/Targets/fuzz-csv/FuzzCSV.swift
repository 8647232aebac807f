// libFuzzer target: bytes → the CSV reader → a typed table or a positioned error.
//
// Every input is read twice: with the defaults (delimiter, encoding, decimal separator and
// types detected, as `.load FILE` does) and with options picked from a hash of the bytes
// (as `.load FILE delimiter=… encoding=… decimal=… header=… types=…` does). A table is then
// rendered and exported, an error rendered as its diagnostic; both must keep their invariants.
// TRAPPE_FUZZ_VERBOSE=1 prints the options of the second read (to write a regression check).
@testable import TrappeIO
import TrappeBase
import TrappeStorage

#if canImport(Glibc)
  import Glibc
#endif

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzCSV(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
  let bytes = data.map { Array(UnsafeBufferPointer(start: $0, count: size)) } ?? []
  guard let table = read(bytes, options: CSVReadOptions()) else { return 0 }
  var options = pickedOptions(bytes)
  // Force the first column's type: the overrides' parse path and its positioned bad-value errors.
  if let first = table.schema.names.first, options.hasHeader {
    let types: [DataType] = [.int64, .double, .bool, .string, .period]
    options.typeOverrides[first] = types[Int(fnv(bytes) >> 40) % types.count]
  }
  if getenv("TRAPPE_FUZZ_VERBOSE") != nil {
    print("options: \(options)")
  }
  _ = read(bytes, options: options)
  return 0
}

/// Reads `bytes` with `options`, checks the result's invariants and renders it.
private func read(_ bytes: [UInt8], options: CSVReadOptions) -> Table? {
  do throws(CSVError) {
    let result = try CSVReader.read(bytes: bytes, name: "fuzz.csv", options: options, isInterrupted: { false })
    let table = result.table
    precondition(table.schema.fields.count == table.columnCount, "schema and columns disagree")
    for (field, column) in zip(table.schema.fields, table.columns) {
      precondition(column.count == table.rowCount, "column \(field.name) has \(column.count) of \(table.rowCount) rows")
      precondition(column.type == field.type, "column \(field.name) is not of its field's type")
    }
    precondition(result.rowCount == table.rowCount, "the result's row count is not the table's")
    precondition(Set(table.schema.names).count == table.columnCount, "duplicate column names")
    var render = RenderOptions()
    render.maxWidth = 100
    render.maxRows = 20
    _ = BoxRenderer(options: render).render(table)
    _ = TableExporter.export(table, format: .csv, options: ExportOptions(), suppressed: SuppressionMask())
    return table
  } catch {
    let diagnostic = error.diagnostic
    _ = diagnostic.rendered(color: true)
    switch error {
    case .unterminatedQuote(let p), .textAfterQuote(let p, _), .raggedRow(let p, _, _, _),
      .undecodableByte(let p, _, _, _), .badValue(let p, _, _, _), .mixedEncoding(let p, _):
      precondition(p.location.line >= 1 && p.location.column >= 1, "error position \(p.location) is not 1-based")
      precondition(diagnostic.location != nil, "a positioned CSV error lost its position")
    case .emptyFile, .unknownColumn, .notText, .undecodableUTF16, .overBudget: break
    case .cannotOpen, .cannotRead, .notAFile, .interrupted:
      preconditionFailure("reading bytes in memory failed with \(error)")
    }
    return nil
  }
}

/// Options picked from the input's hash, so each input also runs one non-default reading.
private func pickedOptions(_ bytes: [UInt8]) -> CSVReadOptions {
  let h = fnv(bytes)
  let delimiters: [UInt8?] = [nil, 0x2C, 0x3B, 0x09, 0x7C]
  let encodings = TextEncoding.allCases
  let decimals = DecimalSeparator.allCases
  return CSVReadOptions(
    delimiter: delimiters[Int(h % 5)], encoding: encodings[Int(h >> 8) % encodings.count],
    decimalSeparator: decimals[Int(h >> 16) % decimals.count], hasHeader: (h >> 24) & 3 != 0)
}

/// FNV-1a over the bytes.
private func fnv(_ bytes: [UInt8]) -> UInt64 {
  var h: UInt64 = 0xcbf2_9ce4_8422_2325
  for b in bytes { h = (h ^ UInt64(b)) &* 0x100_0000_01b3 }
  return h
}
