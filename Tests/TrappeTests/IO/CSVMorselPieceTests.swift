import Testing
@testable import TrappeBase
@testable import TrappeStorage
@testable import TrappeIO
import TrappeTestSupport

/// The pieces a morsel leaves for the join are narrowed to what they hold (ints to the width of
/// the morsel's range, codes to the width of its dictionary, no slack), and pieces of different
/// widths join into the same columns as a load of one morsel, cell by cell.
@Suite(.serialized) struct CSVMorselPieceTests {
  private func read(
    _ text: String, threads: Int, morsel: Int, probe: CSVLoadProbe? = nil
  ) throws -> CSVReadResult {
    Parallelism.setThreads(threads)
    defer { Parallelism.setThreads(0) }
    return try CSVReader.read(
      bytes: Array(text.utf8), name: "data.csv", options: CSVReadOptions(), morselBytes: morsel, probe: probe)
  }

  /// Loads `text` as one morsel, then in morsels of each size on one and two threads: the same
  /// table each time. Returns the one-morsel load.
  private func sameInMorsels(_ text: String, sizes: [Int]) throws -> CSVReadResult {
    let whole = try read(text, threads: 1, morsel: 1 << 30)
    for size in sizes {
      for threads in [1, 2] {
        let probe = CSVLoadProbe()
        let cut = try read(text, threads: threads, morsel: size, probe: probe)
        #expect(probe.pieces > 3, "morsels of \(size) bytes")
        #expect(cut == whole, "morsels of \(size) bytes on \(threads) threads")
        for (a, b) in zip(cut.table.columns, whole.table.columns) {
          for row in 0..<whole.table.rowCount { #expect(a.value(at: row) == b.value(at: row)) }
        }
      }
    }
    return whole
  }

  @Test func morselPiecesKeepNoEightByteIntsAndNoSlack() throws {
    // 3,000 rows of a small int (1 byte) and a text of 3 strings (1-byte codes), no nulls:
    // narrowed pieces hold 2 bytes a row, where 8-byte ints and 4-byte codes held 12 and more.
    let rows = 3_000
    var text = "n,by\n"
    for i in 0..<rows { text += "\(i % 100),\(["Vejle", "Aarhus", "Odense"][i % 3])\n" }
    let probe = CSVLoadProbe()
    let result = try read(text, threads: 2, morsel: 512, probe: probe)
    #expect(result.rowCount == rows)
    #expect(probe.pieces > 20)
    #expect(probe.pieceBytes == rows * 2)
    guard case .int64(let n)? = result.table.column(named: "n") else {
      Issue.record("n is not an int")
      return
    }
    #expect(n.bitWidth == 8)
    #expect(n[2_999] == 99)
  }

  @Test func intPiecesOfDifferentWidthsJoinAsOneMorsel() throws {
    // A block of small ints (1 byte), one of 2-byte, one of 8-byte ints and one all NULL, so the
    // morsels' pieces have every width; negative values test the sign extension.
    var expected: [Int64?] = []
    for i in 0..<400 { expected.append(Int64(i % 11) - 5) }
    for i in 0..<400 { expected.append(i % 2 == 0 ? -300 - Int64(i) : 1_000 + Int64(i)) }
    for i in 0..<400 { expected.append(i % 2 == 0 ? -(Int64(1) << 40) - Int64(i) : (Int64(1) << 50) + Int64(i)) }
    for _ in 0..<400 { expected.append(nil) }
    for i in 0..<400 { expected.append(Int64(i % 7)) }
    var text = "v,k\n"
    for (row, value) in expected.enumerated() { text += "\(value.map(String.init) ?? ""),\(row % 5)\n" }
    let result = try sameInMorsels(text, sizes: [97, 1_000])
    guard case .int64(let v)? = result.table.column(named: "v") else {
      Issue.record("v is not an int")
      return
    }
    #expect(v.bitWidth == 64)
    for (row, value) in expected.enumerated() { #expect(v[row] == value, "row \(row)") }
  }

  @Test func codePiecesOfDifferentWidthsJoinInFirstAppearanceOrder() throws {
    // Morsels with fewer than 256 strings each (1-byte codes), a block with 600 strings in few
    // morsels (2-byte codes), repeats of earlier strings and nulls: the merged dictionary has
    // over 256 entries (2-byte codes), in order of first appearance in the file.
    var expected: [String?] = []
    for i in 0..<500 { expected.append("a\(i % 40)") }
    for i in 0..<600 { expected.append("b\(i)") }
    for i in 0..<500 { expected.append(i % 4 == 0 ? nil : i % 3 == 0 ? "a\(i % 50)" : "c\(i % 30)") }
    var text = "s,n\n"
    for (row, value) in expected.enumerated() { text += "\(value ?? ""),\(row)\n" }
    let result = try sameInMorsels(text, sizes: [101, 4_000])
    guard case .string(let s)? = result.table.column(named: "s") else {
      Issue.record("s is not text")
      return
    }
    var order: [String] = []
    var seen: Set<String> = []
    for case let value? in expected where seen.insert(value).inserted { order.append(value) }
    #expect(s.dictionary == order)
    #expect(s.storage.bitWidth == 16)
    for (row, value) in expected.enumerated() { #expect(s[row] == value, "row \(row)") }
  }
}
