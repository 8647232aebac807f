import Testing
@testable import TrappeBase

/// `trimmed()` works on UTF-8 bytes for speed (start-up reads every manifest line through it,
/// issue 16 item 5) and must give exactly what the Character-wise version gives.
@Suite struct TrimmingTests {
  @Test func bytewiseTrimmingMatchesCharacterwise() {
    let pieces = [
      "", " ", "\t", "\n", "\r", "\r\n", "a", "ø", "kode", "\u{301}", "é", "\u{0600}", "🇩🇰", "👩‍👩‍👧", "æ ø", "|", ":",
    ]
    var cases: [String] = []
    for a in pieces { for b in pieces { for c in pieces { cases.append(a + b + c) } } }
    for a in pieces { for b in pieces { cases.append("  " + a + " x " + b + "\t\r\n") } }
    for text in cases {
      #expect(text.trimmed() == text.characterwiseTrimmed(), "\(Array(text.unicodeScalars))")
    }
  }

  @Test func knownCases() {
    #expect("  name: befolkning \t".trimmed() == "name: befolkning \t".trimmed())
    #expect("  name: befolkning \t".trimmed() == "name: befolkning")
    #expect(" \u{301}x ".trimmed() == " \u{301}x")  // the space carries the accent: one Character
    #expect("\r\nx\r\n".trimmed() == "\r\nx\r\n")  // "\r\n" is neither "\r" nor "\n"
    #expect(" ø ".trimmed() == "ø")
    #expect("   ".trimmed() == "")
  }
}
