import Testing

@testable import TrappeBase
@testable import TrappeStorage
@testable import TrappeIO
@testable import TrappeQuery
@testable import TrappeShell
import TrappeTestSupport

/// String columns store their dictionary codes in 8, 16 or 32 bits, sized to the dictionary
/// (issue 16, item 2). The expected strings and counts are built here from plain Swift arrays,
/// not read back from Trappe.
@Suite(.serialized) struct DictionaryCodesTests {
  /// "s0", "s1", … "s<n-1>".
  static func names(_ n: Int) -> [String] { (0..<n).map { "s\($0)" } }

  /// A column with `distinct` distinct strings, each once, then `extra` repeats of the last one.
  static func column(distinct: Int, prefix: String = "s") -> StringColumn {
    StringColumn((0..<distinct).map { "\(prefix)\($0)" })
  }

  static func strings(_ c: StringColumn) -> [String?] { (0..<c.count).map { c[$0] } }

  @Test func widthFollowsTheDictionarySizeAtEachBoundary() {
    #expect(Self.column(distinct: 1).codeBitWidth == 8)
    #expect(Self.column(distinct: 256).codeBitWidth == 8)
    #expect(Self.column(distinct: 257).codeBitWidth == 16)
    #expect(Self.column(distinct: 65_536).codeBitWidth == 16)
    #expect(Self.column(distinct: 65_537).codeBitWidth == 32)
    // The values survive the narrowing: the last entry of each is its own string.
    for n in [256, 257, 65_536, 65_537] {
      let c = Self.column(distinct: n)
      #expect(c[n - 1] == "s\(n - 1)" && c[0] == "s0")
      #expect(Self.strings(c) == Self.names(n).map { Optional($0) })
    }
  }

  /// The builder crosses 256 and 65,536 entries while appending; rows appended before the
  /// crossing keep their strings.
  @Test func builderCrossesTheBoundariesWhileAppending() {
    var builder = StringColumnBuilder()
    var expected: [String?] = []
    for i in 0..<65_600 {
      // Earlier strings come back between new ones, so old codes are appended late too.
      let s = i % 3 == 0 ? "s\(i / 3)" : "n\(i)"
      builder.append(s)
      expected.append(s)
      if i % 1000 == 0 {
        builder.appendNull()
        expected.append(nil)
      }
    }
    let c = builder.finish()
    #expect(c.dictionary.count > 65_536 && c.codeBitWidth == 32)
    #expect(Self.strings(c) == expected)

    var small = StringColumnBuilder()
    for i in 0..<257 { small.append("v\(i)") }
    small.appendNull()
    small.append("v3")
    let s = small.finish()
    #expect(s.codeBitWidth == 16)
    #expect(s[256] == "v256" && s[257] == nil && s[258] == "v3")
  }

  @Test func nullsAndAnEmptyDictionaryTakeEightBits() {
    let nulls = Column.nulls(.string, count: 5)
    guard case .string(let c) = nulls else {
      Issue.record("expected a string column")
      return
    }
    #expect(c.codeBitWidth == 8 && c.dictionary.isEmpty && c.codeByteCount == 5)
    #expect(Self.strings(c) == [nil, nil, nil, nil, nil])
    let mixed = StringColumn(["a", nil, "b", nil])
    #expect(mixed.codeBitWidth == 8 && Self.strings(mixed) == ["a", nil, "b", nil])
  }

  /// A code beyond the dictionary in a null slot widens the column rather than being truncated.
  @Test func outOfDictionaryCodeInANullSlotIsKept() {
    let c = StringColumn(codes: [0, 300], dictionary: ["a"], validity: ValidityMask(flags: [true, false]))
    #expect(c.codeBitWidth == 16 && c.code(at: 1) == 300 && c[1] == nil)
  }

  @Test func concatOfDifferentWidthsWidensToTheMergedDictionary() throws {
    // 200 + 200 disjoint entries: each side 8-bit, merged 400 entries need 16 bits.
    let a = Self.column(distinct: 200, prefix: "a")
    let b = Self.column(distinct: 200, prefix: "b")
    #expect(a.codeBitWidth == 8 && b.codeBitWidth == 8)
    guard case .string(let ab)? = Column.string(a).concatenated(.string(b)) else {
      Issue.record("expected a string column")
      return
    }
    #expect(ab.codeBitWidth == 16 && ab.count == 400)
    #expect(Self.strings(ab) == (0..<200).map { "a\($0)" } + (0..<200).map { "b\($0)" })

    // 8-bit with a 16-bit column sharing some entries.
    let wide = Self.column(distinct: 300, prefix: "a")
    guard case .string(let mixed)? = Column.string(b).concatenated(.string(wide)) else {
      Issue.record("expected a string column")
      return
    }
    #expect(mixed.codeBitWidth == 16 && mixed.dictionary.count == 500)
    #expect(Self.strings(mixed) == (0..<200).map { "b\($0)" } + (0..<300).map { "a\($0)" })

    // union of tables goes through the same path
    let t1 = Table([("k", .string(a))])
    let t2 = Table([("k", .string(wide))])
    let captured = CapturedSession()
    captured.add("t1", t1)
    captured.add("t2", t2)
    #expect(captured.session.run("t1 | union (t2) | summarize n = count_distinct(k), rows = count()") == .success, "\(captured.errors)")
    let result = try #require(captured.session.results.last)
    // a0…a199 are in both: 300 distinct, 500 rows.
    #expect(result.column(named: "n")?.value(at: 0) == .int64(300))
    #expect(result.column(named: "rows")?.value(at: 0) == .int64(500))
  }

