/// Which columns a box shows, in what order, and how wide each one is.
///
/// Built by ``fit(natural:floors:hideOrder:maxWidth:)``: every column at its natural width
/// when that fits; otherwise text columns are shortened, but no further than their floors
/// (a number's floor is its widest cell, so numbers are never cut), and when even the floors
/// do not fit, whole columns are hidden in `hideOrder` (least important first) until they do.
/// A column of content width `w` takes `w + 3` terminal columns (`│`, a space either side);
/// the box adds one more for its closing `│`.
struct BoxLayout: Equatable, Sendable {
  /// One vertical strip of the box: a table column.
  enum Slot: Equatable, Sendable {
    case column(Int)
  }

  /// The strips from left to right.
  var slots: [Slot]
  /// The content width of each slot, in terminal columns.
  var widths: [Int]

  /// The width of the whole box in terminal columns.
  var totalWidth: Int { widths.reduce(1) { $0 + $1 + 3 } }

  /// The number of table columns shown.
  var shownColumnCount: Int { slots.count }

  /// The table columns shown, in order.
  var shownColumns: [Int] {
    slots.map { slot in
      switch slot {
      case .column(let c): return c
      }
    }
  }

  /// The index in ``slots`` of the rightmost table column, if any.
  var lastColumnSlot: Int? { slots.isEmpty ? nil : slots.count - 1 }

  /// The best layout of columns with the given natural content widths.
  ///
  /// `floors` are the narrowest each column may become (a column's natural width when it
  /// must not be cut); `hideOrder` lists the columns that may be hidden, least important
  /// first; a column not in it (the key column that names the rows) is always shown. When
  /// only the columns outside `hideOrder` are left and they still do not fit, they are cut
  /// to whatever width is left.
  ///
  /// The first `hideFirst` columns of `hideOrder` (codes, which repeat what a name says) are
  /// hidden before any text is shortened; the rest only when even the floors do not fit.
  static func fit(natural: [Int], floors: [Int], hideOrder: [Int], hideFirst: Int = 0, maxWidth: Int) -> BoxLayout {
    let n = natural.count
    guard n > 0 else { return BoxLayout(slots: [], widths: []) }
    var kept = Array(0..<n)
    if let layout = attempt(kept, natural: natural, floors: natural, maxWidth: maxWidth) { return layout }
    for column in hideOrder.prefix(hideFirst) where kept.count > 1 {
      kept.removeAll { $0 == column }
      if let layout = attempt(kept, natural: natural, floors: natural, maxWidth: maxWidth) { return layout }
    }
    if let layout = attempt(kept, natural: natural, floors: floors, maxWidth: maxWidth) { return layout }
    for column in hideOrder.dropFirst(hideFirst) where kept.count > 1 {
      kept.removeAll { $0 == column }
      if let layout = attempt(kept, natural: natural, floors: floors, maxWidth: maxWidth) { return layout }
    }
    // Nothing left to hide: cut what is left (only at widths no terminal table reaches).
    let ones = [Int](repeating: 1, count: n)
    while kept.count > 1 {
      if let layout = attempt(kept, natural: natural, floors: ones, maxWidth: maxWidth) { return layout }
      kept.removeLast()
    }
    return attempt(kept, natural: natural, floors: ones, maxWidth: maxWidth)
      ?? BoxLayout(slots: kept.map(Slot.column), widths: [1])
  }

  /// The layout of the `kept` columns, or nil when their floors do not fit.
  static func attempt(_ kept: [Int], natural: [Int], floors: [Int], maxWidth: Int) -> BoxLayout? {
    let budget = maxWidth - 1 - 3 * kept.count
    guard
      let widths = shrink(kept.map { natural[$0] }, floors: kept.map { floors[$0] }, budget: budget)
    else { return nil }
    return BoxLayout(slots: kept.map(Slot.column), widths: widths)
  }

  /// Widths no smaller than `floors` and no larger than `natural` whose sum is
  /// at most `budget`, taking columns down evenly from the widest; nil when
  /// even the floors do not fit.
  static func shrink(_ natural: [Int], floors: [Int], budget: Int) -> [Int]? {
    if natural.reduce(0, +) <= budget { return natural }
    if floors.reduce(0, +) > budget { return nil }
    func total(_ cap: Int) -> Int {
      var sum = 0
      for i in natural.indices { sum += max(floors[i], min(natural[i], cap)) }
      return sum
    }
    // total(low) fits, total(high) does not; find the largest cap that fits.
    var low = 0
    var high = natural.max() ?? 0
    while high - low > 1 {
      let mid = (low + high) / 2
      if total(mid) <= budget { low = mid } else { high = mid }
    }
    var widths = natural.indices.map { max(floors[$0], min(natural[$0], low)) }
    var spare = budget - widths.reduce(0, +)
    for i in widths.indices where spare > 0 && widths[i] < natural[i] {
      widths[i] += 1
      spare -= 1
    }
    return widths
  }
}
