import Testing
@testable import TrappeBase
@testable import TrappeStorage
@testable import TrappeIO
@testable import TrappeQuery
@testable import TrappeAnalysis
@testable import TrappeCharts
@testable import TrappeShell

@Test func plainLocaleLeavesNumbersAlone() {
  #expect(NumberFormatting.format(Int64(12345), locale: .plain) == "12345")
  #expect(NumberFormatting.format(Int64(-1_234_567), locale: .plain) == "-1234567")
  #expect(NumberFormatting.format(12345.5, locale: .plain) == "12345.5")
  #expect(NumberFormatting.format(2.0, locale: .plain) == "2.0")
}

@Test func danishGroupsOnlyFiveOrMoreIntegerDigits() {
  #expect(NumberFormatting.format(Int64(2008), locale: .danish) == "2008")
  #expect(NumberFormatting.format(Int64(1234), locale: .danish) == "1234")
  #expect(NumberFormatting.format(Int64(-1234), locale: .danish) == "-1234")
  #expect(NumberFormatting.format(Int64(12345), locale: .danish) == "12.345")
  #expect(NumberFormatting.format(Int64(123_456), locale: .danish) == "123.456")
  #expect(NumberFormatting.format(Int64(-1_234_567), locale: .danish) == "-1.234.567")
  #expect(NumberFormatting.format(Int64(0), locale: .danish) == "0")
  #expect(NumberFormatting.format(Int64.min, locale: .danish) == "-9.223.372.036.854.775.808")
}

@Test func danishDoublesUseDecimalComma() {
  #expect(NumberFormatting.format(12345.6, locale: .danish) == "12.345,6")
  #expect(NumberFormatting.format(0.5, locale: .danish) == "0,5")
  #expect(NumberFormatting.format(-0.5, locale: .danish) == "-0,5")
  #expect(NumberFormatting.format(1234.5, locale: .danish) == "1234,5")
  #expect(NumberFormatting.format(2008.0, locale: .danish) == "2008,0")
  #expect(NumberFormatting.format(-1_234_567.25, locale: .danish) == "-1.234.567,25")
  #expect(NumberFormatting.format(0.0005, locale: .danish) == "0,0005")
  #expect(NumberFormatting.format(1.5e20, locale: .danish) == "1,5e+20")
  #expect(NumberFormatting.format(Double.nan, locale: .danish) == "NaN")
}

@Test func displayHidesBinaryNoiseButExportsKeepIt() {
  #expect(NumberFormatting.format(0.8600000000000003, locale: .plain) == "0.86")
  #expect(NumberFormatting.format(2.6666666666666665, locale: .plain) == "2.6667")
  #expect(NumberFormatting.format(123456789.125, locale: .plain) == "123456789.125")
  #expect(NumberFormatting.format(0.000012345, locale: .plain) == "1.235e-05")
  #expect(NumberFormatting.format(10.918918918918919, locale: .plain) == "10.9189")
  #expect(NumberFormatting.plain(0.8600000000000003) == "0.8600000000000003")
}