  @Test func gatherScatterSliceAndMorselsKeepTheWidth() {
    let c = Self.column(distinct: 300)
    let gathered = Column.string(c).gather([299, 0, -1, 256])
    guard case .string(let g) = gathered else {
      Issue.record("expected a string column")
      return
    }
    #expect(g.codeBitWidth == 16 && Self.strings(g) == ["s299", "s0", nil, "s256"])
    let small = Self.column(distinct: 10)
    guard case .string(let g8) = Column.string(small).gather([9, 1]) else { return }
    #expect(g8.codeBitWidth == 8 && Self.strings(g8) == ["s9", "s1"])
    guard case .string(let sliced) = Column.string(c).morsel(250..<260) else {
      Issue.record("expected a string column")
      return
    }
    #expect(sliced.codeBitWidth == 16 && Self.strings(sliced) == (250..<260).map { "s\($0)" })
    guard case .string(let scattered) = Column.string(g8).scatter([3, 0], count: 4) else { return }
    #expect(scattered.codeBitWidth == 8 && Self.strings(scattered) == ["s1", nil, nil, "s9"])
  }

  /// Filters, groups, sorts and count_distinct on a 16-bit column, where a code above 255
  /// would be truncated by an 8-bit kernel.
  @Test func queriesOnSixteenBitCodes() throws {
    // 300 names, name i repeated (i % 3) + 1 times, in reverse order.
    var values: [String?] = []
    for i in (0..<300).reversed() { for _ in 0...(i % 3) { values.append("s\(i)") } }
    values.append(nil)
    let captured = CapturedSession()
    captured.add("t", Table([("k", .string(StringColumn(values)))]))
    #expect(captured.session.run("t | where k == \"s299\" | summarize n = count()") == .success)
    #expect(captured.session.results.last?.column(named: "n")?.value(at: 0) == .int64(3))  // 299 % 3 + 1
    #expect(captured.session.run("t | where k != \"s43\" | summarize n = count()") == .success)
    // != drops NULL and the three rows of s43 (43 % 3 = 1: two rows).
    let allButS43 = Int64(values.count - 1 - 2)
    #expect(captured.session.results.last?.column(named: "n")?.value(at: 0) == .int64(allButS43))
    #expect(captured.session.run("t | where k in (\"s257\", \"s3\") | summarize n = count()") == .success)
    // s257: 257 % 3 + 1 = 3 rows; s3: 3 % 3 + 1 = 1 row.
    #expect(captured.session.results.last?.column(named: "n")?.value(at: 0) == .int64(4))
    #expect(captured.session.run("t | summarize n = count() by k | where k == \"s298\"") == .success)
    #expect(captured.session.results.last?.column(named: "n")?.value(at: 0) == .int64(2))  // 298 % 3 + 1
    #expect(captured.session.run("t | summarize d = count_distinct(k)") == .success)
    #expect(captured.session.results.last?.column(named: "d")?.value(at: 0) == .int64(300))
    #expect(captured.session.run("t | where k != \"\" | sort by k | take 1") == .success)
    #expect(captured.session.results.last?.column(named: "k")?.value(at: 0) == .string("s0"))
  }

  /// Joins between an 8-bit and a 16-bit key column, and between two 16-bit ones with
  /// different dictionaries, in both directions.
  @Test func joinsBetweenDifferentWidths() throws {
    let narrow = StringColumn(["s5", "s280", nil, "s0", "x"])
    let wide = Self.column(distinct: 300)
    #expect(narrow.codeBitWidth == 8 && wide.codeBitWidth == 16)
    let inner = try HashJoin.match(left: [.string(narrow)], right: [.string(wide)], kind: .inner)
    #expect(inner.left == [0, 1, 3] && inner.right == [5, 280, 0])
    let back = try HashJoin.match(left: [.string(wide)], right: [.string(narrow)], kind: .inner)
    #expect(back.left == [0, 5, 280] && back.right == [3, 0, 1])
    let otherWide = StringColumn((0..<400).reversed().map { "s\($0)" })
    let both = try HashJoin.match(left: [.string(otherWide)], right: [.string(wide)], kind: .inner)
    // otherWide row r holds s(399 - r); it matches wide row 399 - r for s0…s299.
    #expect(both.left == Array(100..<400).map { Int32($0) })
    #expect(both.right == Array((0..<300).reversed()).map { Int32($0) })
  }

