
/// The values of an integer column, in the narrowest signed width chosen when the column was
/// finished (``Int64Column/narrowed()``); every width reads as `Int64`.
public enum IntegerStorage: Sendable {
  case int8([Int8])
  case int16([Int16])
  case int32([Int32])
  case int64([Int64])
}

/// A column of integers (logical type `int`, every value an `Int64`) with a validity bitmap.
///
/// The values are stored in 8, 16, 32 or 64 bits (``storage``): loaders, the binary cache and
/// datasets narrow a finished column once (``narrowed()``); filters, gathers, morsels, concat and
/// scatter keep the width (concat of two widths: the wider). Kernels switch on ``storage`` once
/// per column and run a loop specialised for the width; code that needs `[Int64]` calls
/// ``widenedValues()``, which copies a narrow column (call it once per column, never per row).
/// The slot of a null row holds 0.
package struct Int64Column: Sendable, Equatable {
  /// The values in their stored width; placeholder 0 stands in null slots.
  package var storage: IntegerStorage
  /// Which rows hold a value.
  package var validity: ValidityMask

  /// Creates a 64-bit column from values and a validity mask of the same length.
  package init(values: [Int64], validity: ValidityMask) {
    precondition(values.count == validity.count, "values and validity differ in length")
    self.storage = .int64(values)
    self.validity = validity
  }

  /// Creates a 64-bit column without nulls.
  package init(_ values: [Int64]) {
    self.storage = .int64(values)
    self.validity = ValidityMask(allValid: values.count)
  }

  /// Creates a column from stored values of any width and a validity mask of the same length.
  package init(storage: IntegerStorage, validity: ValidityMask) {
    self.storage = storage
    self.validity = validity
    precondition(count == validity.count, "values and validity differ in length")
  }

  /// The number of rows.
  package var count: Int {
    switch storage {
    case .int8(let v): return v.count
    case .int16(let v): return v.count
    case .int32(let v): return v.count
    case .int64(let v): return v.count
    }
  }

  /// Bits per stored value: 8, 16, 32 or 64.
  package var bitWidth: Int {
    switch storage {
    case .int8: return 8
    case .int16: return 16
    case .int32: return 32
    case .int64: return 64
    }
  }

  /// The value in slot `row` (the placeholder 0 in a null slot), widened: one switch per
  /// call, so for display and single rows, not for inner loops (switch on ``storage`` there).
  package func slot(_ row: Int) -> Int64 {
    switch storage {
    case .int8(let v): return Int64(v[row])
    case .int16(let v): return Int64(v[row])
    case .int32(let v): return Int64(v[row])
    case .int64(let v): return v[row]
    }
  }

  /// The value at `row`, or nil when the row is null.
  package subscript(row: Int) -> Int64? {
    validity.isValid(row) ? slot(row) : nil
  }

  /// Every slot as `Int64`: free for a 64-bit column, a copy (O(rows)) for a narrow one.
  /// Call once per column outside any row loop.
  package func widenedValues() -> [Int64] {
    switch storage {
    case .int8(let v): return v.converted { Int64($0) }
    case .int16(let v): return v.converted { Int64($0) }
    case .int32(let v): return v.converted { Int64($0) }
    case .int64(let v): return v
    }
  }

  /// Every slot as `Double`, converted from its stored width in one pass.
  package func doubleValues() -> [Double] {
    switch storage {
    case .int8(let v): return v.converted { Double($0) }
    case .int16(let v): return v.converted { Double($0) }
    case .int32(let v): return v.converted { Double($0) }
    case .int64(let v): return v.converted { Double($0) }
    }
  }

  /// Bytes used by the values and the bitmap.
  package var byteCount: Int {
    count * bitWidth / 8 + validity.byteCount
  }

  /// The same column stored in the narrowest of 8/16/32/64 bits that holds every slot
  /// (null slots hold 0, which fits any width). One pass for the range, one for the copy.
  package func narrowed() -> Int64Column {
    // A narrow column was narrowed when it was made; only a 64-bit one is scanned.
    Int64Column(storage: Int64Column.narrowest(storage), validity: validity)
  }

  /// `storage` in the narrowest width that holds its values.
  package static func narrowest(_ storage: IntegerStorage) -> IntegerStorage {
    guard case .int64(let values) = storage else { return storage }
    return narrowest(values)
  }

  /// `values` in the narrowest signed width that holds them all.
  package static func narrowest(_ values: [Int64]) -> IntegerStorage {
    var lo: Int64 = 0
    var hi: Int64 = 0
    values.withUnsafeBufferPointer { buffer in
      for v in buffer {
        lo = Swift.min(lo, v)
        hi = Swift.max(hi, v)
      }
    }
    switch bitWidth(low: lo, high: hi) {
    case 8: return .int8(values.map { Int8(truncatingIfNeeded: $0) })
    case 16: return .int16(values.map { Int16(truncatingIfNeeded: $0) })
    case 32: return .int32(values.map { Int32(truncatingIfNeeded: $0) })
    default: return .int64(values)
    }
  }

  /// The narrowest of 8, 16, 32 and 64 bits that holds every value in `low...high`.
  package static func bitWidth(low: Int64, high: Int64) -> Int {
    if low >= Int64(Int8.min) && high <= Int64(Int8.max) { return 8 }
    if low >= Int64(Int16.min) && high <= Int64(Int16.max) { return 16 }
    if low >= Int64(Int32.min) && high <= Int64(Int32.max) { return 32 }
    return 64
  }

  /// The same column in `bits` (at least its own width): concat of two widths takes the wider.
  package func widened(toBits bits: Int) -> IntegerStorage {
    if bits <= bitWidth { return storage }
    switch bits {
    case 16: return .int16(widen(Int16.self))
    case 32: return .int32(widen(Int32.self))
    default: return .int64(widenedValues())
    }
  }

  private func widen<T: FixedWidthInteger & SignedInteger>(_: T.Type) -> [T] {
    switch storage {
    case .int8(let v): return v.map { T($0) }
    case .int16(let v): return v.map { T($0) }
    case .int32(let v): return v.map { T($0) }
    case .int64(let v): return v.map { T($0) }
    }
  }

  /// Equal rows: the same validity and the same slot values, whatever the stored widths.
  package static func == (a: Int64Column, b: Int64Column) -> Bool {
    guard a.validity == b.validity, a.count == b.count else { return false }
    switch (a.storage, b.storage) {
    case (.int8(let x), .int8(let y)): return x == y
    case (.int16(let x), .int16(let y)): return x == y
    case (.int32(let x), .int32(let y)): return x == y
    case (.int64(let x), .int64(let y)): return x == y
    default: return a.widenedValues() == b.widenedValues()
    }
  }
}

