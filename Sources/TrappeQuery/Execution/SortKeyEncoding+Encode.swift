import TrappeBase
import TrappeStorage

extension SortKeyEncoding {
  /// Writes part `part`'s key of each row in `rows` to `out[(row - rows.lowerBound) * stride]`;
  /// with `shift` > 0 the key is packed below what is there (`old << shift | key`), as a
  /// less significant part of the same sort word.
  func encode(part: Int, rows: Range<Int>, into out: UnsafeMutablePointer<UInt64>, stride: Int, shift: Int) {
    switch column {
    case .int64(let c):
      switch c.storage {
      case .int8(let v): v.withUnsafeBufferPointer { write(part, rows, out, stride, shift, $0) { SortKeys.ordered(Int64($0)) } }
      case .int16(let v): v.withUnsafeBufferPointer { write(part, rows, out, stride, shift, $0) { SortKeys.ordered(Int64($0)) } }
      case .int32(let v): v.withUnsafeBufferPointer { write(part, rows, out, stride, shift, $0) { SortKeys.ordered(Int64($0)) } }
      case .int64(let v): v.withUnsafeBufferPointer { write(part, rows, out, stride, shift, $0) { SortKeys.ordered($0) } }
      }
    case .period(let c):
      c.ordinals.withUnsafeBufferPointer { write(part, rows, out, stride, shift, $0) { SortKeys.ordered(Int64($0)) } }
    case .bool(let c):
      c.values.withUnsafeBufferPointer { write(part, rows, out, stride, shift, $0) { $0 ? 1 : 0 } }
    case .string(let c):
      ranks.withUnsafeBufferPointer { rank in
        switch c.storage {
        case .u8(let codes):
          codes.withUnsafeBufferPointer { write(part, rows, out, stride, shift, $0) { UInt64(rank[Int($0)]) } }
        case .u16(let codes):
          codes.withUnsafeBufferPointer { write(part, rows, out, stride, shift, $0) { UInt64(rank[Int($0)]) } }
        case .u32(let codes):
          codes.withUnsafeBufferPointer { write(part, rows, out, stride, shift, $0) { UInt64(rank[Int($0)]) } }
        }
      }
    case .double(let c):
      c.values.withUnsafeBufferPointer { src in
        // NaN rows take the NaN key (or class 1); the ordered bits of the others.
        writeKeys(part, rows, out, stride, shift, src) { v -> UInt64? in v.isNaN ? nil : SortKeys.orderedBits(v == 0 ? 0 : v) }
      }
    }
  }

  /// ``encode(part:rows:into:stride:shift:)`` for a column without NaN.
  @inline(__always)
  private func write<T>(
    _ part: Int, _ rows: Range<Int>, _ out: UnsafeMutablePointer<UInt64>, _ stride: Int, _ shift: Int,
    _ src: UnsafeBufferPointer<T>, _ ordered: (T) -> UInt64
  ) {
    writeKeys(part, rows, out, stride, shift, src) { Optional(ordered($0)) }
  }

  /// The keys of rows `rows`: `ordered` gives a value's ordered bits, or nil for NaN.
  @inline(__always)
  private func writeKeys<T>(
    _ part: Int, _ rows: Range<Int>, _ out: UnsafeMutablePointer<UInt64>, _ stride: Int, _ shift: Int,
    _ src: UnsafeBufferPointer<T>, _ ordered: (T) -> UInt64?
  ) {
    let validity = column.validity
    let base = rows.lowerBound
    let low = self.low
    let high = self.high
    let descending = self.descending
    @inline(__always) func put(_ i: Int, _ key: UInt64) {
      let at = (i &- base) &* stride
      out[at] = shift == 0 ? key : (out[at] &<< UInt64(shift)) | key
    }
    if !isSplit {
      if !hasNulls && !anyNaN {
        // The common case: every row a value.
        if descending {
          for i in rows { put(i, high &- (ordered(src[i]) ?? 0)) }
        } else {
          for i in rows { put(i, (ordered(src[i]) ?? 0) &- low) }
        }
        return
      }
      let nanKey = self.nanKey
      let nullKey = self.nullKey
      for i in rows {
        if hasNulls && !validity.isValid(i) {
          put(i, nullKey)
        } else if let u = ordered(src[i]) {
          put(i, descending ? high &- u : u &- low)
        } else {
          put(i, nanKey)
        }
      }
      return
    }
    // Two parts: the class (0 a value, 1 NaN, 2 NULL), then the value (0 for the others).
    for i in rows {
      if hasNulls && !validity.isValid(i) {
        put(i, part == 0 ? 2 : 0)
      } else if let u = ordered(src[i]) {
        put(i, part == 0 ? 0 : (descending ? high &- u : u &- low))
      } else {
        put(i, part == 0 ? 1 : 0)
      }
    }
  }
}

extension SortKeyEncoding {
  /// Part `part`'s keys of rows `0..<count` as an array, written in chunks between polls of
  /// Ctrl-C (an interrupted call leaves the rest 0; the caller reads the flag).
  func keys(part: Int, count: Int) -> [UInt64] {
    [UInt64](unsafeUninitializedCapacity: count) { buffer, initialized in
      guard let out = buffer.baseAddress else { return }
      out.initialize(repeating: 0, count: count)
      _ = Interrupt.forEachChunk(of: count) { rows in
        encode(part: part, rows: rows, into: out + rows.lowerBound, stride: 1, shift: 0)
      }
      initialized = count
    }
  }
}