  @Test func cacheRoundTripKeepsTheWidth() throws {
    let table = Table([
      ("k8", .string(StringColumn(["a", nil, "b", "a"]))),
      ("k16", .string(StringColumn(codes: [0, 299, 256, 1], dictionary: Self.names(300), validity: ValidityMask(allValid: 4)))),
    ])
    let back = try ColumnarFile.decode(ColumnarFile.encode(table, fingerprint: 5), expectedFingerprint: 5)
    #expect(back == table)
    guard case .string(let k8) = back.columns[0], case .string(let k16) = back.columns[1] else {
      Issue.record("expected string columns")
      return
    }
    #expect(k8.codeBitWidth == 8 && k16.codeBitWidth == 16)
    #expect(Self.strings(k16) == ["s0", "s299", "s256", "s1"])
  }

  /// A version 1 cache file (32-bit codes, no width byte), written here byte by byte, is refused
  /// (the dataset cache then parses the CSV again); an unknown width byte is damage, not a misread.
  @Test func versionOneCacheIsRefused() throws {
    var bytes: [UInt8] = []
    func u64(_ v: UInt64) { withUnsafeBytes(of: v.littleEndian) { bytes += $0 } }
    func u32(_ v: UInt32) { withUnsafeBytes(of: v.littleEndian) { bytes += $0 } }
    bytes += Array("TRAPPE1".utf8) + [0]
    u32(1)  // version 1
    u32(0)
    u64(9)  // fingerprint
    u64(0)  // length, patched below
    u64(3)  // rows
    u64(1)  // columns
    u64(1)
    bytes += Array("k".utf8)
    bytes += [ColumnarTypeTag.string.rawValue, 0, 0]
    for code: UInt32 in [1, 0, 1] { u32(code) }
    u64(2)
    for entry in ["Køge", "Aarhus"] {
      u64(UInt64(entry.utf8.count))
      bytes += Array(entry.utf8)
    }
    let length = UInt64(bytes.count + 8)
    withUnsafeBytes(of: length.littleEndian) { for i in 0..<8 { bytes[24 + i] = $0[i] } }
    u64(0)  // checksum, sealed below
    let sealed = ColumnarFileTests.resealed(bytes)
    #expect(ColumnarFileTests.decodeError(sealed, fingerprint: 9) == .unsupportedVersion(1))

    // The current version with a width byte of 12 is refused.
    let current = ColumnarFile.encode(Table([("k", .string(StringColumn(["a"])))]), fingerprint: 9)
    var damaged = current
    // Header 48, name length 8 + "k", tag, unit, validity flag: the width byte is at 60.
    #expect(damaged[60] == 8)
    damaged[60] = 12
    #expect(ColumnarFileTests.decodeError(ColumnarFileTests.resealed(damaged), fingerprint: 9)
      == .corrupt("column k has code width 12, not 8, 16 or 32"))
  }

  /// A CSV cut into morsels whose merged dictionary passes 256 entries (each morsel alone has
  /// fewer): the loader writes 16-bit codes, with nulls, the same as one morsel does.
  @Test func csvLoadInMorselsSizesTheMergedDictionary() throws {
    var text = "k,n\n"
    var expected: [String?] = []
    for i in 0..<600 {
      let value: String? = i % 50 == 7 ? nil : "v\(i % 300)"
      text += (value ?? "") + ",\(i)\n"
      expected.append(value)
    }
    let bytes = Array(text.utf8)
    for (threads, morsel) in [(1, 1 << 30), (3, 64), (1, 200), (2, 1000)] {
      Parallelism.setThreads(threads)
      defer { Parallelism.setThreads(0) }
      let table = try CSVReader.read(bytes: bytes, name: "data.csv", options: CSVReadOptions(), morselBytes: morsel).table
      guard case .string(let k)? = table.column(named: "k") else {
        Issue.record("expected a string column k")
        return
      }
      #expect(k.codeBitWidth == 16 && k.dictionary.count > 256, "\(threads) threads, morsels of \(morsel)")
      #expect(Self.strings(k) == expected, "\(threads) threads, morsels of \(morsel)")
    }
    // 256 distinct strings stay 8-bit.
    let small = "k\n" + (0..<512).map { "w\($0 % 256)\n" }.joined()
    let t = try CSVReader.read(bytes: Array(small.utf8), name: "s.csv", options: CSVReadOptions(), morselBytes: 100).table
    guard case .string(let w)? = t.column(named: "k") else { return }
    #expect(w.codeBitWidth == 8 && w[511] == "w255")
  }

  @Test func memoryShowsTheCodeWidth() {
    let captured = CapturedSession()
    captured.add("t", Table([("k", .string(Self.column(distinct: 300)))]))
    #expect(captured.session.run(".memory") == .success)
    // 300 rows × 2 bytes = 600.
    #expect(captured.standard.contains("(codes 600 (16-bit), dictionary "))
  }
}
