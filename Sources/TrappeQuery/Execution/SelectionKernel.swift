import TrappeStorage

/// The rows a `where` predicate keeps, computed chunk by chunk without full-length bool temporaries.
///
/// A predicate made of `and`, `or`, `not` over comparisons of a column with a constant (ints,
/// doubles, periods of the column's unit, string `==`/`!=`) or of two int or two double
/// columns is evaluated ``chunk`` rows at a time into small reused byte buffers: per node a
/// "true" byte and, only where a `not` above needs it, a "false" byte, so three-valued logic is
/// exact (`and`: true when both are true, false when either is false; `or` the dual; `not`
/// swaps them; a NULL operand makes a comparison neither). The kept rows are those whose root
/// is true, written branch-free into the selection vector. An `and` skips its right side for a
/// chunk whose left side is nowhere true.
///
/// Any other operand (a bool column, `in`, `is null`, a function, ...) is evaluated over the
/// whole table by ``ExpressionEvaluator`` once and read as a leaf. A predicate that can count
/// warnings (``BoundExpression/mayWarn``) is not fused: ``selection(_:on:warnings:)`` returns
/// nil and the caller evaluates it the ordinary way, so warnings count exactly the rows they did.
enum SelectionKernel {
  /// Rows per chunk (a multiple of 64, so chunks start on validity word boundaries).
  static let chunk = 2048

  /// The ascending rows of `table` where `predicate` is true, or nil when it is not fusable.
  static func selection(
    _ predicate: BoundExpression, on table: Table, warnings: inout EvaluationWarnings
  ) -> [Int32]? {
    guard let root = compiled(predicate, on: table, warnings: &warnings) else { return nil }
    defer { root.release() }
    if case .leaf(let flags) = root.kind {
      // Nothing to fuse (a comparison of other types): the evaluated column's rows, as before.
      return LogicKernel.selection(flags)
    }
    let n = table.rowCount
    let out = [Int32](unsafeUninitializedCapacity: n) { buffer, initialized in
      guard let base = buffer.baseAddress else { return }
      initialized = rows(root, in: 0..<n, into: base)
    }
    return trimmed(out)
  }

  /// ``selection(_:on:warnings:)`` morsel by morsel of `morselRows` rows on up to `threads`
  /// threads, or nil when the predicate is not fusable. The tree is compiled once (operands that are
  /// not fusable evaluated once over the whole table); every morsel runs it over its row range of the
  /// same columns, with buffers of its own (``Node/withOwnBuffers()``), so no morsel copies a column.
  /// The morsels' rows are put together in morsel order: the rows of one pass. A morsel not started
  /// after Ctrl-C is skipped (its rows missing): the caller reads the flag before using the result.
  static func selectionInMorsels(
    _ predicate: BoundExpression, on table: Table, morselRows: Int, threads: Int?,
    warnings: inout EvaluationWarnings
  ) -> [Int32]? {
    guard let root = compiled(predicate, on: table, warnings: &warnings) else { return nil }
    defer { root.release() }
    let n = table.rowCount
    let ranges = Morsels.ranges(n, size: morselRows)
    let out = [Int32](unsafeUninitializedCapacity: n) { buffer, initialized in
      guard let base = buffer.baseAddress else { return }
      // Every morsel writes its rows at its own start (at most its row count), then they are moved
      // down in morsel order: one allocation, as in one pass.
      let kept = Morsels.map(ranges, threads: threads) { _, range -> Int in
        let own = root.withOwnBuffers()
        defer { own.release() }
        return rows(own, in: range, into: base + range.lowerBound)
      }
      var k = 0
      for (count, range) in zip(kept, ranges) {
        guard let count else { break }  // Ctrl-C: the caller reads the flag
        let from = base + range.lowerBound
        // Destination at or before the source: a forward copy never overwrites what it has yet to read.
        if k != range.lowerBound { for i in 0..<count { base[k &+ i] = from[i] } }
        k += count
      }
      initialized = k
    }
    return trimmed(out)
  }

