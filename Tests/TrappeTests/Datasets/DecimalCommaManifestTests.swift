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
