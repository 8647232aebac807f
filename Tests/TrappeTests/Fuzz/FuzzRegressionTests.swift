import Testing
import TrappeTestSupport

@testable import TrappeBase
@testable import TrappeStorage
@testable import TrappeIO

/// The inputs the fuzz targets (Tests/Fuzz, docs/fuzzing.md) found crashing, replayed through the
/// normal build the way their target runs them, each with the answer it must now give.
/// The inputs are in Tests/Fuzz/regressions/TARGET/ (and in the target's seed corpus).
@Suite struct FuzzRegressionTests {
  static func input(_ target: String, _ name: String) throws -> [UInt8] {
    try TextFile.readBytes(ProjectRoot.file("Tests/Fuzz/regressions/\(target)/\(name)"))
  }

  /// A cache file whose row count is Int.max (and whose checksum the target recomputed): the
  /// decoder trapped computing the validity mask's size, `(rows + 63) >> 6`, and would have tried
  /// to allocate it. The rows cannot fit the 78-byte file, so it is truncated.
  @Test func cacheRowCountBeyondTheFileIsTruncation() throws {
    // As the target reads it: the file-length field and the checksum made right for the bytes.
    var raw = try Self.input("cache", "row-count-int-max.trappecol")
    for i in 0..<8 { raw[24 + i] = UInt8(truncatingIfNeeded: raw.count >> (8 * i)) }
    // The input was written at version 1; the row-count check under test comes after the version check.
    raw[8] = UInt8(ColumnarFile.version)
    let bytes = ColumnarFileTests.resealed(raw)
    let fingerprint = bytes[16..<24].enumerated().reduce(UInt64(0)) { $0 | UInt64($1.element) << (8 * UInt64($1.offset)) }
    #expect(ColumnarFileTests.decodeError(bytes, fingerprint: fingerprint) == .truncated)
  }
}
