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
      "  id       int     32 bytes (nulls 8)",
      "  share    double  24 bytes",
      "  ok       bool    3 bytes",
      "  kommune  string  94 bytes (codes 3 (8-bit), dictionary 91 for 2)",
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
    #expect(lines.contains("  n  int  1,572,864 bytes"))
    #expect(lines.contains("all tables: 1,572,864 bytes (1.5 MiB)"))
  }
}