  /// The predicate's node tree over `table`, or nil when it is not fusable (it may warn, or it is
  /// not `and`/`or`/`not` over comparisons). The caller frees it with ``Node/release()``.
  private static func compiled(
    _ predicate: BoundExpression, on table: Table, warnings: inout EvaluationWarnings
  ) -> Node? {
    if predicate.mayWarn { return nil }
    switch predicate {
    case .comparison, .logical, .not: break
    default: return nil
    }
    return compile(predicate, on: table, warnings: &warnings)
  }

  /// Writes the rows in `range` (rows of the table, ascending) where `root` is true to `out` and
  /// returns how many, chunk by chunk from `range.lowerBound`: the one loop the whole table
  /// (`0..<rowCount`) and every morsel run. `out` has room for `range.count` rows.
  private static func rows(_ root: Node, in range: Range<Int>, into out: UnsafeMutablePointer<Int32>) -> Int {
    var k = 0
    var base = range.lowerBound
    let end = range.upperBound
    while base < end {
      let count = min(chunk, end - base)
      root.evaluate(base: base, count: count, wantFalse: false)
      let t = root.trueBytes
      let b = Int32(truncatingIfNeeded: base)
      for i in 0..<count {
        // Write every row, advance only past kept ones: no branch per row.
        out[k] = b &+ Int32(truncatingIfNeeded: i)
        k &+= Int(t[i])
      }
      base += count
    }
    return k
  }

  /// `rows` in an allocation of its own size when it fills less than half its capacity (a
  /// selective filter should not keep a full-length buffer alive).
  static func trimmed(_ rows: [Int32]) -> [Int32] {
    guard rows.count < rows.capacity / 2 else { return rows }
    return rows.withUnsafeBufferPointer { source in
      [Int32](unsafeUninitializedCapacity: source.count) { buffer, initialized in
        _ = buffer.initialize(from: source)
        initialized = source.count
      }
    }
  }

  // MARK: - Compiling the predicate tree

  /// Builds the node tree; operands that are not fusable become precomputed bool leaves.
  private static func compile(
    _ expression: BoundExpression, on table: Table, warnings: inout EvaluationWarnings
  ) -> Node {
    switch expression {
    case .logical(let op, let l, let r):
      let a = compile(l, on: table, warnings: &warnings)
      let b = compile(r, on: table, warnings: &warnings)
      return Node(op == .and ? .and(a, b) : .or(a, b))
    case .not(let x):
      return Node(.not(compile(x, on: table, warnings: &warnings)))
    case .comparison(let op, let l, let r):
      if let leaf = comparison(op, l, r, on: table) { return Node(.compare(leaf)) }
    default:
      break
    }
    return Node(.leaf(ExpressionEvaluator.bools(expression, on: table, warnings: &warnings)))
  }

  /// The table column an expression names, when it is one of the table's columns of that type.
  private static func tableColumn(_ expression: BoundExpression, _ table: Table) -> Column? {
    guard case .column(let index, let type) = expression, table.columns.indices.contains(index) else { return nil }
    let column = table.columns[index]
    return column.type == type ? column : nil
  }

