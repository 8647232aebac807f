import TrappeBase

/// How chart code notices Ctrl-C: loops over rows stop early, and
/// ``ChartRenderer/render(_:options:settings:)`` reads the flag after preparing the data and
/// after drawing, so a chart cut short is never shown ("interrupted: the chart was not drawn").
enum ChartStop {
  /// Whether a drawing loop at its `n`th row should stop (the flag is read every 256 rows).
  static func atRow(_ n: Int) -> Bool {
    n & 255 == 0 && Interrupt.isRequested
  }

  /// `(0..<count).map(transform)` that stops early (a shorter array) on Ctrl-C.
  static func perRow<T>(_ count: Int, _ transform: (Int) -> T) -> [T] {
    var out: [T] = []
    out.reserveCapacity(count)
    for row in 0..<count {
      if row & 0xFFFF == 0 && Interrupt.isRequested { break }
      out.append(transform(row))
    }
    return out
  }
}
