import TrappeBase
import TrappeStorage

extension GroupIndex {
  /// Groups by two narrow integer (or period) keys in one pass, or nil when they do not fit.
  ///
  /// The same mixed-radix key as ``multiple(_:)`` (`codeA * (domainB + 1) + codeB`, where a
  /// key's code is `value - min`, or its domain for NULL), so the same groups in the same order
  /// (first appearance), but computed row by row straight into the dense slot array instead of
  /// through a full-length `Int64` key column and a second pass. Used when both keys' value
  /// ranges are small enough that the product of the radices is a dense slot array.
  static func densePair(_ a: Column, _ b: Column) -> GroupIndex? {
    switch (a, b) {
    // Int keys in their stored widths: one specialised loop per pair of widths.
    case (.int64(let x), .int64(let y)):
      switch y.storage {
      case .int8(let v): return densePair(x, v, y.validity)
      case .int16(let v): return densePair(x, v, y.validity)
      case .int32(let v): return densePair(x, v, y.validity)
      case .int64(let v): return densePair(x, v, y.validity)
      }
    case (.int64(let x), .period(let y)): return densePair(x, y.ordinals, y.validity)
    case (.period(let x), .int64(let y)):
      switch y.storage {
      case .int8(let v): return densePair(x.ordinals, x.validity, v, y.validity)
      case .int16(let v): return densePair(x.ordinals, x.validity, v, y.validity)
      case .int32(let v): return densePair(x.ordinals, x.validity, v, y.validity)
      case .int64(let v): return densePair(x.ordinals, x.validity, v, y.validity)
      }
    case (.period(let x), .period(let y)): return densePair(x.ordinals, x.validity, y.ordinals, y.validity)
    default: return nil
    }
  }

  /// ``densePair(_:_:_:_:)`` with the int column `x` first, in its stored width.
  private static func densePair<B: GroupKeyRepresentable>(_ x: Int64Column, _ b: [B], _ bValidity: ValidityMask)
    -> GroupIndex?
  {
    switch x.storage {
    case .int8(let v): return densePair(v, x.validity, b, bValidity)
    case .int16(let v): return densePair(v, x.validity, b, bValidity)
    case .int32(let v): return densePair(v, x.validity, b, bValidity)
    case .int64(let v): return densePair(v, x.validity, b, bValidity)
    }
  }

  private static func densePair<A: GroupKeyRepresentable, B: GroupKeyRepresentable>(
    _ a: [A], _ aValidity: ValidityMask, _ b: [B], _ bValidity: ValidityMask
  ) -> GroupIndex? {
    let n = a.count
    guard b.count == n, let (lowA, domainA) = denseRange(a, validity: aValidity),
      let (lowB, domainB) = denseRange(b, validity: bValidity)
    else { return nil }
    let radixB = Int64(domainB) + 1
    let (slots, overflow) = (Int64(domainA) + 1).multipliedReportingOverflow(by: radixB)
    guard !overflow, slots <= denseLimit(rows: n) else { return nil }
    var slot = [Int32](repeating: -1, count: Int(slots))
    var groupOf = [Int32](repeating: 0, count: n)
    var firstRow: [Int32] = []
    var next: Int32 = 0
    var stopped = false
    let nullA = Int64(domainA), nullB = Int64(domainB)
    a.withUnsafeBufferPointer { va in
      b.withUnsafeBufferPointer { vb in
        slot.withUnsafeMutableBufferPointer { s in
          groupOf.withUnsafeMutableBufferPointer { g in
            aValidity.withValidityWords { bitsA in
              bValidity.withValidityWords { bitsB in
                let nulls = bitsA.hasNulls || bitsB.hasNulls
                for row in 0..<n {
                  if row & (pollInterval - 1) == 0 && row > 0 && Interrupt.isRequested {
                    stopped = true
                    return
                  }
                  var codeA = va[row].groupKey &- lowA
                  var codeB = vb[row].groupKey &- lowB
                  if nulls {
                    if !bitsA.isValid(row) { codeA = nullA }
                    if !bitsB.isValid(row) { codeB = nullB }
                  }
                  let key = Int(truncatingIfNeeded: codeA &* radixB &+ codeB)
                  var id = s[key]
                  if id < 0 {
                    id = next
                    s[key] = id
                    next &+= 1
                    firstRow.append(Int32(truncatingIfNeeded: row))
                  }
                  g[row] = id
                }
              }
            }
          }
        }
      }
    }
    if stopped { return GroupIndex.stopped(rowCount: n) }
    return GroupIndex(groupOf: groupOf, groupCount: Int(next), firstRow: firstRow)
  }
}
