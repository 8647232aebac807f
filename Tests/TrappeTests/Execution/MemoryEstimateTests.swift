import Testing
@testable import TrappeBase
@testable import TrappeStorage
@testable import TrappeQuery

/// The join's exact output count and the estimates the memory budget compares.
@Suite struct MemoryEstimateTests {
  typealias C = TestColumns

  @Test func joinOutputRowsAreCountedBeforeThePairsAreMade() throws {
    // Left keys 1, 2, NULL, 1, 3, 4 against right keys 1, 1, 3, NULL, 5, 3:
    // key 1 matches 2 right rows (left rows 0 and 3: 2 + 2), key 3 matches 2 (left row 4: 2),
    // rows 1 (2), 2 (NULL) and 5 (4) match nothing.
    let index = try HashJoin.index(left: [C.ints([1, 2, nil, 1, 3, 4])], right: [C.ints([1, 1, 3, nil, 5, 3])])
    #expect(index.outputRows(.inner) == 6)  // 2 + 2 + 2
    #expect(index.outputRows(.left) == 9)  // 6 + the 3 unmatched left rows
    #expect(index.outputRows(.anti) == 3)
    for kind in JoinKind.allCases { #expect(try index.pairs(kind).left.count == index.outputRows(kind)) }
  }

  @Test func aManyToManyJoinIsCountedWithoutMaterializing() throws {
    // 30,000 rows with one key on each side: 30,000 × 30,000 = 9e8 pairs, counted in O(rows).
    let keys = C.ints([Int64?](repeating: 7, count: 30_000))
    let index = try HashJoin.index(left: [keys], right: [keys])
    #expect(index.outputRows(.inner) == 900_000_000)
  }

  @Test func rowWidthsCountValuesAndValidityBits() {
    // int 64 + 1, string code 32 + 1, period 32 + 1, bool 8 + 1 bits.
    let table = Table([
      ("a", C.ints([1])), ("b", C.strings(["x"])), ("c", C.years([2008])), ("d", .bool(PrimitiveColumn([true]))),
    ])
    #expect(table.bitsPerRow == 65 + 33 + 33 + 9)
    // 1,000 rows of 64 + 140 bits = 204,000 bits = 25,500 bytes.
    #expect(OutputEstimate.bytes(rows: 1_000, bits: 64 + table.bitsPerRow) == 25_500)
    #expect(OutputEstimate.bytes(rows: Int.max / 2, bits: 100) == Int.max)
  }

  @Test func concatenationIsBoundedByPairsAndByRows() {
    // Dictionaries ["ab", "c"] (3 bytes) and ["xyz"] (3 bytes), 1,000 rows:
    // all pairs: (1 + 1) × 3 + (2 + 1) × 3 = 15 bytes; per row: 1,000 × (2 + 3) = 5,000; the smaller is 15.
    // Distinct texts at most min(1,000, 3 × 2 = 6), 48 bytes each = 288; codes 4,000. 15 + 288 + 4,000 = 4,303.
    #expect(StringConcatenationKernel.estimatedBytes(["ab", "c"], ["xyz"], count: 1_000) == 4_303)
    // One 1,000-byte text doubled over 10 rows: pairs (1 + 1) × 1,000 × 2 = 4,000; rows 10 × 2,000 = 20,000.
    // Distinct min(10, 4) × 48 = 192; codes 40. 4,000 + 192 + 40 = 4,232.
    let long = String(repeating: "a", count: 1_000)
    #expect(StringConcatenationKernel.estimatedBytes([long], [long], count: 10) == 4_232)
  }

  @Test func sizesParseInBinaryUnits() {
    #expect(MemoryBudget.parseSize("512MB") == 512 * 1_048_576)
    #expect(MemoryBudget.parseSize("8GB") == 8 * 1_073_741_824)
    #expect(MemoryBudget.parseSize("1.5g") == 1_610_612_736)  // 1.5 × 2^30
    #expect(MemoryBudget.parseSize("64 KiB") == 65_536)
    #expect(MemoryBudget.parseSize("512") == nil)
    #expect(MemoryBudget.parseSize("0MB") == nil)
    #expect(MemoryBudget.parseSize("-1GB") == nil)
    #expect(MemoryBudget.parseSize("9999999999TB") == nil)
    #expect(MemoryBudget.parseSize("lots") == nil)
  }

  @Test func countsAndBytesForPeople() {
    #expect(MemoryBudget.describeRows(2_957_721) == "2,957,721")
    #expect(MemoryBudget.describeRows(20_477_577_205) == "2.0e10")
    #expect(MemoryBudget.describeRows(99_960_000) == "99,960,000")
    #expect(MemoryBudget.describeRows(9_960_000_000) == "1.0e10")
    #expect(MemoryBudget.describe(512) == "512 B")
    #expect(MemoryBudget.describe(3 * 1_048_576 / 2) == "1.5 MB")
  }

  @Test func statmGivesBothSizes() throws {
    let sizes = try #require(ProcessMemory.sizes())
    #expect(sizes.resident > 0)
    #expect(sizes.virtual >= sizes.resident)
  }
}