  /// A fusable comparison, or nil (then the leaf is evaluated the ordinary way).
  private static func comparison(
    _ op: ComparisonOperator, _ l: BoundExpression, _ r: BoundExpression, on table: Table
  ) -> Comparison? {
    if case .literal = l, case .literal = r { return nil }
    if case .literal = l { return comparison(ComparisonKernel.flipped(op), r, l, on: table) }
    guard let column = tableColumn(l, table) else { return nil }
    if case .literal(let value, _) = r {
      switch (column, value) {
      case (.int64(let x), .int64(let s)):
        return Comparison(op: op, validity: x.validity, test: integerTest(x, s, op))
      case (.double(let x), _):
        guard let s = value.doubleValue else { return nil }
        return Comparison(op: op, validity: x.validity, test: .doubleScalar(x.values, s))
      case (.period(let x), _):
        guard let p = value.periodValue, p.unit == x.unit else { return nil }
        return Comparison(op: op, validity: x.validity, test: .int32Scalar(x.ordinals, p.ordinal))
      case (.string(let x), .string(let s)):
        guard op == .equal || op == .notEqual else { return nil }
        // The code is tested in the column's own width; one that does not fit it is held by no row.
        if let code = x.dictionary.firstIndex(of: s) {
          switch x.storage {
          case .u8(let c):
            if let narrow = UInt8(exactly: code) { return Comparison(op: op, validity: x.validity, test: .code8Scalar(c, narrow)) }
          case .u16(let c):
            if let narrow = UInt16(exactly: code) { return Comparison(op: op, validity: x.validity, test: .code16Scalar(c, narrow)) }
          case .u32(let c):
            return Comparison(op: op, validity: x.validity, test: .code32Scalar(c, UInt32(code)))
          }
        }
        return Comparison(op: op, validity: x.validity, test: .constant(op == .notEqual))
      default:
        return nil
      }
    }
    guard let other = tableColumn(r, table) else { return nil }
    switch (column, other) {
    case (.int64(let x), .int64(let y)):
      return Comparison(
        op: op, validity: ValidityWords(x.validity, y.validity).mask, test: .int64Columns(x.widenedValues(), y.widenedValues()))
    case (.double(let x), .double(let y)):
      return Comparison(
        op: op, validity: ValidityWords(x.validity, y.validity).mask, test: .doubleColumns(x.values, y.values))
    default:
      return nil
    }
  }

  // MARK: - Evaluation

  /// The test of an int column against a constant in the column's stored width; a constant
  /// outside a narrow width's range tests all true or all false (NULLs still excluded).
  private static func integerTest(_ x: Int64Column, _ s: Int64, _ op: ComparisonOperator) -> Comparison.Test {
    func narrow<T: FixedWidthInteger & SignedInteger>(_: T.Type, _ make: (T) -> Comparison.Test) -> Comparison.Test {
      guard let value = T(exactly: s) else { return .constant(op.outsideRangeResult(above: s > 0)) }
      return make(value)
    }
    switch x.storage {
    case .int8(let v): return narrow(Int8.self) { .int8Scalar(v, $0) }
    case .int16(let v): return narrow(Int16.self) { .int16Scalar(v, $0) }
    case .int32(let v): return narrow(Int32.self) { .int32Scalar(v, $0) }
    case .int64(let v): return .int64Scalar(v, s)
    }
  }

  /// One comparison: its rows' values and how they are tested.
  struct Comparison {
    let op: ComparisonOperator
    let validity: ValidityMask
    let test: Test

    enum Test {
      case int64Scalar([Int64], Int64)
      case doubleScalar([Double], Double)
      case int32Scalar([Int32], Int32)
      case int16Scalar([Int16], Int16)
      case int8Scalar([Int8], Int8)
      case code8Scalar([UInt8], UInt8)
      case code16Scalar([UInt16], UInt16)
      case code32Scalar([UInt32], UInt32)
      case constant(Bool)
      case int64Columns([Int64], [Int64])
      case doubleColumns([Double], [Double])
    }

