import Testing
@testable import TrappeBase
@testable import TrappeStorage
@testable import TrappeShell
import TrappeTestSupport

/// `.memory` lists every column's bytes and gives totals in MiB (issue 16, item 2). The expected
/// bytes are worked out by hand from the storage layout, not taken from Trappe's output.
@Suite struct MemoryCommandTests {
  /// id int [1, null, 3]: 3 × 8 = 24 bytes of values + one 8-byte word of null bits = 32.
  /// share double: 3 × 8 = 24. ok bool: 3 × 1 = 3.
  /// kommune string [Aarhus, Aarhus, Ringkøbing-Skjern Kommune]: 2 dictionary entries fit 8-bit
  /// codes, 3 × 1 = 3; dictionary of 2 strings: "Aarhus" (6 bytes, inside its 16-byte String) =
  /// 16, "Ringkøbing-Skjern Kommune" (26 UTF-8 bytes, ø takes 2) = 16 + 32 header + 26 + 1
  /// terminator = 75; 3 + 16 + 75 = 94. Table: 32 + 24 + 3 + 94 = 153 bytes.
  static var small: Table {
    var id = PrimitiveColumnBuilder<Int64>(placeholder: 0)
    id.append(1)
    id.appendNull()
    id.append(3)
    return Table([
      ("id", .int64(id.finish())),
      ("share", .double(PrimitiveColumn<Double>([0.5, 1.5, 2.5]))),
      ("ok", .bool(PrimitiveColumn<Bool>([true, false, true]))),
      ("kommune", .string(StringColumn(["Aarhus", "Aarhus", "Ringkøbing-Skjern Kommune"]))),
    ])
  }

  @Test func listsTheBytesOfEveryColumn() {
    let captured = CapturedSession()
    captured.add("t", Self.small)
    #expect(captured.session.run(".memory") == .success)
    let lines = captured.standard.split(separator: "\n").map(String.init)
    let expected = [
      "t: 3 rows, 4 columns: 153 bytes (0.0 MiB)",
      "  id       int 64-bit  32 bytes (nulls 8)",
      "  share    double      24 bytes",
      "  ok       bool        3 bytes",
      "  kommune  string      94 bytes (codes 3 (8-bit), dictionary 91 for 2)",
      "all tables: 153 bytes (0.0 MiB)",
    ]
    #expect(Array(lines.prefix(expected.count)) == expected)
    #expect(lines.contains { $0.hasPrefix("process resident memory: ") && $0.hasSuffix(" MiB") })
    #expect(lines.last?.hasPrefix("memory budget: ") == true)
    #expect(lines.last?.contains("in use ") == true && lines.last?.contains(" MB") == false)
  }

  /// 196,608 rows × 8 bytes = 1,572,864 bytes = 1.5 × 1,048,576: 1.5 MiB (it said "1.5 MB").
  @Test func totalsAreInMebibytes() {
    let captured = CapturedSession()
    captured.add("big", Table([("n", .int64(Int64Column([Int64](repeating: 7, count: 196_608))))]))
    #expect(captured.session.run(".memory") == .success)
    let lines = captured.standard.split(separator: "\n").map(String.init)
    #expect(lines.first == "big: 196,608 rows, 1 column: 1,572,864 bytes (1.5 MiB)")
    #expect(lines.contains("  n  int 64-bit  1,572,864 bytes"))
    #expect(lines.contains("all tables: 1,572,864 bytes (1.5 MiB)"))
  }

  /// Narrowed int columns show their width and take 1, 2 or 4 bytes a row: a [-128, 127] column of
  /// 1,000 rows 1,000 bytes; [0, 128] 2,000 (128 > Int8.max); [0, 40000] 4,000 (> Int16.max); the
  /// same with a NULL adds its null bits, ceil(1000 / 64) = 16 words = 128 bytes.
  /// Total 1,000 + 2,000 + 4,000 + 4,000 + 128 = 11,128.
  @Test func showsTheWidthOfNarrowedIntColumns() {
    let n = 1_000
    let small = Int64Column((0..<n).map { Int64($0 % 256) - 128 })
    let byte = Int64Column((0..<n).map { $0 == 0 ? 128 : 0 })
    let wide = Int64Column((0..<n).map { $0 == 0 ? 40_000 : 0 })
    var nullable = PrimitiveColumnBuilder<Int64>(placeholder: 0)
    nullable.appendNull()
    for _ in 1..<n { nullable.append(40_000) }
    let table = Table([
      ("a", .int64(small)), ("b", .int64(byte)), ("c", .int64(wide)), ("d", .int64(nullable.finish())),
    ]).narrowed()
    let captured = CapturedSession()
    captured.add("t", table)
    #expect(captured.session.run(".memory") == .success)
    let lines = captured.standard.split(separator: "\n").map(String.init)
    let expected = [
      "t: 1,000 rows, 4 columns: 11,128 bytes (0.0 MiB)",
      "  a  int 8-bit   1,000 bytes",
      "  b  int 16-bit  2,000 bytes",
      "  c  int 32-bit  4,000 bytes",
      "  d  int 32-bit  4,128 bytes (nulls 128)",
      "all tables: 11,128 bytes (0.0 MiB)",
    ]
    #expect(Array(lines.prefix(expected.count)) == expected)
  }
}