extension Int64Column {
  /// A 64-bit column of `wide`'s values (window kernels compute in `PrimitiveColumn<Int64>`).
  package init(_ wide: PrimitiveColumn<Int64>) {
    self.init(values: wide.values, validity: wide.validity)
  }

  /// The column as `PrimitiveColumn<Int64>`: a copy for a narrow column (see ``widenedValues()``).
  package func widenedColumn() -> PrimitiveColumn<Int64> {
    PrimitiveColumn(values: widenedValues(), validity: validity)
  }

  /// The slots `range`, in the column's width.
  package func slice(_ range: Range<Int>) -> IntegerStorage {
    switch storage {
    case .int8(let v): return .int8(Array(v[range]))
    case .int16(let v): return .int16(Array(v[range]))
    case .int32(let v): return .int32(Array(v[range]))
    case .int64(let v): return .int64(Array(v[range]))
    }
  }

  /// Sets the slots `rows` to the placeholder 0 (for rows made NULL), in place: the storage is
  /// taken out of the column first, so the array is not copied (once per call, not per row).
  package mutating func zeroSlots<Rows: Sequence<Int>>(_ rows: Rows) {
    let taken = storage
    storage = .int64([])
    switch consume taken {
    case .int8(var v): for row in rows { v[row] = 0 }; storage = .int8(v)
    case .int16(var v): for row in rows { v[row] = 0 }; storage = .int16(v)
    case .int32(var v): for row in rows { v[row] = 0 }; storage = .int32(v)
    case .int64(var v): for row in rows { v[row] = 0 }; storage = .int64(v)
    }
  }

  /// The slots of `parts` one after another, in the widest of their widths.
  package static func joined(_ parts: [Int64Column]) -> IntegerStorage {
    let bits = parts.reduce(8) { Swift.max($0, $1.bitWidth) }
    let total = parts.reduce(0) { $0 + $1.count }
    func join<T>(_ pick: (IntegerStorage) -> [T]) -> [T] {
      var out: [T] = []
      out.reserveCapacity(total)
      for part in parts { out += pick(part.widened(toBits: bits)) }
      return out
    }
    switch bits {
    case 8: return .int8(join { if case .int8(let v) = $0 { v } else { [] } })
    case 16: return .int16(join { if case .int16(let v) = $0 { v } else { [] } })
    case 32: return .int32(join { if case .int32(let v) = $0 { v } else { [] } })
    default: return .int64(join { if case .int64(let v) = $0 { v } else { [] } })
    }
  }
}

extension PrimitiveColumnBuilder where Element == Int64 {
  /// Returns the finished column, stored 64-bit (narrowing is the caller's choice).
  package func finish() -> Int64Column {
    Int64Column(values: values, validity: validity)
  }
}