    /// `out[i] = 1` where row `base + i` satisfies the test (NULLs not yet applied).
    func fill(_ out: UnsafeMutablePointer<UInt8>, base: Int, count: Int) {
      switch test {
      case .int64Scalar(let x, let s):
        x.withUnsafeBufferPointer { SelectionKernel.compare($0.baseAddress! + base, s, op, out, count) }
      case .doubleScalar(let x, let s):
        x.withUnsafeBufferPointer { SelectionKernel.compare($0.baseAddress! + base, s, op, out, count) }
      case .int32Scalar(let x, let s):
        x.withUnsafeBufferPointer { SelectionKernel.compare($0.baseAddress! + base, s, op, out, count) }
      case .int16Scalar(let x, let s):
        x.withUnsafeBufferPointer { SelectionKernel.compare($0.baseAddress! + base, s, op, out, count) }
      case .int8Scalar(let x, let s):
        x.withUnsafeBufferPointer { SelectionKernel.compare($0.baseAddress! + base, s, op, out, count) }
      case .code8Scalar(let x, let s):
        x.withUnsafeBufferPointer { SelectionKernel.compare($0.baseAddress! + base, s, op, out, count) }
      case .code16Scalar(let x, let s):
        x.withUnsafeBufferPointer { SelectionKernel.compare($0.baseAddress! + base, s, op, out, count) }
      case .code32Scalar(let x, let s):
        x.withUnsafeBufferPointer { SelectionKernel.compare($0.baseAddress! + base, s, op, out, count) }
      case .constant(let value):
        out.update(repeating: value ? 1 : 0, count: count)
      case .int64Columns(let x, let y):
        x.withUnsafeBufferPointer { a in
          y.withUnsafeBufferPointer { b in
            SelectionKernel.compare(a.baseAddress! + base, b.baseAddress! + base, op, out, count)
          }
        }
      case .doubleColumns(let x, let y):
        x.withUnsafeBufferPointer { a in
          y.withUnsafeBufferPointer { b in
            SelectionKernel.compare(a.baseAddress! + base, b.baseAddress! + base, op, out, count)
          }
        }
      }
    }
  }

  /// A node of the predicate tree with its own chunk buffers (freed by ``release()``).
  final class Node {
    enum Kind {
      case compare(Comparison)
      case leaf(BoolColumn)
      indirect case and(Node, Node)
      indirect case or(Node, Node)
      indirect case not(Node)
    }

    let kind: Kind
    /// 1 where the node is true on the current chunk.
    private(set) var trueBytes: UnsafeMutablePointer<UInt8>
    /// 1 where the node is false (only filled when asked for).
    private(set) var falseBytes: UnsafeMutablePointer<UInt8>

    init(_ kind: Kind) {
      self.kind = kind
      trueBytes = .allocate(capacity: SelectionKernel.chunk)
      falseBytes = .allocate(capacity: SelectionKernel.chunk)
    }

    /// The same tree (its comparisons and leaves shared, they are only read) with buffers of its
    /// own, so another thread can evaluate it at the same time; freed by ``release()``.
    func withOwnBuffers() -> Node {
      switch kind {
      case .compare, .leaf: return Node(kind)
      case .and(let a, let b): return Node(.and(a.withOwnBuffers(), b.withOwnBuffers()))
      case .or(let a, let b): return Node(.or(a.withOwnBuffers(), b.withOwnBuffers()))
      case .not(let a): return Node(.not(a.withOwnBuffers()))
      }
    }

    /// Frees the buffers of this node and its children.
    func release() {
      switch kind {
      case .compare, .leaf: break
      case .and(let a, let b), .or(let a, let b):
        a.release()
        b.release()
      case .not(let a): a.release()
      }
      trueBytes.deallocate()
      falseBytes.deallocate()
    }

    /// Fills ``trueBytes`` (and ``falseBytes`` when `wantFalse`) for rows `base..<base + count`.
    func evaluate(base: Int, count: Int, wantFalse: Bool) {
      let t = trueBytes, f = falseBytes
      switch kind {
      case .compare(let c):
        c.fill(t, base: base, count: count)
        SelectionKernel.applyValidity(c.validity, t, wantFalse ? f : nil, base: base, count: count)
      case .leaf(let column):
        column.values.withUnsafeBufferPointer { v in
          v.withMemoryRebound(to: UInt8.self) { p in
            for i in 0..<count { t[i] = p[base &+ i] & 1 }
          }
        }
        SelectionKernel.applyValidity(column.validity, t, wantFalse ? f : nil, base: base, count: count)
      case .and(let a, let b):
        a.evaluate(base: base, count: count, wantFalse: wantFalse)
        let at = a.trueBytes, af = a.falseBytes
        if !wantFalse && !SelectionKernel.any(at, count) {
          t.update(repeating: 0, count: count)
          return
        }
        b.evaluate(base: base, count: count, wantFalse: wantFalse)
        let bt = b.trueBytes, bf = b.falseBytes
        for i in 0..<count { t[i] = at[i] & bt[i] }
        if wantFalse { for i in 0..<count { f[i] = af[i] | bf[i] } }
      case .or(let a, let b):
        a.evaluate(base: base, count: count, wantFalse: wantFalse)
        b.evaluate(base: base, count: count, wantFalse: wantFalse)
        let at = a.trueBytes, af = a.falseBytes, bt = b.trueBytes, bf = b.falseBytes
        for i in 0..<count { t[i] = at[i] | bt[i] }
        if wantFalse { for i in 0..<count { f[i] = af[i] & bf[i] } }
      case .not(let a):
        a.evaluate(base: base, count: count, wantFalse: true)
        t.update(from: a.falseBytes, count: count)
        if wantFalse { f.update(from: a.trueBytes, count: count) }
      }
    }
  }

