import Testing
@testable import TrappeBase
@testable import TrappeStorage
@testable import TrappeIO
@testable import TrappeDatasets
import TrappeTestSupport

// Reliability review D19: a manifest column declared double read `1,5` as an error
// ("cannot read '1,5' as double"), and manifests had no `decimal:` key.
@Suite struct DecimalCommaManifestTests {
  static func manifest(_ decimalLine: String) -> String {
    """
    name: dc
    title: Shares
    kind: reference
    file: dc.csv
    rows: 2
    source: test
    period: 2024
    terms: none
    \(decimalLine)
    column kommune: string | - | Municipality
    column andel: double | share | A share with a decimal comma
    """
  }

  func registry(decimalLine: String, csv: String) throws -> (DatasetRegistry, TemporaryDirectory) {
    let temporary = try TemporaryDirectory()
    let text = Self.manifest(decimalLine)
    try AtomicFile.write(text, to: temporary.path + "/dc.manifest")
    try AtomicFile.write(csv, to: temporary.path + "/dc.csv")
    return (DatasetRegistry(directories: [temporary.path]), temporary)
  }

  @Test func aDeclaredDoubleColumnReadsDecimalCommas() throws {
    for line in ["", "decimal: comma"] {
      let (registry, temporary) = try self.registry(decimalLine: line, csv: "kommune;andel\nAarhus;1,5\nOdense;1.234,25\n")
      #expect(registry.problems.isEmpty)
      let table = try #require(try registry.load("dc"))
      // 1,5 = 1.5; 1.234,25 = 1234.25 (thousands point, decimal comma).
      #expect(values(table, "andel") == [.double(1.5), .double(1234.25)])
      _ = temporary
    }
  }

  @Test func decimalPointIsHonouredAndBadValuesAreReported() throws {
    let (registry, temporary) = try self.registry(decimalLine: "decimal: point", csv: "kommune;andel\nAarhus;1.5\nOdense;2\n")
    #expect(values(try #require(try registry.load("dc")), "andel") == [.double(1.5), .double(2)])
    _ = temporary
    let (bad, temporary2) = try self.registry(decimalLine: "decimal: komma", csv: "kommune;andel\nAarhus;1,5\nOdense;2\n")
    #expect(bad.problems.first?.message == "decimal must be comma or point, not 'komma'")
    _ = temporary2
  }
}

// Review P2 #17: manifests accept `delimiter:` and `encoding:` keys, and a bad number names the
// manifest and its `decimal:` key instead of "remove the override" (a manifest has none).
@Suite struct ManifestReadingKeysTests {
  func registry(_ lines: String, csv: [UInt8]) throws -> (DatasetRegistry, TemporaryDirectory) {
    let temporary = try TemporaryDirectory()
    try AtomicFile.write(DecimalCommaManifestTests.manifest(lines), to: temporary.path + "/dc.manifest")
    try AtomicFile.write(bytes: csv, to: temporary.path + "/dc.csv")
    return (DatasetRegistry(directories: [temporary.path]), temporary)
  }

  @Test func delimiterAndEncodingKeysAreUsed() throws {
    // Latin-1 bytes (ø = 0xF8) separated by '|'.
    let csv: [UInt8] = Array("kommune|andel\nK".utf8) + [0xF8] + Array("ge|1.5\nOdense|2.5\n".utf8)
    let (registry, temporary) = try registry("delimiter: |\nencoding: latin1", csv: csv)
    #expect(registry.problems.isEmpty)
    let table = try #require(try registry.load("dc"))
    #expect(values(table, "kommune") == [.string("Køge"), .string("Odense")])
    #expect(values(table, "andel") == [.double(1.5), .double(2.5)])
    _ = temporary
    let (bad, temporary2) = try self.registry("delimiter: :", csv: Array("kommune;andel\n".utf8))
    #expect(bad.problems.first?.message == "delimiter must be one of , ; tab |, not ':'")
    _ = temporary2
    // Without the key a '|' file's header is one column: the hint names the delimiter key.
    let (piped, temporary3) = try self.registry("", csv: Array("kommune|andel\nAarhus|1.5\n".utf8))
    do {
      _ = try piped.load("dc")
      Issue.record("expected an error")
    } catch {
      #expect(error.hints.contains { $0.contains("delimiter: ;") })
    }
    _ = temporary3
  }

  @Test func aBadNumberPointsAtTheManifestsDecimalKey() throws {
    let (registry, temporary) = try registry("decimal: point", csv: Array("kommune;andel\nAarhus;12,5\nOdense;2\n".utf8))
    do {
      _ = try registry.load("dc")
      Issue.record("expected an error")
    } catch {
      #expect(error.message == "cannot read '12,5' as double in column andel")
      #expect(error.hints.contains { $0.contains("declares andel as double") })
      #expect(error.hints.contains { $0.contains("change 'decimal: point' to 'decimal: comma'") })
      #expect(!error.hints.contains { $0.contains("override") })
    }
    _ = temporary
  }
}
