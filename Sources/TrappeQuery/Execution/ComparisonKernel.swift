import TrappeStorage

/// Typed loops for `== != < <= > >=`; the result is bool, NULL when either side is NULL.
///
/// - ints and doubles compare numerically (an int meets a double as a double);
/// - strings: `==` and `!=` are exact (equality with a constant looks the
///   constant up in the column's dictionary once and then compares codes; absent:
///   every non-NULL row is unequal; two columns with different dictionaries are
///   compared after mapping one dictionary onto the other once); `<`, `<=`, `>`,
///   `>=` use Danish order (``DanishCollation``), the order of `sort`, `top`,
///   `min` and `max`, so `"a" < "B"` and `"z" < "æ"` hold: the dictionary (with
///   the constant, or both columns' dictionaries) is ranked once and the rows
///   compare ranks. Danish order ties only identical strings, so `a <= b and
///   a >= b` is `a == b`;
/// - periods of one unit compare by ordinal; periods of different units order
///   by unit (weeks < months < quarters < years), like ``Period``'s `<`;
/// - bools order false < true.
enum ComparisonKernel {
  /// `l op r` over `count` rows.
  static func evaluate(_ op: ComparisonOperator, _ l: Operand, _ r: Operand, count: Int) -> Column {
    if l.isNullScalar || r.isNullScalar { return .nulls(.bool, count: count) }
    switch (l, r) {
    case (.scalar, .column): return evaluate(flipped(op), r, l, count: count)
    case (.column(let c), .scalar(let v, _)): return columnScalar(op, c, v)
    case (.scalar, .scalar(let v, _)): return columnScalar(op, l.column(count: count), v)
    case (.column(let a), .column(let b)): return columnColumn(op, a, b)
    }
  }

  /// The operator with its operands swapped (`a < b` is `b > a`).
  static func flipped(_ op: ComparisonOperator) -> ComparisonOperator {
    switch op {
    case .equal, .notEqual: return op
    case .less: return .greater
    case .lessOrEqual: return .greaterOrEqual
    case .greater: return .less
    case .greaterOrEqual: return .lessOrEqual
    }
  }

  /// Whether `a op b` holds.
  @inline(__always)
  static func holds<T: Comparable>(_ a: T, _ op: ComparisonOperator, _ b: T) -> Bool {
    switch op {
    case .equal: return a == b
    case .notEqual: return a != b
    case .less: return a < b
    case .lessOrEqual: return a <= b
    case .greater: return a > b
    case .greaterOrEqual: return a >= b
    }
  }

  private static func result(_ values: [Bool], _ validity: ValidityMask) -> Column {
    .bool(PrimitiveColumn(values: values, validity: validity))
  }

  private static func columnScalar(_ op: ComparisonOperator, _ c: Column, _ v: Value) -> Column {
    let n = c.count
    switch (c, v) {
    case (.int64(let x), .int64(let s)):
      return result(compareIntegers(x, scalar: s, op), x.validity)
    case (.int64(let x), _):
      if let s = v.doubleValue { return result(compare(x.doubleValues(), scalar: s, op), x.validity) }
    case (.double(let x), _):
      if let s = v.doubleValue { return result(compare(x.values, scalar: s, op), x.validity) }
    case (.string(let x), .string(let s)):
      return result(stringScalar(op, x, s), x.validity)
    case (.period(let x), _):
      if let p = v.periodValue {
        if p.unit == x.unit { return result(compare(x.ordinals, scalar: p.ordinal, op), x.validity) }
        let constant = holds(x.unit.rawValue, op, p.unit.rawValue)
        return result([Bool](repeating: constant, count: n), x.validity)
      }
    case (.bool(let x), .bool(let s)):
      let table = [holds(0, op, s ? 1 : 0), holds(1, op, s ? 1 : 0)]
      let out = x.values.converted { table[$0 ? 1 : 0] }
      return result(out, x.validity)
    default:
      break
    }
    return .nulls(.bool, count: n)
  }

  private static func stringScalar(_ op: ComparisonOperator, _ x: StringColumn, _ s: String) -> [Bool] {
    switch op {
    case .equal, .notEqual:
      guard let code = x.dictionary.firstIndex(of: s) else {
        return [Bool](repeating: op == .notEqual, count: x.count)
      }
      // One loop in the codes' own width; a code beyond it is held by no row.
      switch x.storage {
      case .u8(let c): return codeScalar(c, code, op)
      case .u16(let c): return codeScalar(c, code, op)
      case .u32(let c): return codeScalar(c, code, op)
      }
    default:
      // Rank the dictionary and the constant together (the constant is the last entry).
      let ranks = DanishCollation.rank(of: x.dictionary + [s])
      let constant = ranks[x.dictionary.count]
      let table = ranks.dropLast().map { holds($0, op, constant) }
      return DictionaryKernel.gather(table, codes: x.storage, placeholder: false)
    }
  }

  private static func columnColumn(_ op: ComparisonOperator, _ a: Column, _ b: Column) -> Column {
    let validity = ValidityWords(a.validity, b.validity).mask
    switch (a, b) {
    case (.int64(let x), .int64(let y)):
      return result(compare(x.widenedValues(), y.widenedValues(), op), validity)
    case (.double(let x), .double(let y)):
      return result(compare(x.values, y.values, op), validity)
    case (.int64(let x), .double(let y)):
      return result(compare(x.doubleValues(), y.values, op), validity)
    case (.double(let x), .int64(let y)):
      return result(compare(x.values, y.doubleValues(), op), validity)
    case (.string(let x), .string(let y)):
      return result(strings(op, x, y), validity)
    case (.period(let x), .period(let y)):
      if x.unit == y.unit { return result(compare(x.ordinals, y.ordinals, op), validity) }
      let constant = holds(x.unit.rawValue, op, y.unit.rawValue)
      return result([Bool](repeating: constant, count: a.count), validity)
    case (.bool(let x), .bool(let y)):
      return result(compare(x.values.converted { $0 ? UInt8(1) : 0 }, y.values.converted { $0 ? UInt8(1) : 0 }, op), validity)
    default:
      return .nulls(.bool, count: a.count)
    }
  }