  /// Whether any byte of `bytes[0..<count]` is non-zero.
  @inline(__always)
  static func any(_ bytes: UnsafeMutablePointer<UInt8>, _ count: Int) -> Bool {
    var acc: UInt8 = 0
    for i in 0..<count { acc |= bytes[i] }
    return acc != 0
  }

  /// Turns raw comparison bytes into "true" bytes (valid and holding) and, when `f` is given,
  /// "false" bytes (valid and not holding).
  @inline(__always)
  static func applyValidity(
    _ validity: ValidityMask, _ t: UnsafeMutablePointer<UInt8>, _ f: UnsafeMutablePointer<UInt8>?, base: Int,
    count: Int
  ) {
    guard validity.hasNulls else {
      if let f { for i in 0..<count { f[i] = t[i] ^ 1 } }
      return
    }
    validity.words.withUnsafeBufferPointer { w in
      if let f {
        for i in 0..<count {
          let row = base &+ i
          let bit = UInt8(truncatingIfNeeded: w[row &>> 6] &>> UInt64(row & 63)) & 1
          f[i] = bit & (t[i] ^ 1)
          t[i] &= bit
        }
      } else {
        for i in 0..<count {
          let row = base &+ i
          t[i] &= UInt8(truncatingIfNeeded: w[row &>> 6] &>> UInt64(row & 63)) & 1
        }
      }
    }
  }

  /// `out[i] = x[i] op s ? 1 : 0`: one loop per operator, free of branches.
  @inline(__always)
  static func compare<T: Comparable>(
    _ x: UnsafePointer<T>, _ s: T, _ op: ComparisonOperator, _ out: UnsafeMutablePointer<UInt8>, _ count: Int
  ) {
    switch op {
    case .equal: for i in 0..<count { out[i] = x[i] == s ? 1 : 0 }
    case .notEqual: for i in 0..<count { out[i] = x[i] != s ? 1 : 0 }
    case .less: for i in 0..<count { out[i] = x[i] < s ? 1 : 0 }
    case .lessOrEqual: for i in 0..<count { out[i] = x[i] <= s ? 1 : 0 }
    case .greater: for i in 0..<count { out[i] = x[i] > s ? 1 : 0 }
    case .greaterOrEqual: for i in 0..<count { out[i] = x[i] >= s ? 1 : 0 }
    }
  }

  /// `out[i] = x[i] op y[i] ? 1 : 0`.
  @inline(__always)
  static func compare<T: Comparable>(
    _ x: UnsafePointer<T>, _ y: UnsafePointer<T>, _ op: ComparisonOperator, _ out: UnsafeMutablePointer<UInt8>,
    _ count: Int
  ) {
    switch op {
    case .equal: for i in 0..<count { out[i] = x[i] == y[i] ? 1 : 0 }
    case .notEqual: for i in 0..<count { out[i] = x[i] != y[i] ? 1 : 0 }
    case .less: for i in 0..<count { out[i] = x[i] < y[i] ? 1 : 0 }
    case .lessOrEqual: for i in 0..<count { out[i] = x[i] <= y[i] ? 1 : 0 }
    case .greater: for i in 0..<count { out[i] = x[i] > y[i] ? 1 : 0 }
    case .greaterOrEqual: for i in 0..<count { out[i] = x[i] >= y[i] ? 1 : 0 }
    }
  }
}
