import TrappeBase

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
  /// The bytes hold no quote: field ends are found through ``stopBits(_:available:delimiter:)``,
  /// 64 bytes at a time, instead of field by field.
  let quoteFree: Bool
  /// The start of the 64 bytes whose stop bits are in `stops` (-1: none yet).
  private var blockStart = -1
  /// The delimiters and line feeds of the 64 bytes from `blockStart`, as bits.
  private var stops: UInt64 = 0

  /// `quoteFree`: the caller knows `bytes` from `position` on hold no quote (a delimiter that is
  /// a quote, CR or LF turns it off).
  init(bytes: UnsafeBufferPointer<UInt8>, delimiter: UInt8, position: Int = 0, quoteFree: Bool = false) {
    self.bytes = bytes
    self.delimiter = delimiter
    self.position = position
    self.quoteFree = quoteFree && delimiter != 0x22 && delimiter != 10 && delimiter != 13
  }

  /// The first delimiter or line feed at or after `p` (which never moves back between calls),
  /// or the end of the input.
  @inline(__always)
  private mutating func nextStop(from p: Int) -> Int {
    let count = bytes.count
    guard let base = bytes.baseAddress else { return count }
    while true {
      if blockStart >= 0 && p < blockStart &+ 64 {
        let ahead = p > blockStart ? stops & (~0 &<< UInt64(p &- blockStart)) : stops
        if ahead != 0 { return blockStart &+ ahead.trailingZeroBitCount }
        blockStart &+= 64
      } else {
        blockStart = p
      }
      if blockStart >= count { return count }
      stops = stopBits(base + blockStart, available: count &- blockStart, delimiter: delimiter)
    }
  }

  /// The rest of ``next(into:capacity:recordStart:firstExtra:)`` for bytes without quotes, from
  /// the record's first byte `p`: the same fields and the same end of the record. Not inlined,
  /// so that ``next(into:capacity:recordStart:firstExtra:)`` stays small enough to inline.
  @inline(never)
  private mutating func nextQuoteFree(
    from start: Int, into spans: UnsafeMutablePointer<CSVFieldSpan>, capacity: Int, firstExtra: inout Int
  ) -> Int {
    let count = bytes.count
    var p = start
    var fields = 0
    while true {
      let fieldStart = p
      p = nextStop(from: p)
      // A CR right before the line feed, or at the end of the input, ends the field; elsewhere
      // it is content.
      var end = p
      if end > fieldStart && bytes[end &- 1] == 13 && (end == count || bytes[end] == 10) { end &-= 1 }
      Self.record(
        CSVFieldSpan(start: fieldStart, end: end, quoted: false, escaped: false), &fields, spans, capacity, &firstExtra)
      guard p < count else { break }
      if bytes[p] == delimiter {
        p += 1
        if p == count {
          // A trailing delimiter at the end of the input leaves one empty field.
          Self.record(CSVFieldSpan(start: p, end: p, quoted: false, escaped: false), &fields, spans, capacity, &firstExtra)
          break
        }
        continue
      }
      p += 1  // the line feed
      break
    }
    position = p
    return fields
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
    if quoteFree { return nextQuoteFree(from: p, into: spans, capacity: capacity, firstExtra: &firstExtra) }
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
      Self.record(span, &fields, spans, capacity, &firstExtra)
      guard p < count else { break }
      let b = bytes[p]
      if b == delimiter {
        p += 1
        if p == count {
          // A trailing delimiter at the end of the input leaves one empty field.
          Self.record(CSVFieldSpan(start: p, end: p, quoted: false, escaped: false), &fields, spans, capacity, &firstExtra)
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

  /// Counts field number `fields`, keeping its span when there is room for it, or the offset of
  /// the first field past `capacity`.
  @inline(__always)
  private static func record(
    _ span: CSVFieldSpan, _ fields: inout Int, _ spans: UnsafeMutablePointer<CSVFieldSpan>, _ capacity: Int,
    _ firstExtra: inout Int
  ) {
    if fields < capacity {
      spans[fields] = span
    } else if fields == capacity {
      firstExtra = span.origin
    }
    fields += 1
  }
}
