import Testing
@testable import TrappeBase
@testable import TrappeStorage
@testable import TrappeIO
@testable import TrappeQuery

// Issue 15 item 5: label COLUMN = "…", format COLUMN N and .lang da (display only).
@Suite struct DisplayLabelsTests {
  /// A column with a NULL at `null`.
  static func withNull<E>(_ values: [E], null: Int) -> PrimitiveColumn<E> {
    var validity = ValidityMask(allValid: values.count)
    validity.set(null, valid: false)
    return PrimitiveColumn(values: values, validity: validity)
  }

  @Test func danishWordsForAnalysisOutput() {
    var display = DisplayLabels()
    #expect(display.header(for: "value") == "value")
    display.language = .da
    #expect(display.header(for: "value") == "værdi")
    #expect(display.header(for: "peer_value") == "sammenlignelige")
    #expect(display.header(for: "national_value") == "landsgennemsnit")
    #expect(display.header(for: "trend") == "tendens")
    // Names that are not analysis words, and municipality columns, stay.
    #expect(display.header(for: "kommune") == "kommune")
    #expect(display.header(for: "befolkning") == "befolkning")
    // A label wins over the Danish word.
    display.labels["value"] = "Andel i gang (%)"
    #expect(display.header(for: "value") == "Andel i gang (%)")
    // Every Danish header is distinct, so two columns never read the same.
    #expect(Set(DanishWords.headers.values).count == Set(DanishWords.headers.keys.filter { $0 != "expected_value" }).count)
  }

  @Test func booleansAndTrendWordsInDanish() {
    var display = DisplayLabels()
    let flags = Column.bool(Self.withNull([true, false, false], null: 2))
    let trend = Column.string(StringColumn(["approaching", "moving away", "met", nil]))
    let place = Column.string(StringColumn(["met"]))
    #expect(display.texts(flags, named: "met", rows: [0, 1, 2], locale: .plain) == nil)
    display.language = .da
    #expect(display.texts(flags, named: "met", rows: [0, 1, 2], locale: .plain) == ["ja", "nej", nil])
    #expect(
      display.texts(trend, named: "trend", rows: [0, 1, 2, 3], locale: .plain) == ["nærmer sig", "fjerner sig", "nået", nil])
    // Only the analysis-word columns: a text column that happens to hold "met" is data.
    #expect(display.texts(place, named: "kommune", rows: [0], locale: .plain) == nil)
  }

  @Test func fixedDecimals() {
    #expect(DisplayLabels.fixed(12.345, 1, locale: .plain) == "12.3")
    #expect(DisplayLabels.fixed(12.35, 1, locale: .plain) == "12.4")  // 12.35 is 12.3500000000000014…
    #expect(DisplayLabels.fixed(2.5, 0, locale: .plain) == "3")
    #expect(DisplayLabels.fixed(-2.5, 0, locale: .plain) == "-3")
    #expect(DisplayLabels.fixed(-0.04, 1, locale: .plain) == "0.0")
    #expect(DisplayLabels.fixed(7, 2, locale: .plain) == "7.00")
    #expect(DisplayLabels.fixed(0.05, 3, locale: .plain) == "0.050")
    #expect(DisplayLabels.fixed(12345.678, 2, locale: .danish) == "12.345,68")
    #expect(DisplayLabels.fixed(1234.5, 1, locale: .danish) == "1.234,5")  // as every Danish table column
    #expect(DisplayLabels.fixed(-1234567.25, 1, locale: .danish) == "-1.234.567,3")
    var display = DisplayLabels()
    display.decimals["value"] = 1
    let values = Column.double(Self.withNull([13.1531, 0, 7], null: 1))
    #expect(display.texts(values, named: "value", rows: [0, 1, 2], locale: .plain) == ["13.2", nil, "7.0"])
    #expect(display.texts(values, named: "other", rows: [0], locale: .plain) == nil)
  }

  @Test func statementsParse() throws {
    #expect(ASTDump.dump(try QueryParser.parse(#"label value = "Andel i gang (%)""#)) == #"(label value "Andel i gang (%)")"#)
    #expect(ASTDump.dump(try QueryParser.parse("label value = none")) == "(label value none)")
    #expect(ASTDump.dump(try QueryParser.parse("format value 1")) == "(format value 1)")
    #expect(ASTDump.dump(try QueryParser.parse("format value none")) == "(format value none)")
    // A table called label or format still works as a pipeline source.
    #expect(ASTDump.dump(try QueryParser.parse("label | take 1")) == "(pipeline label (take 1))")
    #expect(ASTDump.dump(try QueryParser.parse("format")) == "(pipeline format)")
    #expect(throws: LanguageError.self) { try QueryParser.parse("format value 11") }
    #expect(throws: LanguageError.self) { try QueryParser.parse("label value 3") }
  }
}
