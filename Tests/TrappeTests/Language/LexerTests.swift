import Testing
@testable import TrappeBase
@testable import TrappeStorage
@testable import TrappeIO
@testable import TrappeQuery
@testable import TrappeAnalysis
@testable import TrappeCharts
@testable import TrappeDatasets
@testable import TrappeShell

@Suite struct LexerTests {
  /// The kinds of all tokens of `text`, without the end token.
  func kinds(_ text: String) throws -> [TokenKind] {
    try Lexer.tokenize(text).dropLast().map(\.kind)
  }

  /// The error lexing `text` throws, if any.
  func lexError(_ text: String) -> LanguageError? {
    do {
      _ = try Lexer.tokenize(text)
      return nil
    } catch {
      return error
    }
  }

  @Test func punctuationAndOperators() throws {
    #expect(
      try kinds("| ( ) , . = == != <> < <= > >= + - * / % ??") == [
        .pipe, .leftParen, .rightParen, .comma, .dot, .assign, .equal, .notEqual, .notEqual, .less,
        .lessOrEqual, .greater, .greaterOrEqual, .plus, .minus, .star, .slash, .percent, .coalesce,
      ])
    #expect(try kinds("a<=b") == [.identifier("a"), .lessOrEqual, .identifier("b")])
  }

  @Test func identifiersIncludeDanishAndOtherLetters() throws {
    #expect(try kinds("kommune_nr x2 _ out3") == [.identifier("kommune_nr"), .identifier("x2"), .identifier("_"), .identifier("out3")])
    #expect(try kinds("ydelsesgrad_år Ærø ØSTER åben") == [.identifier("ydelsesgrad_år"), .identifier("Ærø"), .identifier("ØSTER"), .identifier("åben")])
    #expect(try kinds("straße δx") == [.identifier("straße"), .identifier("δx")])
    // A combining ring above keeps the name together.
    #expect(try kinds("a\u{030A}r") == [.identifier("a\u{030A}r")])
  }

  @Test func backquotedNames() throws {
    #expect(try kinds("`Antal fuldtidspersoner` `by`") == [.quotedIdentifier("Antal fuldtidspersoner"), .quotedIdentifier("by")])
    let tokens = try Lexer.tokenize("x `a b`")
    #expect(tokens[1].range == SourceRange(2, 7))
  }

  @Test func numbers() throws {
    #expect(try kinds("0 42 2008 1.5 1e3 2.5E-2 7e+1") == [.integer(0), .integer(42), .integer(2008), .double(1.5), .double(1000), .double(0.025), .double(70)])
    // `1.` without digits is an integer and a dot.
    #expect(try kinds("1.x") == [.integer(1), .dot, .identifier("x")])
    #expect(try kinds("2010-2008") == [.integer(2010), .minus, .integer(2008)])
    #expect(try kinds("2008 - 09") == [.integer(2008), .minus, .integer(9)])
  }

  @Test func strings() throws {
    #expect(try kinds(#""a" 'b' "it's" 'say "hi"'"#) == [.string("a"), .string("b"), .string("it's"), .string("say \"hi\"")])
    #expect(try kinds(#""q\"q" 'q\'q' "b\\s" "n\nt\t""#) == [.string("q\"q"), .string("q'q"), .string("b\\s"), .string("n\nt\t")])
    #expect(try kinds("'Næstved Kommune 😀'") == [.string("Næstved Kommune 😀")])
    #expect(try kinds("''") == [.string("")])
  }

  @Test(arguments: [
    ("2008Q3", Period.quarter(2008, 3)), ("2008K3", .quarter(2008, 3)), ("2008k1", .quarter(2008, 1)),
    ("2008W12", .week(2008, 12)), ("2008U12", .week(2008, 12)), ("2008-09", .month(2008, 9)),
    ("2008M09", .month(2008, 9)), ("2008-W12", .week(2008, 12)),
  ])
  func periodLiterals(text: String, period: Period) throws {
    let tokens = try Lexer.tokenize("p >= \(text)")
    #expect(tokens[2].kind == .period(period))
    #expect(tokens[2].range == SourceRange(5, 5 + text.utf8.count))
  }

  @Test func commentsAndNewlines() throws {
    #expect(try kinds("a # comment | b\n| c -- another\n/ d - -e") == [.identifier("a"), .pipe, .identifier("c"), .slash, .identifier("d"), .minus, .minus, .identifier("e")])
    #expect(try kinds("a\u{00A0}b\r\n\tc") == [.identifier("a"), .identifier("b"), .identifier("c")])
  }

  @Test func rangesAreUTF8Offsets() throws {
    let tokens = try Lexer.tokenize("æø == 'å'")
    #expect(tokens.map(\.range) == [SourceRange(0, 4), SourceRange(5, 7), SourceRange(8, 12), SourceRange(12, 12)])
  }

  @Test func lexesOnlyTheGivenRange() throws {
    let tokens = try Lexer.tokenize("xx a + b yy", in: SourceRange(3, 8))
    #expect(tokens.map(\.kind) == [.identifier("a"), .plus, .identifier("b"), .end])
    #expect(tokens[0].range == SourceRange(3, 4))
  }

  @Test(arguments: [
    ("a @ b", "unexpected character '@'", SourceRange(2, 3)),
    ("a 😀 b", "unexpected character '😀'", SourceRange(2, 6)),
    ("a \u{0} b", "unexpected character U+0000", SourceRange(2, 3)),
    ("x ! y", "unexpected character '!'", SourceRange(2, 3)),
    ("a ? b", "unexpected character '?'", SourceRange(2, 3)),
    ("where 2008Q7", "'2008Q7' is not a valid period (quarters are 1–4)", SourceRange(6, 12)),
    ("2008K0", "'2008K0' is not a valid period (quarters are 1–4)", SourceRange(0, 6)),
    ("x 2008-13", "'2008-13' is not a valid period (months are 1–12)", SourceRange(2, 9)),
    ("2008W53", "'2008W53' is not a valid period (2008 has 52 ISO weeks)", SourceRange(0, 7)),
    ("2008Q3x", "'2008Q3x' is not a valid period", SourceRange(0, 7)),
    ("12abc", "'12abc' is not a valid number", SourceRange(0, 5)),
    ("99999999999999999999", "the integer '99999999999999999999' is too large", SourceRange(0, 20)),
    ("a \"abc", "unterminated string", SourceRange(2, 3)),
    ("'abc\\'", "unterminated string", SourceRange(0, 1)),
    ("'a\\qb'", "unknown escape '\\q' in string", SourceRange(2, 4)),
    ("x `Antal", "unterminated backquoted name", SourceRange(2, 3)),
    ("``", "empty backquoted name", SourceRange(0, 2)),
  ])
  func errorsHaveExactRanges(text: String, message: String, range: SourceRange) throws {
    let error = try #require(lexError(text))
    #expect(error.message == message)
    #expect(error.range == range)
  }
}
