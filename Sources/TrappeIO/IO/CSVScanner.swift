
/// Splits a UTF-8 buffer into CSV records and fields (RFC 4180) without allocating.
///
/// A quote opens a quoted field only at the start of a field; inside it `""`
/// stands for one quote, and delimiters and newlines are content. Records end
/// at LF or CRLF; blank lines are skipped.
struct CSVScanner {
  /// Why scanning stopped early, with the byte offset to point at.
  enum Failure: Error {
    case unterminatedQuote(Int)
    case textAfterQuote(Int)
  }

  let bytes: UnsafeBufferPointer<UInt8>
  let delimiter: UInt8
  /// The offset where the next record starts.
  var position: Int

  init(bytes: UnsafeBufferPointer<UInt8>, delimiter: UInt8, position: Int = 0) {
    self.bytes = bytes
    self.delimiter = delimiter
    self.position = position
  }

  /// The end of an unquoted field starting at `from`: the first delimiter, LF, or CR before an
  /// LF (or at the end of the input), or the end of the input. A lone CR is content.
  ///
  /// Looks at 8 bytes at a time (SWAR): a byte equal to one of the three stop bytes becomes
  /// zero after an XOR with that byte repeated, and `(x - 0x01…01) & ~x & 0x80…80` marks the
  /// first zero byte exactly (a borrow can only mark bytes above it).
  @inline(__always)
  private func unquotedEnd(from: Int) -> Int {
    let count = bytes.count
    var p = from
    guard let base = bytes.baseAddress else { return p }
    let raw = UnsafeRawPointer(base)
    let ones: UInt64 = 0x0101_0101_0101_0101
    let highs: UInt64 = 0x8080_8080_8080_8080
    let delimiters = ones &* UInt64(delimiter)
    let lineFeeds = ones &* 10
    let returns = ones &* 13
    while true {
      while p + 8 <= count {
        let word = raw.loadUnaligned(fromByteOffset: p, as: UInt64.self).littleEndian
        let a = word ^ delimiters
        let b = word ^ lineFeeds
        let c = word ^ returns
        let found =
          ((a &- ones) & ~a & highs) | ((b &- ones) & ~b & highs) | ((c &- ones) & ~c & highs)
        if found != 0 {
          p += found.trailingZeroBitCount >> 3
          break
        }
        p += 8
      }
      // The stop byte found, or the last few bytes one at a time.
      while p < count {
        let b = bytes[p]
        if b == delimiter || b == 10 || b == 13 { break }
        p += 1
      }
      guard p < count else { return p }
      if bytes[p] == 13 && p + 1 < count && bytes[p + 1] != 10 {
        p += 1  // a lone CR inside the field
        continue
      }
      return p
    }
  }

  /// Scans the next record, storing at most `capacity` field spans.
  ///
  /// Returns the record's field count, or nil at the end of the input.
  /// `recordStart` receives the record's first byte; `firstExtra` the offset of
  /// field number `capacity + 1` when the record has that many.
  @inline(__always)
  mutating func next(
    into spans: UnsafeMutablePointer<CSVFieldSpan>, capacity: Int,
    recordStart: inout Int, firstExtra: inout Int
  ) throws(Failure) -> Int? {
    let count = bytes.count
    var p = position
    while p < count {
      let b = bytes[p]
      if b == 10 {
        p += 1
      } else if b == 13 && p + 1 < count && bytes[p + 1] == 10 {
        p += 2
      } else {
        break
      }
    }
    guard p < count else {
      position = p
      return nil
    }
    recordStart = p
    let delimiter = self.delimiter
    var fields = 0
    while true {
      var span: CSVFieldSpan
      if p < count && bytes[p] == 0x22 {
        let open = p
        p += 1
        let start = p
        var escaped = false
        while true {
          guard p < count else { throw .unterminatedQuote(open) }
          if bytes[p] == 0x22 {
            if p + 1 < count && bytes[p + 1] == 0x22 {
              escaped = true
              p += 2
              continue
            }
            break
          }
          p += 1
        }
        span = CSVFieldSpan(start: start, end: p, quoted: true, escaped: escaped)
        p += 1
        if p < count {
          let b = bytes[p]
          let atEnd = b == delimiter || b == 10 || (b == 13 && (p + 1 == count || bytes[p + 1] == 10))
          if !atEnd { throw .textAfterQuote(p) }
        }
      } else {
        let start = p
        p = unquotedEnd(from: p)
        span = CSVFieldSpan(start: start, end: p, quoted: false, escaped: false)
      }
      if fields < capacity {
        spans[fields] = span
      } else if fields == capacity {
        firstExtra = span.origin
      }
      fields += 1
      guard p < count else { break }
      let b = bytes[p]
      if b == delimiter {
        p += 1
        if p == count {
          // A trailing delimiter at the end of the input leaves one empty field.
          if fields < capacity {
            spans[fields] = CSVFieldSpan(start: p, end: p, quoted: false, escaped: false)
          } else if fields == capacity {
            firstExtra = p
          }
          fields += 1
          break
        }
        continue
      }
      if b == 13 { p += 1 }
      if p < count && bytes[p] == 10 { p += 1 }
      break
    }
    position = p
    return fields
  }
}
