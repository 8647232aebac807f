import Testing
@testable import TrappeBase
@testable import TrappeStorage
@testable import TrappeIO
import TrappeTestSupport

#if canImport(Glibc)
  import Glibc
#endif

/// The one-pass CSV load (types guessed from the first rows, a column re-parsed when a later
/// cell breaks its guess) against the two full passes it replaces: same table, types, values,
/// decimal separator, warnings and errors.
@Suite struct CSVOnePassTests {
  /// The result or error of reading `text` with `passes`.
  private func read(_ text: String, _ options: CSVReadOptions, _ passes: CSVLoader.Passes) -> Result<
    CSVReadResult, CSVError
  > {
    do throws(CSVError) {
      return .success(
        try CSVReader.read(bytes: Array(text.utf8), name: "data.csv", options: options, passes: passes))
    } catch {
      return .failure(error)
    }
  }

  @Test func integersForTenThousandRowsThenADecimalMakeADoubleColumn() throws {
    var text = "id,x,navn\n"
    for i in 0..<10_000 { text += "\(i),\(i % 7),a\(i % 3)\n" }
    text += "10000,2.5,b\n10001,,c\n10002,3,d\n"
    let result = try CSVReader.read(bytes: Array(text.utf8), name: "data.csv", options: CSVReadOptions())
    #expect(result.table.schema.fields.map(\.type) == [.int64, .double, .string])
    let x = values(result.table, "x")
    #expect(x.count == 10_003)
    #expect(x[6] == .double(6))
    #expect(x[9_999] == .double(Double(9_999 % 7)))
    #expect(x[10_000] == .double(2.5))
    #expect(x[10_001] == .null)
    #expect(x[10_002] == .double(3))
    #expect(values(result.table, "id")[10_002] == .int64(10_002))
    #expect(.success(result) == read(text, CSVReadOptions(), .two))
  }

  @Test func integersThenTextMakeATextColumnWithTheDigitsAsWritten() throws {
    var text = "kode;n\n"
    for i in 0..<5_000 { text += "\(100 + i % 50);\(i)\n" }
    text += "K12;5000\n0101;5001\n"
    let result = try CSVReader.read(bytes: Array(text.utf8), name: "data.csv", options: CSVReadOptions())
    #expect(result.table.schema.fields.map(\.type) == [.string, .int64])
    let kode = values(result.table, "kode")
    #expect(kode[0] == .string("100"))
    #expect(kode[5_000] == .string("K12"))
    #expect(kode[5_001] == .string("0101"))
    #expect(.success(result) == read(text, CSVReadOptions(), .two))
  }

  @Test func aColumnNullInTheSampleIsTypedByItsLaterValues() throws {
    var text = "a,b\n"
    for i in 0..<3_000 { text += "\(i),\n" }
    text += "3000,2008W05\n3001,..\n3002,2009W52\n"
    let result = try CSVReader.read(bytes: Array(text.utf8), name: "data.csv", options: CSVReadOptions())
    #expect(result.table.schema.fields.map(\.type) == [.int64, .period])
    let b = values(result.table, "b")
    #expect(b[0] == .null)
    #expect(b[3_000] == .period(.week(2008, 5)))
    #expect(b[3_002] == .period(.week(2009, 52)))
    #expect(.success(result) == read(text, CSVReadOptions(), .two))
  }

  @Test func aDecimalCommaFoundAfterTheSampleSwitchesTheWholeFile() throws {
    // The sample shows whole numbers only (the decimal point is guessed); 1,5 later makes the
    // file decimal-comma, and 1.234 in the other column becomes one thousand two hundred ...
    var text = "a;b\n"
    for i in 0..<3_000 { text += "\(i % 9);1.234\n" }
    text += "1,5;2.345\n"
    let result = try CSVReader.read(bytes: Array(text.utf8), name: "data.csv", options: CSVReadOptions())
    #expect(result.decimalSeparator == .comma)
    #expect(result.table.schema.fields.map(\.type) == [.double, .int64])
    #expect(values(result.table, "a")[3_000] == .double(1.5))
    #expect(values(result.table, "b")[3_000] == .int64(2_345))
    #expect(.success(result) == read(text, CSVReadOptions(), .two))
  }

