import Testing
@testable import TrappeIO

/// The record splitter against the fields it was given: random fields of delimiters, quotes,
/// CR, LF and multi-byte letters, of every length around the 8 bytes the scanner looks at
/// at once, written as CSV and split again.
@Suite struct CSVScannerTests {
  @Test func randomRecordsSplitIntoTheFieldsWritten() throws {
    var state: UInt64 = 20_081_231
    func next(_ bound: Int) -> Int {
      state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
      return Int((state >> 33) % UInt64(bound))
    }
    let pieces = ["a", "b", "1", ",", ";", "\t", "\r", "\n", "\"", " ", "æ", "xyzxyzxyz"]
    for round in 0..<300 {
      let delimiter: UInt8 = [0x2C, 0x3B, 0x09, 0x7C][next(4)]
      let lineEnd = next(2) == 0 ? "\n" : "\r\n"
      var records: [[String]] = []
      var text = ""
      for _ in 0..<(1 + next(12)) {
        var fields: [String] = []
        for _ in 0..<(1 + next(5)) {
          var field = ""
          for _ in 0..<next(20) { field += pieces[next(pieces.count)] }
          fields.append(field)
        }
        records.append(fields)
        let written = fields.map { field -> String in
          let special = field.utf8.contains { $0 == delimiter || $0 == 0x22 || $0 == 10 || $0 == 13 }
          // A record of one empty field would be a blank line, which is skipped: quote it.
          if special || (fields.count == 1 && field.isEmpty) || next(10) == 0 {
            return "\"" + field.replacingOccurrences(of: "\"", with: "\"\"") + "\""
          }
          return field
        }
        text += written.joined(separator: String(UnicodeScalar(delimiter))) + lineEnd
      }
      if next(3) == 0 { text.removeLast() }
      let bytes = Array(text.utf8)
      var got: [[String]] = []
      try bytes.withUnsafeBufferPointer { buffer in
        var scanner = CSVScanner(bytes: buffer, delimiter: delimiter)
        var spans = [CSVFieldSpan](repeating: CSVFieldSpan(start: 0, end: 0, quoted: false, escaped: false), count: 8)
        var recordStart = 0
        var firstExtra = 0
        while true {
          let fields = try spans.withUnsafeMutableBufferPointer { s in
            try scanner.next(into: s.baseAddress!, capacity: 8, recordStart: &recordStart, firstExtra: &firstExtra)
          }
          guard let fields else { break }
          got.append(
            spans.prefix(fields).map { span in
              let content = String(decoding: buffer[span.start..<span.end], as: UTF8.self)
              return span.escaped ? content.replacingOccurrences(of: "\"\"", with: "\"") : content
            })
        }
      }
      #expect(got == records, "round \(round): \(text.debugDescription)")
    }
  }

  /// Bytes without quotes split the same way with the stop bits of 64 bytes at a time as field
  /// by field: every record's field count, spans, start and first extra field, and where the
  /// scan ends. Lone CRs, CRLF, blank lines, a trailing delimiter or CR at the very end, long
  /// fields across the 64-byte blocks, and records with more fields than spans.
  @Test func quoteFreeBytesSplitAsFieldByField() {
    var random = SeededGenerator(seed: 64)
    let pieces = ["a", "1", "\r", "\n", "\r\n", "\n\n", " ", "æ", String(repeating: "x", count: 70), "yz"]
    for round in 0..<2_000 {
      let delimiter: UInt8 = [0x2C, 0x3B, 0x09, 0x7C][random.below(4)]
      var bytes: [UInt8] = []
      for _ in 0..<random.below(60) {
        if random.below(3) == 0 {
          bytes.append(delimiter)
        } else {
          bytes += Array(pieces[random.below(pieces.count)].utf8)
        }
      }
      func scan(quoteFree: Bool) -> [[Int]] {
        var out: [[Int]] = []
        bytes.withUnsafeBufferPointer { buffer in
          var scanner = CSVScanner(bytes: buffer, delimiter: delimiter, quoteFree: quoteFree)
          let capacity = 3
          var spans = [CSVFieldSpan](repeating: CSVFieldSpan(start: 0, end: 0, quoted: false, escaped: false), count: capacity)
          var recordStart = -1
          var firstExtra = -1
          while true {
            // Bytes without quotes never fail to scan.
            let fields: Int? = spans.withUnsafeMutableBufferPointer { s in
              (try? scanner.next(into: s.baseAddress!, capacity: capacity, recordStart: &recordStart, firstExtra: &firstExtra)) ?? nil
            }
            guard let fields else { break }
            out.append([fields, recordStart, fields > capacity ? firstExtra : -1, scanner.position]
              + spans.prefix(Swift.min(fields, capacity)).flatMap { [$0.start, $0.end] })
          }
        }
        return out
      }
      let fast = scan(quoteFree: true)
      let plain = scan(quoteFree: false)
      #expect(fast == plain, "round \(round): \(String(decoding: bytes, as: UTF8.self).debugDescription)")
      if fast != plain { return }
    }
  }
}
