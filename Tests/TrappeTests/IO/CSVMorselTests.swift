import Testing
@testable import TrappeBase
@testable import TrappeStorage
@testable import TrappeIO
import TrappeTestSupport

/// The CSV one pass cut into morsels (parsed on several threads, joined in file order) against
/// one morsel on one thread: the same table, types, dictionary order, warnings and errors.
/// Morsels of a few dozen bytes force records, quoted fields and errors onto morsel edges.
@Suite(.serialized) struct CSVMorselTests {
  /// The result or error of reading `bytes` with morsels of `morsel` bytes on `threads` threads.
  private func read(
    _ bytes: [UInt8], _ options: CSVReadOptions = CSVReadOptions(), threads: Int, morsel: Int?
  ) -> Result<CSVReadResult, CSVError> {
    Parallelism.setThreads(threads)
    defer { Parallelism.setThreads(0) }
    do throws(CSVError) {
      return .success(try CSVReader.read(bytes: bytes, name: "data.csv", options: options, morselBytes: morsel))
    } catch {
      return .failure(error)
    }
  }

  /// Reads `text` as one morsel on one thread and in morsels of every size in `sizes` on three
  /// threads, expects the same outcome each time, and returns the single-morsel one.
  @discardableResult
  private func same(
    _ bytes: [UInt8], _ options: CSVReadOptions = CSVReadOptions(), sizes: [Int] = [1, 7, 23, 64, 200],
    sourceLocation: Testing.SourceLocation = #_sourceLocation
  ) -> Result<CSVReadResult, CSVError> {
    let whole = read(bytes, options, threads: 1, morsel: 1 << 30)
    for size in sizes {
      #expect(read(bytes, options, threads: 3, morsel: size) == whole, "morsels of \(size) bytes", sourceLocation: sourceLocation)
      #expect(read(bytes, options, threads: 1, morsel: size) == whole, "morsels of \(size) bytes, one thread", sourceLocation: sourceLocation)
    }
    return whole
  }

  /// The record starts the loader cuts `text` at, data starting after the first line.
  private func starts(_ text: String, size: Int) -> [Int] {
    let bytes = Array(text.utf8)
    return bytes.withUnsafeBufferPointer { buffer -> [Int] in
      guard let base = buffer.baseAddress else { return [] }
      let loader = CSVLoader(
        bytes: buffer, base: base, start: 0, name: "data.csv", options: CSVReadOptions(), isInterrupted: { false })
      defer { loader.deallocate() }
      let dataStart = (bytes.firstIndex(of: 10) ?? 0) + 1
      return loader.morselStarts(delimiter: UInt8(ascii: ","), from: dataStart, size: size)
    }
  }

  @Test func morselsStartAtRecordsAndNeverInsideAQuotedField() {
    // "a,b\n" is 4 bytes; records at 4, 8, 12 without quotes.
    #expect(starts("a,b\n1,2\n3,4\n5,6\n", size: 1) == [4, 8, 12])
    #expect(starts("a,b\n1,2\n3,4\n5,6\n", size: 5) == [4, 12])
    // The quoted field holds a line feed: the record after it starts at 14, not at 9.
    let text = "a,b\n1,\"x\ny,z\"\n3,4\n5,6\n"
    #expect(starts(text, size: 1) == [4, 14, 18])
    // An unterminated quote: the scan for boundaries fails, one morsel reports it.
    #expect(starts("a,b\n1,2\n\"3,4\n5,6\n", size: 1) == [4])
  }