  @Test func aBadValueIsReportedAfterAMalformedRecordLaterOn() {
    let text = "a,b\n1,2\nx,3\n4,5,6\n"
    let options = CSVReadOptions(typeOverrides: ["a": .int64])
    let one = read(text, options, .one(sampleRows: 1))
    #expect(one == read(text, options, .two))
    guard case .failure(.raggedRow) = one else {
      Issue.record("expected the ragged row to be reported, got \(one)")
      return
    }
  }

  /// The names of the files in `directory`, sorted.
  private func files(in directory: String) -> [String] {
    guard let handle = opendir(directory) else {
      Issue.record("cannot list \(directory)")
      return []
    }
    defer { closedir(handle) }
    var files: [String] = []
    while let entry = readdir(handle) {
      let name = withUnsafeBytes(of: entry.pointee.d_name) { String(decoding: $0.prefix { $0 != 0 }, as: UTF8.self) }
      if !name.hasPrefix(".") { files.append(name) }
    }
    return files.sorted()
  }

  /// The CSV fuzzer's seed corpus, with the defaults and with the first column forced to
  /// each type, as the fuzzer reads it.
  @Test func fuzzCorpusLoadsAsInTwoPasses() throws {
    let directory = ProjectRoot.file("Tests/Fuzz/corpus/csv")
    let files = files(in: directory)
    #expect(files.count >= 10)
    for file in files {
      let bytes = try CSVReader.readAll(directory + "/" + file, isInterrupted: { false })
      func read(_ options: CSVReadOptions, _ passes: CSVLoader.Passes) -> Result<CSVReadResult, CSVError> {
        do throws(CSVError) {
          return .success(
            try CSVReader.read(bytes: bytes, name: file, options: options, passes: passes))
        } catch {
          return .failure(error)
        }
      }
      var variants = [CSVReadOptions()]
      if case .success(let result) = read(CSVReadOptions(), .two), let first = result.table.schema.names.first {
        for type in [DataType.int64, .double, .bool, .string, .period] {
          variants.append(CSVReadOptions(typeOverrides: [first: type]))
        }
      }
      for options in variants {
        let expected = read(options, .two)
        for passes in [CSVLoader.Passes.one(sampleRows: 1), .one(sampleRows: 7), .one(sampleRows: CSVLoader.sampleRows)] {
          #expect(read(options, passes) == expected, "\(file), \(options.typeOverrides), \(passes)")
        }
      }
    }
  }

  /// Every committed dataset, as inferred and with every column typed as a manifest does.
  @Test func datasetsLoadAsInTwoPasses() throws {
    let files = files(in: ProjectRoot.datasets).filter { $0.hasSuffix(".csv") }
    #expect(files.count >= 10)
    for file in files {
      let bytes = try CSVReader.readAll(ProjectRoot.datasets + "/" + file, isInterrupted: { false })
      func read(_ options: CSVReadOptions, _ passes: CSVLoader.Passes) -> Result<CSVReadResult, CSVError> {
        do throws(CSVError) {
          return .success(try CSVReader.read(bytes: bytes, name: file, options: options, passes: passes))
        } catch {
          return .failure(error)
        }
      }
      let expected = read(CSVReadOptions(), .two)
      guard case .success(let inferred) = expected else {
        Issue.record("\(file) does not load: \(expected)")
        continue
      }
      var typed = CSVReadOptions()
      for field in inferred.table.schema.fields { typed.typeOverrides[field.name] = field.type }
      let expectedTyped = read(typed, .two)
      for passes in [CSVLoader.Passes.one(sampleRows: 1), .one(sampleRows: 50), .one(sampleRows: CSVLoader.sampleRows)] {
        #expect(read(CSVReadOptions(), passes) == expected, "\(file), \(passes)")
        #expect(read(typed, passes) == expectedTyped, "\(file) with types=, \(passes)")
      }
    }
  }

