/// Bool keys group by 0 (false) and 1 (true), read straight from the column.
extension Bool: GroupKeyRepresentable {
  @inline(__always) var groupKey: Int64 { self ? 1 : 0 }
}
