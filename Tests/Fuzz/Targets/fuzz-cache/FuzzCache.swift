// libFuzzer target: bytes → the columnar cache reader (`ColumnarFile.decode`) → a table or an error.
//
// The bytes are decoded twice: as they are (a damaged file must give a `ColumnarFileError`),
// and with the file-length field and the trailing checksum recomputed, so that mutations get
// past the checksum and reach the column decoding behind it. The seeds are cache files the
// code wrote (Tests/Fuzz/corpus/cache). A decoded table must be consistent and encode again.
@testable import TrappeIO
import TrappeStorage

#if canImport(Glibc)
  import Glibc
#endif

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzCache(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
  let bytes = data.map { Array(UnsafeBufferPointer(start: $0, count: size)) } ?? []
  decode(bytes)
  if bytes.count >= ColumnarFile.headerSize + 8 { decode(resealed(bytes)) }
  return 0
}

/// Decodes `bytes` with the fingerprint they carry, and checks a decoded table.
private func decode(_ bytes: [UInt8]) {
  var fingerprint: UInt64 = 0
  if bytes.count >= 24 {
    for i in 0..<8 { fingerprint |= UInt64(bytes[16 + i]) << (8 * UInt64(i)) }
  }
  do throws(ColumnarFileError) {
    let table = try ColumnarFile.decode(bytes, expectedFingerprint: fingerprint)
    precondition(table.schema.fields.count == table.columnCount, "schema and columns disagree")
    for (field, column) in zip(table.schema.fields, table.columns) {
      precondition(column.count == table.rowCount, "column \(field.name) has \(column.count) of \(table.rowCount) rows")
      precondition(column.type == field.type, "column \(field.name) is not of its field's type")
      if case .string(let strings) = column {
        for row in 0..<strings.count where strings.validity.isValid(row) {
          precondition(strings.code(at: row) < strings.dictionary.count, "code out of the dictionary")
        }
      }
    }
    // A table the reader accepts can be written again, and reads back the same.
    let again = ColumnarFile.encode(table, fingerprint: fingerprint)
    let reread = try ColumnarFile.decode(again, expectedFingerprint: fingerprint)
    precondition(reread.rowCount == table.rowCount && reread.schema == table.schema, "re-encoding changed the table")
  } catch {
    _ = error.diagnostic.rendered()
  }
}

/// `bytes` with the length field and the checksum trailer made right for their content.
private func resealed(_ bytes: [UInt8]) -> [UInt8] {
  var sealed = bytes
  let length = UInt64(sealed.count)
  for i in 0..<8 { sealed[ColumnarFile.lengthOffset + i] = UInt8(truncatingIfNeeded: length >> (8 * UInt64(i))) }
  let body = sealed.count - 8
  let checksum = sealed.withUnsafeBytes { ColumnarChecksum.compute(UnsafeRawBufferPointer(rebasing: $0[0..<body])) }
  for i in 0..<8 { sealed[body + i] = UInt8(truncatingIfNeeded: checksum >> (8 * UInt64(i))) }
  return sealed
}

/// With TRAPPE_FUZZ_WRITE_SEEDS=FOLDER, writes the seed corpus instead of fuzzing: the cache file of
/// every CSV in Tests/Fuzz/corpus/csv that loads, as `ColumnarFile.encode` writes it, then exits.
@_cdecl("LLVMFuzzerInitialize")
public func fuzzCacheInitialize(_ argc: UnsafeMutablePointer<CInt>?, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>?) -> CInt {
  guard let folder = getenv("TRAPPE_FUZZ_WRITE_SEEDS").map({ String(cString: $0) }) else { return 0 }
  var parts = "\(#filePath)".split(separator: "/", omittingEmptySubsequences: false)
  parts.removeLast(3)  // Targets/fuzz-cache/FuzzCache.swift
  let csvFolder = parts.joined(separator: "/") + "/corpus/csv"
  var written = 0
  for entry in Directory.entries(csvFolder) {
    guard let result = try? CSVReader.read(file: csvFolder + "/" + entry, options: CSVReadOptions()) else { continue }
    let name = entry.hasSuffix(".csv") ? String(entry.dropLast(4)) : entry
    let bytes = ColumnarFile.encode(result.table, fingerprint: 0x5EED_0000 + UInt64(written))
    if (try? AtomicFile.write(bytes: bytes, to: folder + "/" + name + ".trappecol")) != nil { written += 1 }
  }
  print("wrote \(written) cache files to \(folder)")
  exit(0)
}
