import Testing
@testable import TrappeBase
@testable import TrappeStorage
@testable import TrappeIO
@testable import TrappeQuery
@testable import TrappeAnalysis
@testable import TrappeCharts
@testable import TrappeDatasets
@testable import TrappeShell

@Suite struct ManifestTests {
  let valid = """
    # a comment
    name: t
    title: A table
    kind: illustrative
    file: t.csv
    rows: 2
    source: Somewhere
    cite: Short
    period: 2008
    terms: Free
    note: one
    note: two
    column a: int | persons | Number of persons
    column b: string | - | A label
    """

  @Test func parsesEveryField() throws {
    let manifest = try DatasetManifest.parse(valid, path: "data/t.manifest")
    #expect(manifest.kind == .illustrative)
    #expect(manifest.file == "data/t.csv")
    #expect(manifest.fileName == "t.csv")
    #expect(manifest.notes == ["one", "two"])
    #expect(manifest.columns.map(\.name) == ["a", "b"])
    #expect(manifest.column("a")?.unit == "persons")
    #expect(manifest.column("b")?.unit == nil)
    #expect(manifest.provenanceLine == "t (Short, 2008)")
  }

  @Test(arguments: [
    ("kind: imaginary", "unknown kind 'imaginary'"),
    ("rows: many", "rows must be a whole number, not 'many'"),
    ("colour: red", "unknown key 'colour'"),
    ("column c: integer | - | x", ""),
    ("column c: number", "a column line reads 'column NAME: TYPE | UNIT | MEANING'"),
    ("column c: tekst | - | x", "unknown type 'tekst'"),
    ("column a: int | - | again", "column 'a' is described twice"),
    ("just words", "expected 'key: value'"),
    ("title: again", "'title' is given twice"),
  ])
  func reportsMistakesWithTheirLine(_ line: String, _ message: String) {
    // The line replaces the valid line with the same key, or is appended.
    var lines = valid.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    let key = String(line.prefix { $0 != ":" })
    let replaced = ["kind", "rows"].contains(key)
    let index = replaced ? (lines.firstIndex { $0.hasPrefix(key + ":") } ?? lines.count) : lines.count
    if replaced { lines[index] = line } else { lines.append(line) }
    do {
      _ = try DatasetManifest.parse(lines.joined(separator: "\n"), path: "t.manifest")
      #expect(message.isEmpty, "expected: \(message)")
    } catch {
      #expect(error.message == message)
      #expect(error.location?.line == index + 1)
      #expect(error.location?.file == "t.manifest")
    }
  }

  @Test func missingRequiredKeysAreNamed() {
    #expect(throws: Diagnostic.self) { try DatasetManifest.parse("name: t\nkind: real", path: "t.manifest") }
    do {
      _ = try DatasetManifest.parse("name: t\nkind: real\nrows: 1\ncolumn a: int | - | x", path: "t.manifest")
    } catch {
      #expect(error.message == "the manifest has no 'file:' line")
    }
  }
}
