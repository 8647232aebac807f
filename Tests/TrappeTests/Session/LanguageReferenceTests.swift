import Glibc
import Testing
@testable import TrappeBase
@testable import TrappeStorage
@testable import TrappeIO
@testable import TrappeQuery
@testable import TrappeAnalysis
@testable import TrappeCharts
@testable import TrappeDatasets
@testable import TrappeShell
import TrappeTestSupport

/// Runs every stage and function example from `.help` and compares its CSV output with the
/// entry's expected result (computed with DuckDB by Tests/analyses/help_examples.py, not by
/// Trappe); also runs the prose examples of docs/language.md and keeps that file in step.
@Suite(.serialized) struct LanguageReferenceTests {
  @Test(arguments: LanguageEntry.all.map { "\($0.kind.rawValue): \($0.name)" })
  func exampleGivesItsResult(_ label: String) throws {
    let name = String(label.split(separator: " ").last ?? "")
    let entry = try #require(LanguageEntry.all.first { "\($0.kind.rawValue): \($0.name)" == label && $0.name == name })
    var settings = SessionSettings()
    settings.format = .csv
    let captured = CapturedSession(settings: settings)
    let outcome = captured.session.run(entry.example)
    #expect(outcome == .success, "\(entry.example)\n\(captured.errors)")
    #expect(!captured.errors.contains("warning"), "\(entry.example)\n\(captured.errors)")
    guard let expected = entry.result else {
      // The one stated exception: a chart's output is a drawing, not a table.
      #expect(entry.name == "chart", "\(label) has no expected result")
      return
    }
    // Both streams, as a terminal shows them (a `let` reports on the error stream). Examples
    // over the generated datasets must carry the illustrative label; the values are compared
    // without it.
    let both = captured.take()
    let generated = ["resultater", "forloeb", "jobpakker"].contains { entry.example.contains($0) }
      || (entry.kind == .analysis && !["peers", "expected"].contains(entry.name))
    #expect(both.contains(Session.illustrativeNotice) == generated, "\(label): illustrative label")
    let printed = both.split(separator: "\n", omittingEmptySubsequences: false)
      .filter { $0 != Session.illustrativeNotice }.joined(separator: "\n")
    #expect(
      Self.sameTable(printed, expected), "\(entry.example)\n--- expected ---\n\(expected)\n--- got ---\n\(printed)")
  }

  /// The prose examples of docs/language.md's opening sections, with their values from the text
  /// (and the opening pipeline's from DuckDB: `help_examples.py prose:pipeline`).
  @Test func proseExamples() throws {
    func csv(_ query: String) -> (String, String) {
      var settings = SessionSettings()
      settings.format = .csv
      let captured = CapturedSession(settings: settings)
      _ = captured.session.run(query)
      return (captured.standard, captured.errors)
    }
    let pipeline = """
      kommunepanel
      | where aar == 2008
      | summarize ledige = sum(fuldtidsledige), indbyggere = sum(befolkning) by region
      | extend andel = round(100.0 * ledige / indbyggere, 2)
      | top 3 by andel
      """
    #expect(
      Self.sameTable(
        csv(pipeline).0,
        "region,ledige,indbyggere,andel\nRegion Hovedstaden,26038,1645729,1.58\n"
          + "Region Nordjylland,9036,578839,1.56\nRegion Sjælland,10459,819427,1.28"))
    // "`3 / 4` is `0.75`"; "`false and null` is false, `true or null` is true, ... `not null` is NULL";
    // "`x ?? y` (the same as `coalesce(x, y)`)".
    #expect(
      csv("kommuner | take 1 | select a = 3 / 4, b = false and null, c = true or null, d = not null, e = null ?? 2").0
        == "a,b,c,d,e\n0.75,false,true,,2\n")
    // "(`warning: 2 divisions by zero gave NULL`)".
    #expect(csv("kommuner | take 2 | select x = 1 / 0").1.contains("warning: 2 divisions by zero gave NULL"))
    // The error transcript of the "Errors" section, line by line.
    let errors = csv("kommunepanel | where befolknig > 1000").1
    for line in [
      "error: unknown column 'befolknig'", "  1 | kommunepanel | where befolknig > 1000",
      "    |                      ^^^^^^^^^", "hint: did you mean 'befolkning'?",
      "hint: columns: kommunekode, kommune, region, vip2, aar, befolkning, fuldtidsledige, kontanthjaelp_jan",
      "hint: in stage 1: where",
    ] {
      #expect(errors.contains(line + "\n"), "\(line)\n\(errors)")
    }
  }

  /// Whether CSV output `actual` is the table `expected`: the same lines, except that two
  /// decimal numbers (both with a `.` or an exponent) may differ in the last bits (1e-12 relative),
  /// as sums taken in another order do. An int where a double is expected differs.
  static func sameTable(_ actual: String, _ expected: String) -> Bool {
    let got = actual.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    var want = expected.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    want.append("")
    guard got.count == want.count else { return false }
    for (a, b) in zip(got, want) where a != b {
      let x = a.split(separator: ",", omittingEmptySubsequences: false)
      let y = b.split(separator: ",", omittingEmptySubsequences: false)
      guard x.count == y.count else { return false }
      for (p, q) in zip(x, y) where p != q {
        let decimal: (Substring) -> Double? = { text in
          text.contains(where: { $0 == "." || $0 == "e" }) ? Double(text) : nil
        }
        guard let u = decimal(p), let v = decimal(q), Swift.abs(u - v) <= 1e-12 * Swift.max(Swift.abs(u), Swift.abs(v))
        else { return false }
      }
    }
    return true
  }

  @Test func everyStageAndFunctionHasAnEntry() {
    let names = Set(LanguageEntry.all.map(\.name))
    for function in ScalarFunction.allCases { #expect(names.contains(function.rawValue), "\(function)") }
    for function in AggregateFunction.allCases { #expect(names.contains(function.rawValue), "\(function)") }
    for name in FunctionCatalog.windowNames { #expect(names.contains(name), "\(name)") }
    for keyword in Session.stageKeywords { #expect(names.contains(keyword), "\(keyword)") }
  }

  @Test func docsMatchTheReference() throws {
    let path = ProjectRoot.file("docs/language.md")
    let expected = LanguageEntry.referenceDocument()
    let actual = try TextFile.read(path)
    if Environment.value("RECORD_GOLDEN") == "1" {
      // Rewrites and fails, so the regenerated document is reviewed before a run passes.
      try AtomicFile.write(expected, to: path)
      Issue.record("RECORD_GOLDEN=1: docs/language.md was rewritten\(actual == expected ? " (unchanged)" : ""); re-run without it")
      return
    }
    #expect(actual == expected, "docs/language.md is out of date: run RECORD_GOLDEN=1 swift test")
  }
}
