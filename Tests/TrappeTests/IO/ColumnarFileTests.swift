import Testing

@testable import TrappeBase
@testable import TrappeStorage
@testable import TrappeIO
@testable import TrappeQuery
@testable import TrappeAnalysis
@testable import TrappeCharts
@testable import TrappeDatasets
@testable import TrappeShell

#if canImport(Glibc)
  import Glibc
#endif

@Suite struct ColumnarFileTests {
  /// A few rows of every column type, with NULLs, empty and non-ASCII strings and all period units.
  static func sampleTable() -> Table {
    let flags = [true, false, true, true, false]
    let mask = ValidityMask(flags: flags)
    let all = ValidityMask(allValid: 5)
    return Table([
      ("id", .int64(Int64Column(values: [1, 0, -3, Int64.max, 0], validity: mask))),
      ("x", .double(PrimitiveColumn(values: [1.5, 0, -0.0, .infinity, 0], validity: mask))),
      ("ok", .bool(PrimitiveColumn(values: [true, false, false, true, false], validity: mask))),
      ("navn æøå", .string(StringColumn(["Århus", nil, "", "Køge", "Århus"]))),
      ("empty", Column.nulls(.string, count: 5)),
      ("år", .period(PeriodColumn(unit: .year, ordinals: [2008, 0, 2009, 1999, 0], validity: mask))),
      ("kvartal", .period(PeriodColumn(unit: .quarter, ordinals: [8032, 8033, 8034, 8035, 8036], validity: all))),
      ("måned", .period(PeriodColumn(unit: .month, ordinals: [24096, 0, 24097, 24098, 0], validity: mask))),
      ("uge", .period(PeriodColumn(unit: .week, ordinals: [1900, 1901, 1902, 1903, 1904], validity: all))),
    ])
  }

  /// A table of `rows` rows: ints, doubles, strings of about 100 distinct values, periods, bools.
  static func largeTable(rows: Int) -> Table {
    var random = SeededGenerator(seed: 42)
    var ints: [Int64] = []
    var doubles: [Double] = []
    var bools: [Bool] = []
    var months: [Int32] = []
    var flags: [Bool] = []
    var strings: [String?] = []
    let names = (0..<100).map { "kommune \($0) æøå" }
    for row in 0..<rows {
      ints.append(Int64(bitPattern: random.next()))
      doubles.append(Double(random.below(1_000_000)) / 7)
      bools.append(random.chance(50))
      months.append(Int32(24_000 + row % 240))
      flags.append(!random.chance(5))
      strings.append(random.chance(3) ? nil : random.pick(names))
    }
    let mask = ValidityMask(flags: flags)
    return Table([
      ("a", .int64(Int64Column(ints))),
      ("b", .int64(Int64Column(values: ints.reversed(), validity: mask))),
      ("c", .double(PrimitiveColumn(doubles))),
      ("d", .double(PrimitiveColumn(values: doubles.reversed(), validity: mask))),
      ("e", .string(StringColumn(strings))),
      ("f", .string(StringColumn(strings.reversed()))),
      ("g", .period(PeriodColumn(unit: .month, ordinals: months, validity: ValidityMask(allValid: rows)))),
      ("h", .period(PeriodColumn(unit: .year, ordinals: months.map { $0 / 12 }, validity: mask))),
      ("i", .bool(PrimitiveColumn(bools))),
      ("j", .int64(Int64Column((0..<Int64(rows)).map { $0 }))),
    ])
  }

  /// `bytes` with its trailing checksum recomputed, so a crafted change reaches the structural checks.
  static func resealed(_ bytes: [UInt8]) -> [UInt8] {
    var copy = bytes
    let body = copy.count - 8
    let sum = copy.withUnsafeBytes { ColumnarChecksum.compute(UnsafeRawBufferPointer(rebasing: $0[0..<body])) }
    withUnsafeBytes(of: sum.littleEndian) { for i in 0..<8 { copy[body + i] = $0[i] } }
    return copy
  }

