import Testing
@testable import TrappeBase
@testable import TrappeStorage
@testable import TrappeIO

// Reliability review D16: box mode rounded to 12 significant digits and printed the
// result as if exact, inventing digits. Expected texts are the values' own digits:
// Int64.max = 9223372036854775807 is the double 9223372036854775808 = 2^63, which rounded to
// 12 significant digits is 9.22337203685e+18 (the 13th digit is 4); 98765432109876.5 is exact in binary, and 123456789012.34567 is the shortest
// spelling that reads back as the double nearest 123456789012.345678 (…012.3456726)
@Test func boxDisplayOfLargeDoublesInventsNoDigits() {
  #expect(NumberFormatting.format(Double(Int64.max), locale: .plain) == "9.22337203685e+18")
  #expect(NumberFormatting.format(-Double(Int64.max), locale: .danish) == "-9,22337203685e+18")
  // 9.9999999999999e+20 rounds up across every digit: 1e+21. 1.5e+20 keeps its digits.
  #expect(NumberFormatting.format(9.9999999999999e20, locale: .plain) == "1e+21")
  #expect(NumberFormatting.format(1.5e20, locale: .plain) == "1.5e+20")
  // 5534023222112865484 (= 0.6 × 2^63, rounded to a double) → 5.53402322211e+18 (13th digit 2).
  #expect(NumberFormatting.format(5_534_023_222_112_865_484.0, locale: .plain) == "5.53402322211e+18")
  #expect(NumberFormatting.format(98_765_432_109_876.5, locale: .plain) == "98765432109876.5")
  #expect(NumberFormatting.format(123_456_789_012.345678, locale: .plain) == "123456789012.34567")
  #expect(NumberFormatting.format(98_765_432_109_876.5, locale: .danish) == "98.765.432.109.876,5")
  // Below 1e11 only decimals are rounded (12 significant digits): 1234567890.123456 → 1234567890.12.
  #expect(NumberFormatting.format(1_234_567_890.123456, locale: .plain) == "1234567890.12")
  #expect(NumberFormatting.format(10.918918918, locale: .plain) == "10.9189")
}

@Test func boxRendererShowsExactLargeDoubles() {
  let table = Table([("v", .double(PrimitiveColumn([Double(Int64.max), 98_765_432_109_876.5])))])
  let text = BoxRenderer(options: RenderOptions()).render(table)
  #expect(text.contains("9.22337203685e+18"))
  #expect(text.contains("98765432109876.5"))
  #expect(!text.contains("9.223372036850001e+18"))
  #expect(!text.contains("98765432109900"))
}