  /// Random files of tricky cells (quotes, embedded newlines, CRLF, BOM, decimal commas,
  /// `..`, big integers, zero-padded codes, periods, values that change kind partway), read
  /// with small samples so that guesses break, and with `types=`.
  @Test func randomFilesLoadAsInTwoPasses() {
    var random = SplitMix(seed: 16)
    let pools: [[String]] = [
      ["1", "-7", "42", "2008", "123456"],
      ["1.5", "-0.25", "3", "1e5", "2.5e-3"],
      ["1,5", "-0,25", "3", "1.234,5", "1.234"],
      ["2008W01", "2009W52", "2010W10"],
      ["2008-01", "2009-12"],
      ["abc", "x y", "a,b", "say \"hi\"", "two\nlines", "æøå", "lone\rreturn", "Lyngby-Taarbæk Kommune 2800"],
      ["1234567.891", "98765432109", "-0.000001234567", "12345678,5"],
      ["0101", "007", "12"],
      ["12345678901234567890", "1", "99999999999999999999"],
      ["true", "false", "ja"],
      ["1e400", "1e-400", "2.5"],
      ["", "..", ""],
    ]
    for round in 0..<400 {
      let delimiter: Character = random.next(3) == 0 ? ";" : (random.next(2) == 0 ? "," : "\t")
      let columns = 1 + random.next(4)
      let rows = random.next(40)
      // Each column draws from one pool, then maybe from another after a random row.
      let plans = (0..<columns).map { _ in
        (random.next(pools.count), random.next(pools.count), random.next(max(rows, 1) + 1))
      }
      let lineEnd = random.next(4) == 0 ? "\r\n" : "\n"
      var text = random.next(8) == 0 ? "\u{FEFF}" : ""
      text += (0..<columns).map { "c\($0)" }.joined(separator: String(delimiter)) + lineEnd
      for r in 0..<rows {
        var cells: [String] = []
        for (first, second, switchRow) in plans {
          let pool = pools[r < switchRow ? first : second]
          var cell = random.next(10) == 0 ? "" : pool[random.next(pool.count)]
          let special = cell.contains(delimiter) || cell.contains("\"") || cell.contains("\n")
          if special || random.next(12) == 0 {
            cell = "\"" + cell.replacingOccurrences(of: "\"", with: "\"\"") + "\""
          }
          cells.append(cell)
        }
        text += cells.joined(separator: String(delimiter)) + lineEnd
      }
      if random.next(4) == 0 { text.removeLast() }  // no line end after the last record
      var options = CSVReadOptions()
      switch random.next(4) {
      case 0: options.decimalSeparator = .point
      case 1: options.decimalSeparator = .comma
      default: break
      }
      if random.next(3) == 0 {
        let types: [DataType] = [.int64, .double, .string, .period, .bool]
        options.typeOverrides["c\(random.next(columns))"] = types[random.next(types.count)]
      }
      let expected = read(text, options, .two)
      for sample in [1, 3, 7, 2048] {
        let got = read(text, options, .one(sampleRows: sample))
        #expect(got == expected, "round \(round), sample \(sample):\n\(text)")
      }
    }
  }
}

/// A small seeded generator, so that a failing round can be replayed.
private struct SplitMix {
  var state: UInt64

  init(seed: UInt64) { state = seed }

  /// A number in 0..<bound.
  mutating func next(_ bound: Int) -> Int {
    state &+= 0x9E37_79B9_7F4A_7C15
    var z = state
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    z ^= z >> 31
    return Int(z % UInt64(bound))
  }
}