  @Test func quotedFieldsWithLineFeedsAndDelimitersAcrossMorselEdges() throws {
    var text = "id,navn,note\n"
    for i in 0..<200 {
      switch i % 5 {
      case 0: text += "\(i),\"Køge, \(i % 7)\",\"line one\nline two\"\n"
      case 1: text += "\(i),\"say \"\"hi\"\"\",plain\n"
      case 2: text += "\(i),\"a\r\nb\",\"\"\n"
      default: text += "\(i),kommune\(i % 11),\",\"\n"
      }
    }
    let result = try same(Array(text.utf8)).get()
    #expect(result.rowCount == 200)
    #expect(values(result.table, "navn")[0] == .string("Køge, 0"))
    #expect(values(result.table, "navn")[1] == .string("say \"hi\""))
    #expect(values(result.table, "note")[0] == .string("line one\nline two"))
    #expect(values(result.table, "note")[2] == .null)
    #expect(values(result.table, "note")[3] == .string(","))
  }

  @Test func aQuotedLineFeedOnlyInTheLastMorselCutsTheFileAgain() throws {
    // Cut at line feeds, the last morsel finds the quote: every morsel is parsed again from
    // starts found by a scan of the records, so the line feed stays inside its field.
    var text = "a,b\n"
    for i in 0..<300 { text += "\(i),x\(i % 5)\n" }
    text += "300,\"two\nlines\"\n301,y\n"
    let result = try same(Array(text.utf8), sizes: [1, 64, 500]).get()
    #expect(result.rowCount == 302)
    #expect(values(result.table, "a")[301] == .int64(301))
    #expect(values(result.table, "b")[300] == .string("two\nlines"))
    #expect(values(result.table, "b")[7] == .string("x2"))
  }

  @Test func crlfBomAndBlankLines() throws {
    var text = "\u{FEFF}id;x\r\n"
    for i in 0..<150 { text += "\(i);\(i * 3)\r\n" + (i % 17 == 0 ? "\r\n\n" : "") }
    let result = try same(Array(text.utf8)).get()
    #expect(result.rowCount == 150)
    #expect(result.table.schema.fields.map(\.name) == ["id", "x"])
    #expect(values(result.table, "x")[149] == .int64(447))
  }

  @Test func latin1() throws {
    var bytes = Array("by;n\n".utf8)
    for i in 0..<120 { bytes += [0x4B, 0xF8, 0x67, 0x65] + Array(";\(i)\n".utf8) }  // "Køge" in Latin-1
    let result = try same(bytes).get()
    #expect(values(result.table, "by")[119] == .string("Køge"))
    #expect(result.table.column(named: "by")?.count == 120)
  }

  @Test func decimalCommaDetectedAndFixed() throws {
    var text = "kommune;andel\n"
    for i in 0..<150 { text += "K\(i % 9);\(i),\(i % 10)\n" }
    let detected = try same(Array(text.utf8)).get()
    #expect(detected.table.schema.fields.map(\.type) == [.string, .double])
    #expect(values(detected.table, "andel")[12] == .double(12.2))
    let fixed = try same(Array(text.utf8), CSVReadOptions(decimalSeparator: .comma)).get()
    #expect(values(fixed.table, "andel")[149] == .double(149.9))
  }

  @Test func nullTokensInEveryMorsel() throws {
    var text = "a,b,c\n"
    for i in 0..<140 { text += i % 3 == 0 ? "..,,NA\n" : "\(i),x\(i % 4),\(i).5\n" }
    let options = CSVReadOptions(nullTokens: ["", "..", "NA"])
    let result = try same(Array(text.utf8), options).get()
    #expect(result.table.schema.fields.map(\.type) == [.int64, .string, .double])
    #expect(values(result.table, "a")[0] == .null)
    #expect(values(result.table, "c")[0] == .null)
    #expect(values(result.table, "c")[1] == .double(1.5))
  }

  @Test func aGuessBrokenOnlyInTheLastMorselAndDictionaryOrder() throws {
    // 3,000 rows: the guess (int) comes from the first 2,048; the text cell is in the last morsel.
    var text = "kode,by\n"
    for i in 0..<3_000 { text += "\(100 + i % 50),\(["Vejle", "Aarhus", "Odense"][i % 3])\n" }
    text += "K12,Ærø\n"
    let result = try same(Array(text.utf8), sizes: [97, 4_096]).get()
    #expect(result.table.schema.fields.map(\.type) == [.string, .string])
    #expect(values(result.table, "kode")[3_000] == .string("K12"))
    guard case .string(let by)? = result.table.column(named: "by") else {
      Issue.record("by is not text")
      return
    }
    #expect(by.dictionary == ["Vejle", "Aarhus", "Odense", "Ærø"])
  }

