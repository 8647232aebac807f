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

/// Runs every stage and function example from `.help`, and keeps docs/language.md in step.
@Suite(.serialized) struct LanguageReferenceTests {
  @Test(arguments: LanguageEntry.all.map { "\($0.kind.rawValue): \($0.name)" })
  func exampleRuns(_ label: String) throws {
    let name = String(label.split(separator: " ").last ?? "")
    let entry = try #require(LanguageEntry.all.first { "\($0.kind.rawValue): \($0.name)" == label && $0.name == name })
    let captured = CapturedSession()
    let outcome = captured.session.run(entry.example)
    #expect(outcome == .success, "\(entry.example)\n\(captured.errors)")
    #expect(!captured.errors.contains("warning"), "\(entry.example)\n\(captured.errors)")
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
