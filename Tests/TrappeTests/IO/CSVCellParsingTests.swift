import Testing
@testable import TrappeBase
@testable import TrappeStorage
@testable import TrappeIO

/// The per-cell fast paths of the CSV load (short-string words, unchecked integers, the
/// period cache) against plain definitions written out here.
@Suite struct CSVCellParsingTests {
  /// Byte `i` of a string of at most 24 bytes is byte `i % 8` of word `i / 8`, zero-padded.
  @Test func shortStringWordsHoldTheBytesInOrderAndNothingAfter() {
    for n in 0...24 {
      // The string sits before other bytes, which must not leak into its words.
      let bytes = (0..<n).map { UInt8(0x41 + $0) } + [0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF]
      var expected: [UInt64] = [0, 0, 0]
      for i in 0..<n { expected[i / 8] |= UInt64(bytes[i]) << UInt64((i % 8) * 8) }
      bytes.withUnsafeBufferPointer { b in
        let words = ByteInterner.words(b.baseAddress!, n)
        #expect([words.low, words.middle, words.high] == expected, "length \(n)")
      }
    }
  }

  /// Codes are given in order of first appearance; strings that differ only in length (a
  /// trailing NUL), in their last byte, or past byte 16 or 24 get codes of their own.
  @Test func stringCodesFollowFirstAppearance() {
    let cells: [[UInt8]] = [
      Array("dansk".utf8), Array("dansk\u{0}".utf8), Array("dansk".utf8), Array("".utf8),
      Array("selvforsørgende".utf8), Array("selvforsørgendE".utf8), Array("Region Hovedstaden".utf8),
      Array("Region Hovedstaden2".utf8), Array("Region Hovedstaden".utf8), Array("".utf8),
      Array("abcdefgh".utf8), Array("abcdefghi".utf8), Array("abcdefgh".utf8), Array("abc".utf8),
      Array("Region Nordjyllandxxxxxx".utf8), Array("Region Nordjyllandxxxxxy".utf8),
      Array("Region Nordjyllandxxxxxxz".utf8), Array("Region Nordjyllandxxxxxx".utf8),
      Array("Region Nordjyllandxxxxxxz".utf8), Array("uddannelseshjælp".utf8), Array("uddannelseshjælp".utf8),
    ]
    let buffer = ColumnBuffer(kind: .string, unit: .year, capacity: 16)
    var codes: [UInt32] = []
    for cell in cells {
      codes.append(cell.withUnsafeBufferPointer { buffer.code($0.baseAddress ?? UnsafePointer(bitPattern: 1)!, cell.count) })
    }
    var firstSeen: [[UInt8]] = []
    let expected = cells.map { cell -> UInt32 in
      if let at = firstSeen.firstIndex(of: cell) { return UInt32(at) }
      firstSeen.append(cell)
      return UInt32(firstSeen.count - 1)
    }
    #expect(codes == expected)
    #expect(buffer.dictionary == firstSeen.map { String(decoding: $0, as: UTF8.self) })
    // Many distinct short strings (the table grows) keep their codes.
    for i in 0..<2_000 {
      let cell = Array("k\(i)".utf8)
      let code = cell.withUnsafeBufferPointer { buffer.code($0.baseAddress!, cell.count) }
      let again = cell.withUnsafeBufferPointer { buffer.code($0.baseAddress!, cell.count) }
      #expect(code == UInt32(firstSeen.count + i) && again == code)
    }
  }

  /// Integers of 1 to 18 digits take the unchecked loop; 19 and more the checked one.
  @Test func integersAroundTheUncheckedLength() {
    func parse(_ text: String, grouped: Bool = false) -> Int64? {
      let bytes = Array(text.utf8)
      return bytes.withUnsafeBufferPointer { b in
        guard let base = b.baseAddress else { return nil }
        return CSVNumberParser.int(base, b.count, grouped: grouped)
      }
    }
    #expect(parse("0") == 0)
    #expect(parse("-0") == 0)
    #expect(parse("7") == 7)
    #expect(parse("-42") == -42)
    #expect(parse("999999999999999999") == 999_999_999_999_999_999)
    #expect(parse("-999999999999999999") == -999_999_999_999_999_999)
    #expect(parse("000000000000000012") == 12)
    #expect(parse("9223372036854775807") == Int64.max)
    #expect(parse("-9223372036854775808") == Int64.min)
    #expect(parse("9223372036854775808") == nil)
    #expect(parse("99999999999999999999") == nil)
    #expect(parse("-") == nil)
    #expect(parse("") == nil)
    #expect(parse("12a") == nil)
    #expect(parse("1.5") == nil)
    #expect(parse("1 ") == nil)
    #expect(parse("+1") == nil)
    #expect(parse("1.234", grouped: true) == 1234)
    #expect(parse("1.234.567", grouped: true) == 1_234_567)
    #expect(parse("12.34", grouped: true) == nil)
    #expect(parse("1.234", grouped: false) == nil)
  }

  /// Null tokens, ASCII or not, beside cells of their length and first byte that are not one.
  @Test func nullTokensAgainstLookalikes() throws {
    let cells = ["NA", "NB", "..", ".x", "–", "—", "@", "A", "", "@@", "12", "ø"]
    let options = CSVReadOptions(nullTokens: ["", "..", "NA", "–", "@"])
    let result = try loadCSV("t\n" + cells.map { $0 + "\n" }.joined() + "end\n", options)
    let expected: [Value] = cells.map { ["", "..", "NA", "–", "@"].contains($0) ? .null : .string($0) }
    // (The empty line is a blank line, no record.)
    #expect(values(result.table, "t") == expected.enumerated().filter { cells[$0.offset] != "" }.map(\.element) + [.string("end")])
  }

  /// Weeks that share a cache slot, read over and over, keep their own ordinals.
  @Test func periodCacheKeepsEveryWeek() {
    let buffer = ColumnBuffer(kind: .period, unit: .week, capacity: 16)
    var weeks: [(String, Int32)] = []
    for year in 2007...2011 {
      for week in 1...52 {
        let text = "\(year)W" + (week < 10 ? "0\(week)" : "\(week)")
        guard let period = Array(text.utf8).withUnsafeBufferPointer({ Period.parse($0) }) else {
          Issue.record("\(text) is no period")
          return
        }
        weeks.append((text, period.ordinal))
      }
    }
    for _ in 0..<3 {
      for (text, ordinal) in weeks {
        let bytes = Array(text.utf8)
        let got = bytes.withUnsafeBufferPointer { buffer.periodOrdinal($0.baseAddress!, $0.count) }
        #expect(got == ordinal, "\(text)")
      }
    }
    let month = Array("2009-11".utf8)
    #expect(month.withUnsafeBufferPointer { buffer.periodOrdinal($0.baseAddress!, $0.count) } == nil)
  }
}