  @Test func aBadValueInALateMorselIsReportedAtItsLine() {
    var text = "id,n\n"
    for i in 0..<400 { text += "\(i),\(i)\n" }
    text += "400,4x\n401,5\n"
    let options = CSVReadOptions(typeOverrides: ["n": .int64])
    let outcome = same(Array(text.utf8), options, sizes: [1, 50, 333])
    guard case .failure(.badValue(let position, let column, let value, let type)) = outcome else {
      Issue.record("expected a bad value, got \(outcome)")
      return
    }
    #expect(position.line == 402)
    #expect(position.column == 5)
    #expect(column == "n" && value == "4x" && type == .int64)
  }

  @Test func aRaggedRowInALateMorselWinsOverAnEarlierBadValue() {
    // Past the 2,048 sampled records, so that the morsels meet the malformed one.
    var text = "id,n\n1,x\n"
    for i in 0..<3_000 { text += "\(i),\(i)\n" }
    text += "3000,1,2\n"
    let options = CSVReadOptions(typeOverrides: ["n": .int64])
    let outcome = same(Array(text.utf8), options, sizes: [3, 640])
    guard case .failure(.raggedRow(let position, let fields, let expected, _)) = outcome else {
      Issue.record("expected a ragged row, got \(outcome)")
      return
    }
    #expect(position.line == 3_003)
    #expect(fields == 3 && expected == 2)
  }

  /// Every column typed (the loop that only parses): the same table in morsels as in one, a bad
  /// value reported at its line, and a malformed record after it reported instead.
  @Test func everyColumnTypedBadValueThenRaggedRow() {
    var text = "id,by,n\n"
    for i in 0..<3_000 { text += "\(i),\(["Vejle", "Ærø", ""][i % 3]),\(i % 7 == 0 ? "" : String(i * 31))\n" }
    let options = CSVReadOptions(typeOverrides: ["id": .int64, "by": .string, "n": .int64])
    guard case .success(let read) = same(Array(text.utf8), options, sizes: [3, 640]) else {
      Issue.record("the typed file did not load")
      return
    }
    #expect(read.table.rowCount == 3_000)
    #expect(values(read.table, "n")[7] == .null && values(read.table, "n")[8] == .int64(248))
    #expect(Array(values(read.table, "by")[0..<3]) == [.string("Vejle"), .string("Ærø"), .null])
    let bad = text + "3000,Vejle,4x\n3001,Ærø,5\n"
    guard case .failure(.badValue(let position, let column, let value, _)) = same(Array(bad.utf8), options, sizes: [3, 640]) else {
      Issue.record("expected a bad value")
      return
    }
    #expect(position.line == 3_002 && column == "n" && value == "4x")
    let ragged = bad + "3002,Vejle,1,2\n"
    guard case .failure(.raggedRow(let at, let fields, let expected, _)) = same(Array(ragged.utf8), options, sizes: [3, 640]) else {
      Issue.record("expected a ragged row")
      return
    }
    #expect(at.line == 3_004 && fields == 4 && expected == 3)
  }

  @Test func anUnterminatedQuoteInALateRecord() {
    var text = "id,n\n"
    for i in 0..<3_000 { text += "\(i),\"q\(i)\"\n" }
    text += "3000,\"open\n3001,2\n"
    let outcome = same(Array(text.utf8), sizes: [3, 400])
    guard case .failure(.unterminatedQuote(let position)) = outcome else {
      Issue.record("expected an unterminated quote, got \(outcome)")
      return
    }
    #expect(position.line == 3_002)
    #expect(position.column == 6)
  }

