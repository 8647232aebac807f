import Testing
@testable import TrappeBase
@testable import TrappeStorage
@testable import TrappeDatasets
@testable import TrappeShell

@Suite struct CatalogEntryTests {
  static func manifest(_ name: String, kind: String) throws -> DatasetManifest {
    let text = """
      name: \(name)
      title: t
      kind: \(kind)
      file: \(name).csv
      rows: 2
      source: the source of \(name)
      cite: cite \(name)
      period: 2007
      terms: free
      column kommune: string | - | name
      column personer: int | persons | persons in the group
      """
    return try DatasetManifest.parse(text, path: "/nowhere/\(name).manifest")
  }

  static let table = Table([
    ("kommune", .string(StringColumn(["A", "B"]))), ("personer", .int64(Int64Column([10, 20]))),
  ])

  @Test func aDatasetNamesItsCitationAndMarksItsPersonColumnsAsCounts() throws {
    let entry = CatalogEntry.dataset("r", table: Self.table, manifest: try Self.manifest("r", kind: "illustrative"))
    #expect(entry.sourceLine == "r (cite r, 2007)")
    #expect(entry.provenance.illustrative)
    #expect(entry.roles == [.plain, .count])
    #expect(entry.provenance.manifest?.name == "r")
  }

  @Test func aFileIsItsPathUnlessItsBytesAreADatasets() throws {
    let plain = CatalogEntry.file("f", table: Self.table, path: "data/f.csv", contentHash: "00", dataset: nil)
    #expect(plain.sourceLine == "data/f.csv")
    #expect(!plain.provenance.illustrative)
    #expect(plain.roles == [.plain, .plain])
    #expect(plain.provenance.manifest == nil)
    let generated = try Self.manifest("r", kind: "illustrative")
    let copy = CatalogEntry.file("g", table: Self.table, path: "Datasets/r.csv", contentHash: "00", dataset: generated)
    #expect(copy.sourceLine == "Datasets/r.csv = r (cite r, 2007)")
    #expect(copy.provenance.illustrative)
    #expect(copy.roles == [.plain, .count])
  }

  @Test func aDerivedTableTakesEachRealSourceOnceAndTheLabelFromAnyInput() throws {
    let real = CatalogEntry.dataset("k", table: Self.table, manifest: try Self.manifest("k", kind: "real"))
    let generatedManifest = try Self.manifest("r", kind: "illustrative")
    let generated = CatalogEntry.dataset("r", table: Self.table, manifest: generatedManifest)
    let x = CatalogEntry.derived(
      "x", table: Self.table, statement: "let x = k", inputs: [real], roles: [.plain, .count])
    #expect(x.sourceLine == "x ← k (cite k, 2007)")
    #expect(x.describedSource == "let x = k ← k (cite k, 2007)")
    #expect(!x.provenance.illustrative)
    let joined = CatalogEntry.derived(
      "out1", table: Self.table, statement: "x | join (r) on kommune", inputs: [x, generated, real], roles: [])
    #expect(joined.provenance.leaves.map(\.line) == ["k (cite k, 2007)", "r (cite r, 2007)"])
    #expect(joined.provenance.illustrative)
    // Roles are padded to the table's columns (a pivot's columns are known only after running).
    #expect(joined.roles == [.plain, .plain])
  }

  @Test func theCatalogKeepsOneEntryPerNameAndNumbersResults() throws {
    var catalog = Catalog()
    let real = CatalogEntry.dataset("k", table: Self.table, manifest: try Self.manifest("k", kind: "real"))
    let replaced = catalog.register(real)
    #expect(!replaced)
    #expect(catalog.nextResultName == "out1")
    catalog.appendResult(.derived("out1", table: Self.table, statement: "k", inputs: [real], roles: []))
    #expect(catalog.entry("_")?.name == "out1")
    #expect(catalog.entry("out1")?.name == "out1")
    #expect(catalog.entry("out2") == nil)
    let removed = catalog.remove("k")
    #expect(removed)
    #expect(catalog.entry("k") == nil)
    #expect(catalog.entry("out1") != nil)
  }
}
