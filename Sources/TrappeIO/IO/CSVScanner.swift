
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
  /// Bit `b` is set for the bytes below 64 that may end an unquoted field
  /// (delimiter, LF, CR); zero when the delimiter is 64 or above.
  private let stopBits: UInt64
  /// The offset where the next record starts.
  var position: Int

  init(bytes: UnsafeBufferPointer<UInt8>, delimiter: UInt8, position: Int = 0) {
    self.bytes = bytes
    self.delimiter = delimiter
    self.position = position
    stopBits = delimiter < 64 ? (1 << UInt64(delimiter)) | (1 << 10) | (1 << 13) : 0
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
        if stopBits != 0 {
          // One test per byte: only bytes below 64 with their bit set can stop the field.
          let stops = stopBits
          while p < count {
            let b = bytes[p]
            if b < 64 && (stops >> UInt64(b)) & 1 != 0 {
              if b != 13 || p + 1 == count || bytes[p + 1] == 10 { break }
            }
            p += 1
          }
        } else {
          while p < count {
            let b = bytes[p]
            if b == delimiter || b == 10 { break }
            if b == 13 && (p + 1 == count || bytes[p + 1] == 10) { break }
            p += 1
          }
        }
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