  /// The file read through its memory map (or, for the forms the map leaves to it, the copying
  /// path) against the same bytes read from memory: same result or error.
  @Test func aFileReadsAsItsBytes() throws {
    let dir = try TemporaryDirectory()
    var big = "id,by,n\n"
    for i in 0..<3_000 { big += "\(i),\"By \(i % 13)\",\(i % 97)\n" }
    // Two 2 MiB morsels of over 4,096 records each, with UTF-8 letters: the map's pages are
    // given back every 4,096 records as they are parsed.
    var large = "id,by,n\n"
    for i in 0..<150_000 { large += "\(i),Kø \(i % 13),\(i % 97)\n" }
    let largeBytes = Array(large.utf8)
    let cases: [(String, [UInt8])] = [
      ("plain", Array("a;b\n1;2,5\n3;4\n".utf8)),
      ("bom", [0xEF, 0xBB, 0xBF] + Array("a,b\r\n1,x\r\n".utf8)),
      ("notice", Array(("# " + ExportNotice.illustrative + "\nkommune,n\nAarhus,3\n").utf8)),
      ("cr only", Array("a,b\r1,2\r3,4\r".utf8)),
      ("latin1", Array("by;n\n".utf8) + [0x4B, 0xF8, 0x67, 0x65] + Array(";1\n".utf8)),
      ("utf16", [0xFF, 0xFE, 0x61, 0, 0x0A, 0, 0x31, 0, 0x0A, 0]),
      ("bad value late", Array((big + "3000,By,x\n").utf8)),
      ("big", Array(big.utf8)),
      // Bytes that are not UTF-8 where only the morsels look (past the sample, in the header),
      // alone or with an error the sample or a morsel meets first: the copying path's result.
      ("latin1 late", Array(big.utf8) + [0x4B, 0xF8] + Array(",By,1\n".utf8)),
      ("latin1 header", Array("id,by,n".utf8) + [0xF8] + Array("\n1,x,2\n".utf8)),
      ("ragged then latin1", Array(("id,by,n\n1,2\n" + big.dropFirst(8)).utf8) + [0xE9] + Array(",x,1\n".utf8)),
      ("utf8 then stray byte", Array(("id,by,n\n1,København,2\n" + big.dropFirst(8)).utf8) + [0xE9] + Array(",x,1\n".utf8)),
      ("bad value then latin1", Array((big + "3000,By,x\n").utf8) + [0xE9] + Array(",x,1\n".utf8)),
      ("large", largeBytes),
      // A stray byte 1.2 MB into the first morsel: the copying path reads it.
      ("large latin1", Array(largeBytes[..<1_200_000]) + [0xF8] + Array(largeBytes[1_200_000...])),
    ]
    for (name, bytes) in cases {
      let path = dir.path + "/\(name).csv"
      try AtomicFile.write(bytes: bytes, to: path)
      let options = name.hasPrefix("bad value") ? CSVReadOptions(typeOverrides: ["n": .int64]) : CSVReadOptions()
      var fromFile: Result<CSVReadResult, CSVError>
      do throws(CSVError) {
        fromFile = .success(try CSVReader.read(file: path, name: "data.csv", options: options))
      } catch {
        fromFile = .failure(error)
      }
      #expect(fromFile == read(bytes, options, threads: 1, morsel: nil), "\(name)")
      // The map takes UTF-8 files (loaded or failing there); the copying path the rest.
      var mapped: Bool
      do throws(CSVError) {
        mapped = try CSVReader.readMapped(path, name: "data.csv", options: options, isInterrupted: { false }) != nil
      } catch {
        mapped = true
      }
      let copied = ["cr only", "latin1", "utf16", "latin1 late", "latin1 header", "ragged then latin1"]
        + ["utf8 then stray byte", "bad value then latin1", "large latin1"]
      #expect(mapped == !copied.contains(name), "\(name)")
    }
  }
}
