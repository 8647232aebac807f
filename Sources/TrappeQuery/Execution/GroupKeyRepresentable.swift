
/// A fixed-width value that can serve as a grouping key through an `Int64` image.
///
/// Equal values must have equal images and different values different images,
/// so grouping can compare and hash the images instead of the values.
protocol GroupKeyRepresentable {
  /// The value's key image.
  var groupKey: Int64 { get }
}

extension Int64: GroupKeyRepresentable {
  @inline(__always) var groupKey: Int64 { self }
}

extension Int32: GroupKeyRepresentable {
  @inline(__always) var groupKey: Int64 { Int64(self) }
}

extension UInt32: GroupKeyRepresentable {
  @inline(__always) var groupKey: Int64 { Int64(self) }
}

extension UInt8: GroupKeyRepresentable {
  @inline(__always) var groupKey: Int64 { Int64(self) }
}

extension Double: GroupKeyRepresentable {
  /// The bit pattern, with -0.0 folded onto 0.0 and every NaN onto one quiet NaN.
  @inline(__always) var groupKey: Int64 {
    if self == 0 { return 0 }
    if isNaN { return 0x7FF8_0000_0000_0000 }
    return Int64(bitPattern: bitPattern)
  }
}

extension Int16: GroupKeyRepresentable {
  @inline(__always) var groupKey: Int64 { Int64(self) }
}

extension Int8: GroupKeyRepresentable {
  @inline(__always) var groupKey: Int64 { Int64(self) }
}