  static func decodeError(_ bytes: [UInt8], fingerprint: UInt64 = 7) -> ColumnarFileError? {
    do {
      _ = try ColumnarFile.decode(bytes, expectedFingerprint: fingerprint)
      return nil
    } catch {
      return error
    }
  }

  @Test func roundTripsEveryColumnType() throws {
    let table = Self.sampleTable()
    let bytes = ColumnarFile.encode(table, fingerprint: 7)
    #expect(Array(bytes[0..<8]) == Array("TRAPPE1".utf8) + [0])
    let back = try ColumnarFile.decode(bytes, expectedFingerprint: 7)
    #expect(back == table)
    #expect(back.column(named: "navn æøå")?.value(at: 2) == .string(""))
    #expect(back.column(named: "uge")?.value(at: 0) == table.column(named: "uge")?.value(at: 0))
    #expect(back.columns.map(\.periodUnit) == table.columns.map(\.periodUnit))
  }

  @Test func roundTripsNaNBitPatterns() throws {
    let values: [Double] = [.nan, -.nan, .signalingNaN, -0.0, .leastNonzeroMagnitude]
    let table = Table([("x", .double(PrimitiveColumn(values)))])
    let back = try ColumnarFile.decode(ColumnarFile.encode(table, fingerprint: 1), expectedFingerprint: 1)
    guard case .double(let c) = back.columns[0] else {
      Issue.record("expected a double column")
      return
    }
    #expect(c.values.map(\.bitPattern) == values.map(\.bitPattern))
  }

  @Test func roundTripsZeroRowsAndZeroColumns() throws {
    let noRows = Self.sampleTable().gather([])
    #expect(noRows.rowCount == 0)
    #expect(try ColumnarFile.decode(ColumnarFile.encode(noRows, fingerprint: 3), expectedFingerprint: 3) == noRows)
    let none = Table.empty
    #expect(try ColumnarFile.decode(ColumnarFile.encode(none, fingerprint: 3), expectedFingerprint: 3) == none)
  }

  @Test func roundTripsLargeTable() throws {
    let table = Self.largeTable(rows: 200_000)
    let bytes = ColumnarFile.encode(table, fingerprint: 99)
    #expect(try ColumnarFile.decode(bytes, expectedFingerprint: 99) == table)
  }

