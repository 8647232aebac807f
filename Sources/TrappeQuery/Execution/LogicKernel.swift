import TrappeStorage

/// Three-valued `and`, `or`, `not` and the never-NULL `is null` test.
///
/// Truth tables (N is NULL):
/// - `and`: false wins over NULL (`false and N` = false), `true and N` = N, `N and N` = N;
/// - `or`: true wins over NULL (`true or N` = true), `false or N` = N, `N or N` = N;
/// - `not N` = N;
/// - `x is null` is true or false, never NULL.
enum LogicKernel {
  /// `a and b` (or `a or b`) over two bool columns of equal length.
  static func combine(_ op: LogicalOperator, _ a: BoolColumn, _ b: BoolColumn) -> Column {
    let n = a.count
    if n == 0 { return .bool(PrimitiveColumn([Bool]())) }
    if !a.validity.hasNulls && !b.validity.hasNulls {
      let out = [Bool](unsafeUninitializedCapacity: n) { buffer, initialized in
        a.values.withUnsafeBufferPointer { x in
          b.values.withUnsafeBufferPointer { y in
            // Bools as bytes (0 or 1): `&`/`|` instead of short-circuit branches.
            x.withMemoryRebound(to: UInt8.self) { a in
              y.withMemoryRebound(to: UInt8.self) { b in
                buffer.withMemoryRebound(to: UInt8.self) { o in
                  if op == .and {
                    for i in 0..<n { o[i] = a[i] & b[i] }
                  } else {
                    for i in 0..<n { o[i] = a[i] | b[i] }
                  }
                }
              }
            }
          }
        }
        initialized = n
      }
      return .bool(PrimitiveColumn(out))
    }
    let va = ValidityWords(a.validity), vb = ValidityWords(b.validity)
    var valid = [Bool](repeating: true, count: n)
    let out = [Bool](unsafeUninitializedCapacity: n) { buffer, initialized in
      a.values.withUnsafeBufferPointer { x in
        b.values.withUnsafeBufferPointer { y in
          valid.withUnsafeMutableBufferPointer { v in
            for i in 0..<n {
              let aKnown = va.isValid(i), bKnown = vb.isValid(i)
              let aTrue = aKnown && x[i], bTrue = bKnown && y[i]
              if op == .and {
                let decidedFalse = (aKnown && !x[i]) || (bKnown && !y[i])
                buffer.initializeElement(at: i, to: aTrue && bTrue)
                v[i] = (aKnown && bKnown) || decidedFalse
              } else {
                buffer.initializeElement(at: i, to: aTrue || bTrue)
                v[i] = (aKnown && bKnown) || aTrue || bTrue
              }
            }
          }
        }
      }
      initialized = n
    }
    return .bool(PrimitiveColumn(values: out, validity: ValidityMask(flags: valid)))
  }

  /// `not a`; NULL stays NULL.
  static func not(_ a: BoolColumn) -> Column {
    .bool(PrimitiveColumn(values: a.values.map { !$0 }, validity: a.validity))
  }

  /// `x is null` (`is not null` when `negated`); never NULL.
  static func isNull(_ column: Column, negated: Bool) -> Column {
    let validity = column.validity
    let n = column.count
    guard validity.hasNulls else { return .bool(PrimitiveColumn([Bool](repeating: negated, count: n))) }
    let words = validity.words
    let out = [Bool](unsafeUninitializedCapacity: n) { buffer, initialized in
      words.withUnsafeBufferPointer { w in
        for i in 0..<n {
          let valid = w[i &>> 6] & (1 &<< UInt64(i & 63)) != 0
          buffer.initializeElement(at: i, to: valid == negated)
        }
      }
      initialized = n
    }
    return .bool(PrimitiveColumn(out))
  }

  /// The row indices where `column` is true (NULL and false rows are dropped).
  ///
  /// One pass without a branch per row: every row index is written and the output position
  /// advances only past kept rows.
  static func selection(_ column: BoolColumn) -> [Int32] {
    let n = column.count
    if n == 0 { return [] }
    let validity = column.validity
    let rows = [Int32](unsafeUninitializedCapacity: n) { buffer, initialized in
      var k = 0
      column.values.withUnsafeBufferPointer { x in
        x.withMemoryRebound(to: UInt8.self) { bytes in
          if validity.hasNulls {
            validity.words.withUnsafeBufferPointer { w in
              for i in 0..<n {
                let bit = Int(truncatingIfNeeded: w[i &>> 6] &>> UInt64(i & 63)) & 1
                buffer[k] = Int32(truncatingIfNeeded: i)
                k &+= Int(bytes[i] & 1) & bit
              }
            }
          } else {
            for i in 0..<n {
              buffer[k] = Int32(truncatingIfNeeded: i)
              k &+= Int(bytes[i] & 1)
            }
          }
        }
      }
      initialized = k
    }
    return SelectionKernel.trimmed(rows)
  }
}
