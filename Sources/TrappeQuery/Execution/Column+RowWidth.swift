import TrappeStorage

extension Column {
  /// The bits one more row of this column takes in a gathered copy: the value (64 for ints and
  /// doubles, 32 for string codes and period ordinals, 8 for bools) and its validity bit.
  var bitsPerRow: Int {
    switch self {
    case .int64, .double: 65
    case .string, .period: 33
    case .bool: 9
    }
  }
}

extension Table {
  /// The bits one row of every column takes in a gathered copy (``Column/bitsPerRow``).
  var bitsPerRow: Int { columns.reduce(0) { $0 + $1.bitsPerRow } }
}

/// Memory estimates of operators, from row counts and row widths in bits.
enum OutputEstimate {
  /// The bytes of `rows` rows of `bits` bits each, saturating at Int.max.
  static func bytes(rows: Int, bits: Int) -> Int {
    let (total, overflow) = rows.multipliedReportingOverflow(by: bits)
    return overflow ? Int.max : (total + 7) / 8
  }
}