  @Test func writesAndReadsFileAtomically() throws {
    let dir = try TemporaryDirectory()
    let path = dir.path + "/t.trappecol"
    let table = Self.sampleTable()
    try ColumnarFile.write(table, fingerprint: 5, to: path)
    try ColumnarFile.write(table, fingerprint: 5, to: path)
    #expect(dir.entries() == ["t.trappecol"])
    #expect(try ColumnarFile.read(path: path, expectedFingerprint: 5) == table)
    #expect(throws: ColumnarFileError.fingerprintMismatch) {
      try ColumnarFile.read(path: path, expectedFingerprint: 6)
    }
    #expect(throws: ColumnarFileError.cannotRead("No such file or directory")) {
      try ColumnarFile.read(path: dir.path + "/missing", expectedFingerprint: 5)
    }
    #expect(throws: ColumnarFileError.cannotRead("not a regular file")) {
      try ColumnarFile.read(path: dir.path, expectedFingerprint: 5)
    }
  }

  @Test func rejectsWrongMagicVersionAndFingerprint() {
    let bytes = ColumnarFile.encode(Self.sampleTable(), fingerprint: 7)
    var magic = bytes
    magic[0] = UInt8(ascii: "X")
    #expect(Self.decodeError(magic) == .badMagic)
    #expect(Self.decodeError(Array("PK\u{3}\u{4}".utf8)) == .badMagic)
    #expect(Self.decodeError([]) == .truncated)
    var version = bytes
    version[8] = 3
    #expect(Self.decodeError(Self.resealed(version)) == .unsupportedVersion(3))
    #expect(Self.decodeError(bytes, fingerprint: 8) == .fingerprintMismatch)
    #expect(ColumnarFileError.fingerprintMismatch.diagnostic.message == "columnar file is stale")
  }

  @Test func rejectsEveryTruncation() {
    let bytes = ColumnarFile.encode(Self.sampleTable(), fingerprint: 7)
    for length in 0..<bytes.count {
      #expect(Self.decodeError(Array(bytes[0..<length])) != nil, "prefix of \(length) bytes")
    }
    #expect(Self.decodeError(bytes + [0]) == .corrupt("bytes after the end of the file"))
  }

  @Test func rejectsEveryFlippedByte() {
    let bytes = ColumnarFile.encode(Self.sampleTable(), fingerprint: 7)
    for index in bytes.indices {
      for flip: UInt8 in [0x01, 0x80, 0xFF] {
        var damaged = bytes
        damaged[index] ^= flip
        #expect(Self.decodeError(damaged) != nil, "byte \(index) ^ \(flip)")
      }
    }
  }

  @Test func rejectsDictionaryCodeOutOfRange() {
    let table = Table([("s", .string(StringColumn(["a", "b", "a"])))])
    var bytes = ColumnarFile.encode(table, fingerprint: 7)
    // Header 48, name length 8 + "s", tag, unit, validity flag, code width 8: codes start at 61.
    #expect(bytes[60] == 8 && bytes[61] == 0 && bytes[62] == 1)
    bytes[62] = 2
    #expect(Self.decodeError(Self.resealed(bytes)) == .corrupt("column s has a dictionary code out of range"))
    // Without resealing the checksum catches it first.
    #expect(Self.decodeError(bytes) == .checksumMismatch)
  }

  @Test func acceptsOutOfRangeCodesOnlyInNullRows() throws {
    let column = StringColumn(codes: [0, 9], dictionary: ["a"], validity: ValidityMask(flags: [true, false]))
    let table = Table([("s", .string(column))])
    #expect(try ColumnarFile.decode(ColumnarFile.encode(table, fingerprint: 7), expectedFingerprint: 7) == table)
  }

  @Test func rejectsInvalidUTF8() {
    let table = Table([("ab", .string(StringColumn(["x"])))])
    var name = ColumnarFile.encode(table, fingerprint: 7)
    #expect(name[56] == UInt8(ascii: "a"))
    name[56] = 0xFF
    #expect(Self.decodeError(Self.resealed(name)) == .corrupt("the name of column 1 is not valid UTF-8"))
    var entry = ColumnarFile.encode(table, fingerprint: 7)
    // 56 name, 58 tag, unit, flag, 61 code width, 62 code (8-bit), 63 count, 71 length, 79 "x".
    #expect(entry[79] == UInt8(ascii: "x"))
    entry[79] = 0xC3
    #expect(Self.decodeError(Self.resealed(entry)) == .corrupt("entry 0 of column ab is not valid UTF-8"))
  }

  @Test func rejectsBadTagsUnitsFlagsAndBooleans() {
    let bools = ColumnarFile.encode(Table([("b", .bool(PrimitiveColumn([true, false])))]), fingerprint: 7)
    // 57 tag, 58 unit, 59 flag, 60 values.
    var tag = bools
    tag[57] = 9
    #expect(Self.decodeError(Self.resealed(tag)) == .corrupt("column b has unknown type tag 9"))
    var unit = bools
    unit[58] = 1
    #expect(Self.decodeError(Self.resealed(unit)) == .corrupt("column b is not a period column but has a period unit"))
    var flag = bools
    flag[59] = 2
    #expect(Self.decodeError(Self.resealed(flag)) == .corrupt("column b has an invalid validity flag"))
    var value = bools
    value[61] = 2
    #expect(Self.decodeError(Self.resealed(value)) == .corrupt("column b has a boolean byte other than 0 and 1"))
    var period = ColumnarFile.encode(
      Table([("p", .period(PeriodColumn(unit: .week, ordinals: [1], validity: ValidityMask(allValid: 1))))]),
      fingerprint: 7)
    period[58] = 4
    #expect(Self.decodeError(Self.resealed(period)) == .corrupt("column p has unknown period unit 4"))
  }

  @Test func rejectsHugeCountsWithoutAllocating() {
    var bytes = ColumnarFile.encode(Self.sampleTable(), fingerprint: 7)
    for i in 32..<40 { bytes[i] = 0xFF }  // row count
    #expect(Self.decodeError(Self.resealed(bytes)) == .truncated)
    // A row count that fits an Int but not the file: once trapped on `rows + 63` (found by fuzzing).
    var rows = ColumnarFile.encode(Self.sampleTable(), fingerprint: 7)
    for i in 32..<40 { rows[i] = i == 39 ? 0x7F : 0xFF }  // Int.max
    #expect(Self.decodeError(Self.resealed(rows)) == .truncated)
    var columns = ColumnarFile.encode(Self.sampleTable(), fingerprint: 7)
    columns[44] = 0x7F  // column count
    #expect(Self.decodeError(Self.resealed(columns)) == .truncated)
  }

  @Test func cacheStoresAndReadsBack() throws {
    let dir = try TemporaryDirectory()
    let csv = dir.path + "/data.csv"
    try AtomicFile.write("a,b\n1,2\n", to: csv)
    let cache = DatasetCache(directory: dir.path + "/cache/datasets")
    defer {
      unlink(cache.path(for: "kommuner"))
      rmdir(cache.directory)
      rmdir(dir.path + "/cache")
    }
    let table = Self.sampleTable()
    let fingerprint = DatasetCache.fingerprint(files: [csv], extra: "manifest v1")
    #expect(cache.cachedTable(for: "kommuner", fingerprint: fingerprint) == nil)
    cache.store(table, for: "kommuner", fingerprint: fingerprint)
    #expect(cache.cachedTable(for: "kommuner", fingerprint: fingerprint) == table)
    #expect(DatasetCache.fingerprint(files: [csv], extra: "manifest v1") == fingerprint)
    #expect(DatasetCache.fingerprint(files: [csv], extra: "manifest v2") != fingerprint)
  }

  @Test func cacheIsStaleAfterSourceChanges() throws {
    let dir = try TemporaryDirectory()
    let csv = dir.path + "/data.csv"
    try AtomicFile.write("a,b\n1,2\n", to: csv)
    let cache = DatasetCache(directory: dir.path)
    let before = DatasetCache.fingerprint(files: [csv], extra: "m")
    cache.store(Self.sampleTable(), for: "d", fingerprint: before)
    var times = [timeval(tv_sec: 1_000_000_000, tv_usec: 0), timeval(tv_sec: 1_000_000_000, tv_usec: 0)]
    #expect(utimes(csv, &times) == 0)
    let after = DatasetCache.fingerprint(files: [csv], extra: "m")
    #expect(after != before)
    #expect(cache.cachedTable(for: "d", fingerprint: after) == nil)
    #expect(cache.cachedTable(for: "d", fingerprint: before) != nil)
  }

  @Test func corruptCacheFileReadsAsNil() throws {
    let dir = try TemporaryDirectory()
    let cache = DatasetCache(directory: dir.path)
    cache.store(Self.sampleTable(), for: "d", fingerprint: 1)
    var bytes = try TextFile.readBytes(cache.path(for: "d"))
    bytes[bytes.count / 2] ^= 0x10
    try AtomicFile.write(bytes: bytes, to: cache.path(for: "d"))
    #expect(cache.cachedTable(for: "d", fingerprint: 1) == nil)
    try AtomicFile.write(bytes: Array(bytes[0..<20]), to: cache.path(for: "d"))
    #expect(cache.cachedTable(for: "d", fingerprint: 1) == nil)
  }

  @Test func cachePathsEscapeUnsafeNames() {
    let cache = DatasetCache(directory: "/c")
    #expect(cache.path(for: "kommune_panel-2") == "/c/kommune_panel-2.trappecol")
    #expect(cache.path(for: "../x/æ") == "/c/%2E%2E%2Fx%2F%C3%A6.trappecol")
    #expect(DatasetCache.defaultDirectory.hasSuffix("/trappe/datasets"))
  }
}
