/// 16-bit dictionary codes (string columns of 257 to 65,536 distinct values) group directly.
extension UInt16: GroupKeyRepresentable {
  @inline(__always) var groupKey: Int64 { Int64(self) }
}
