import Testing
@testable import TrappeBase
@testable import TrappeShell

/// Expected values are written out by hand from the bytes of each input.
@Suite struct ScriptSourceTests {
  private func decode(_ bytes: [UInt8]) throws -> ScriptSource {
    try ScriptSource.decode(bytes, name: "s.trp")
  }

  @Test func lfCrlfAndLoneCrAllEndLines() throws {
    #expect(ScriptSource.splitLines("a\nb\nc") == ["a", "b", "c"])
    #expect(ScriptSource.splitLines("a\r\nb\r\nc") == ["a", "b", "c"])
    #expect(ScriptSource.splitLines("a\rb\rc") == ["a", "b", "c"])
  }

  @Test func mixedLineEndsCountOneLineEach() {
    // LF, CRLF, CR, then CR LF as one end, then LF CR as two ends (an empty line between).
    #expect(ScriptSource.splitLines("a\nb\r\nc\rd\r\ne\n\rf") == ["a", "b", "c", "d", "e", "", "f"])
  }

  @Test func aFinalLineEndLeavesAnEmptyLastLineAndNoneKeepsTheLastLine() {
    #expect(ScriptSource.splitLines("x\r\n") == ["x", ""])
    #expect(ScriptSource.splitLines("x\r\ny") == ["x", "y"])
    #expect(ScriptSource.splitLines("") == [""])
  }

  @Test func crlfScriptStartingWithACommentIsStillManyLines() throws {
    // "-- report\r\n.save kommuner k.csv\r\n": the comment is line 1, the .save line 2.
    let source = try decode(Array("-- report\r\n.save kommuner k.csv\r\n".utf8))
    #expect(source.lines == ["-- report", ".save kommuner k.csv", ""])
    #expect(source.note == nil)
  }

  @Test func utf8ByteOrderMarkIsDropped() throws {
    let source = try decode([0xEF, 0xBB, 0xBF] + Array(".mode\r\n.tables".utf8))
    #expect(source.lines == [".mode", ".tables"])
    #expect(source.note == nil)
  }

  @Test func windows1252IsDecodedWithANoteAtTheFirstInvalidByte() throws {
    // "-- x\r\n" then `where navn == "K` + 0xF8 (ø in Windows-1252) + `benhavn"`.
    // 0xF8 is byte 17 of line 2: `where navn == "K` is 16 bytes.
    let bytes = Array("-- x\r\nwhere navn == \"K".utf8) + [0xF8] + Array("benhavn\"".utf8)
    let source = try decode(bytes)
    #expect(source.lines == ["-- x", "where navn == \"København\""])
    #expect(source.note?.contains("s.trp:2:17: byte 0xF8 is not UTF-8; read s.trp as Windows-1252") == true)
  }

  @Test func aByteWindows1252DoesNotDefineIsAnErrorWithItsPosition() {
    // 0x81 is undefined in Windows-1252 (and not UTF-8): line 1, byte 3.
    #expect(throws: ScriptSource.ReadError.self) { try decode([0x61, 0x62, 0x81]) }
    do throws(ScriptSource.ReadError) {
      _ = try ScriptSource.decode([0x61, 0x62, 0x81], name: "s.trp")
      Issue.record("decoded a byte that is neither UTF-8 nor Windows-1252")
    } catch {
      #expect(error.reason.hasPrefix("s.trp:1:3: byte 0x81 is not UTF-8"))
    }
  }
}