  private static func strings(_ op: ComparisonOperator, _ x: StringColumn, _ y: StringColumn) -> [Bool] {
    let sameDictionary = x.dictionary == y.dictionary
    switch op {
    case .equal, .notEqual:
      if sameDictionary {
        switch (x.storage, y.storage) {
        case (.u8(let a), .u8(let b)): return compare(a, b, op)
        case (.u16(let a), .u16(let b)): return compare(a, b, op)
        default: return compare(x.widenedCodes(), y.widenedCodes(), op)
        }
      }
      let remap = DictionaryKernel.remap(y.dictionary, onto: x.dictionary)
      let mapped = DictionaryKernel.gather(remap, codes: y.storage, placeholder: UInt32.max)
      return compare(x.widenedCodes(), mapped, op)
    default:
      // One Danish ranking of both dictionaries (x's entries first, then y's).
      let ranks = DanishCollation.rank(of: sameDictionary ? x.dictionary : x.dictionary + y.dictionary)
      let rankX = Array(ranks[0..<x.dictionary.count])
      let rankY = sameDictionary ? rankX : Array(ranks[x.dictionary.count...])
      let left = DictionaryKernel.gather(rankX, codes: x.storage, placeholder: 0)
      let right = DictionaryKernel.gather(rankY, codes: y.storage, placeholder: 0)
      return compare(left, right, op)
    }
  }

  /// `codes[i] op code` (equality only) for codes of one width; all unequal when `code` does not
  /// fit the width.
  private static func codeScalar<Code: FixedWidthInteger & UnsignedInteger>(
    _ codes: [Code], _ code: Int, _ op: ComparisonOperator
  ) -> [Bool] {
    guard let narrow = Code(exactly: code) else { return [Bool](repeating: op == .notEqual, count: codes.count) }
    return compare(codes, scalar: narrow, op)
  }

  /// `a[i] op b[i]` for every row: one specialised loop per operator.
  static func compare<T: Comparable>(_ a: [T], _ b: [T], _ op: ComparisonOperator) -> [Bool] {
    let n = min(a.count, b.count)
    return [Bool](unsafeUninitializedCapacity: n) { out, initialized in
      a.withUnsafeBufferPointer { x in
        b.withUnsafeBufferPointer { y in
          switch op {
          case .equal: for i in 0..<n { out.initializeElement(at: i, to: x[i] == y[i]) }
          case .notEqual: for i in 0..<n { out.initializeElement(at: i, to: x[i] != y[i]) }
          case .less: for i in 0..<n { out.initializeElement(at: i, to: x[i] < y[i]) }
          case .lessOrEqual: for i in 0..<n { out.initializeElement(at: i, to: x[i] <= y[i]) }
          case .greater: for i in 0..<n { out.initializeElement(at: i, to: x[i] > y[i]) }
          case .greaterOrEqual: for i in 0..<n { out.initializeElement(at: i, to: x[i] >= y[i]) }
          }
        }
      }
      initialized = n
    }
  }

  /// `a[i] op s` for every row: one specialised loop per operator.
  /// `x op s` per row, in the column's stored width (one loop specialised per width); a
  /// constant outside a narrow width's range gives all true or all false.
  static func compareIntegers(_ x: Int64Column, scalar s: Int64, _ op: ComparisonOperator) -> [Bool] {
    switch x.storage {
    case .int8(let v): return compareNarrow(v, scalar: s, op)
    case .int16(let v): return compareNarrow(v, scalar: s, op)
    case .int32(let v): return compareNarrow(v, scalar: s, op)
    case .int64(let v): return compare(v, scalar: s, op)
    }
  }

  private static func compareNarrow<T: FixedWidthInteger & SignedInteger>(
    _ v: [T], scalar s: Int64, _ op: ComparisonOperator
  ) -> [Bool] {
    if let narrow = T(exactly: s) { return compare(v, scalar: narrow, op) }
    return [Bool](repeating: op.outsideRangeResult(above: s > 0), count: v.count)
  }

  static func compare<T: Comparable>(_ a: [T], scalar s: T, _ op: ComparisonOperator) -> [Bool] {
    let n = a.count
    return [Bool](unsafeUninitializedCapacity: n) { out, initialized in
      a.withUnsafeBufferPointer { x in
        switch op {
        case .equal: for i in 0..<n { out.initializeElement(at: i, to: x[i] == s) }
        case .notEqual: for i in 0..<n { out.initializeElement(at: i, to: x[i] != s) }
        case .less: for i in 0..<n { out.initializeElement(at: i, to: x[i] < s) }
        case .lessOrEqual: for i in 0..<n { out.initializeElement(at: i, to: x[i] <= s) }
        case .greater: for i in 0..<n { out.initializeElement(at: i, to: x[i] > s) }
        case .greaterOrEqual: for i in 0..<n { out.initializeElement(at: i, to: x[i] >= s) }
        }
      }
      initialized = n
    }
  }
}
