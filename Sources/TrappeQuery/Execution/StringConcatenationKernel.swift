import TrappeBase
import TrappeStorage

/// Joins two string operands row by row: `a + b` on strings and each step of `concat`.
///
/// Each distinct pair of dictionary entries is joined once (a dense memo when the
/// pairs are few, a hashed one otherwise) and rows reuse the pair's code.
/// With `nullAsEmpty` false a NULL on either side gives NULL (SQL `||`); with it
/// true a NULL side reads as "" and the result is never NULL (`concat`).
enum StringConcatenationKernel {
  static func apply(
    _ l: Operand, _ r: Operand, count: Int, nullAsEmpty: Bool, warnings: inout EvaluationWarnings
  ) -> Column {
    if !nullAsEmpty && (l.isNullScalar || r.isNullScalar) { return .nulls(.string, count: count) }
    guard case .string(let a) = l.column(count: count), case .string(let b) = r.column(count: count) else {
      return .nulls(.string, count: count)
    }
    let bytes = estimatedBytes(a.dictionary, b.dictionary, count: count)
    if bytes > 1 << 24 {
      do throws(ExecutionStop) {
        try MemoryBudget.require(
          bytes, for: "string concatenation (+ or concat)",
          detail: "\(MemoryBudget.describeRows(count)) rows of up to "
            + MemoryBudget.describe(longest(a.dictionary) + longest(b.dictionary)) + " each")
      } catch {
        if case .overBudget(let overrun) = error { warnings.overrun = warnings.overrun ?? overrun }
        return .nulls(.string, count: count)
      }
    }
    let na = a.dictionary.count, nb = b.dictionary.count
    let width = nb + 1
    let pairs = (na + 1) * width
    let dense = pairs <= 1 << 20
    var denseMemo = dense ? [UInt32](repeating: UInt32.max, count: pairs) : []
    var hashedMemo: [Int: UInt32] = [:]
    var builder = StringColumnBuilder(capacity: count)
    let va = ValidityWords(a.validity), vb = ValidityWords(b.validity)
    // Row by row through a builder: each side's codes are widened once.
    let codesA = a.widenedCodes(), codesB = b.widenedCodes()
    codesA.withUnsafeBufferPointer { ca in
      codesB.withUnsafeBufferPointer { cb in
        for i in 0..<count {
          let codeA = Int(ca[i]), codeB = Int(cb[i])
          let ia = va.isValid(i) && codeA < na ? codeA : na
          let ib = vb.isValid(i) && codeB < nb ? codeB : nb
          if !nullAsEmpty && (ia == na || ib == nb) {
            builder.appendNull()
            continue
          }
          let key = ia * width + ib
          if dense, denseMemo[key] != UInt32.max {
            builder.append(code: denseMemo[key])
            continue
          }
          if !dense, let known = hashedMemo[key] {
            builder.append(code: known)
            continue
          }
          let text = (ia < na ? a.dictionary[ia] : "") + (ib < nb ? b.dictionary[ib] : "")
          let code = builder.code(for: text)
          if dense { denseMemo[key] = code } else { hashedMemo[key] = code }
          builder.append(code: code)
        }
      }
    }
    return .string(builder.finish())
  }

  /// An upper bound of the bytes the result takes: the codes (4 a row), and its distinct texts,
  /// which are at most every pair of the two dictionaries (summing each side's bytes once per
  /// entry of the other) and at most one per row of the longest pair, each with about 48
  /// bytes of string and hash-table overhead.
  static func estimatedBytes(_ a: [String], _ b: [String], count: Int) -> Int {
    let bytesA = a.reduce(0) { $0 + $1.utf8.count }
    let bytesB = b.reduce(0) { $0 + $1.utf8.count }
    let allPairs = MemoryBudget.sum(
      MemoryBudget.product(b.count + 1, bytesA), MemoryBudget.product(a.count + 1, bytesB))
    let perRow = MemoryBudget.product(count, longest(a) + longest(b))
    let distinct = min(count, MemoryBudget.product(a.count + 1, b.count + 1))
    return MemoryBudget.sum(
      MemoryBudget.sum(min(allPairs, perRow), MemoryBudget.product(distinct, 48)), MemoryBudget.product(count, 4))
  }

  /// The longest text's UTF-8 bytes.
  static func longest(_ dictionary: [String]) -> Int { dictionary.reduce(0) { max($0, $1.utf8.count) } }
}
