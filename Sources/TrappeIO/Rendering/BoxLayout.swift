
/// Which columns a box shows, in what order, and how wide each one is.
///
/// Built by ``fit(natural:minimum:maxWidth:)``, which first truncates wide
/// columns down to a minimum width and only then elides middle columns,
/// keeping the first and last columns as long as possible. A column of
/// content width `w` takes `w + 3` terminal columns (`│`, a space either
/// side); the box adds one more for its closing `│`.
struct BoxLayout: Equatable, Sendable {
  /// One vertical strip of the box: a table column or the `…` stand-in for hidden columns.
  enum Slot: Equatable, Sendable {
    case column(Int)
    case ellipsis
  }

  /// The strips from left to right.
  var slots: [Slot]
  /// The content width of each slot, in terminal columns.
  var widths: [Int]

  /// The width of the whole box in terminal columns.
  var totalWidth: Int { widths.reduce(1) { $0 + $1 + 3 } }

  /// The number of table columns shown.
  var shownColumnCount: Int {
    slots.reduce(0) { count, slot in
      if case .column = slot { return count + 1 }
      return count
    }
  }

  /// The index in ``slots`` of the rightmost table column, if any.
  var lastColumnSlot: Int? {
    slots.lastIndex { slot in
      if case .column = slot { return true }
      return false
    }
  }

  /// How wide the first column stays before other columns are hidden.
  static let firstColumnFloor = 20

  /// The best layout of columns with the given natural content widths.
  ///
  /// Tries, in order: every column, each shrunk no further than `minimum`
  /// (or its natural width when smaller); the first and last columns plus as
  /// many others as fit alternately from the left and the right, around a `…`
  /// column; the first and last columns shrunk to one character; the first
  /// column alone; the `…` column alone.
  static func fit(natural: [Int], minimum: Int, maxWidth: Int) -> BoxLayout {
    let n = natural.count
    let floors = natural.map { min($0, minimum) }
    // The first column usually names the row (a municipality, a column in
    // `.describe`): keep it readable when the others can give way.
    if n >= 2 {
      var firstWhole = floors
      firstWhole[0] = min(natural[0], BoxLayout.firstColumnFloor)
      if let layout = attempt(left: Array(0..<n), right: [], natural: natural, floors: firstWhole, maxWidth: maxWidth) {
        return layout
      }
    }
    if let layout = attempt(left: Array(0..<n), right: [], natural: natural, floors: floors, maxWidth: maxWidth) {
      return layout
    }
    if n >= 2 {
      var left = [0]
      var right = [n - 1]
      var used = 1 + 4 + floors[0] + 3 + floors[n - 1] + 3
      if used <= maxWidth {
        var low = 1
        var high = n - 2
        var fromLeft = true
        while low <= high {
          let candidate = fromLeft ? low : high
          let cost = floors[candidate] + 3
          if used + cost > maxWidth { break }
          used += cost
          if fromLeft {
            left.append(low)
            low += 1
          } else {
            right.insert(high, at: 0)
            high -= 1
          }
          fromLeft.toggle()
        }
        if let layout = attempt(left: left, right: right, natural: natural, floors: floors, maxWidth: maxWidth) {
          return layout
        }
      }
      let ones = [Int](repeating: 1, count: n)
      if let layout = attempt(left: [0], right: [n - 1], natural: natural, floors: ones, maxWidth: maxWidth) {
        return layout
      }
    }
    let ones = [Int](repeating: 1, count: n)
    if n >= 1, let layout = attempt(left: [0], right: [], natural: natural, floors: ones, maxWidth: maxWidth) {
      return layout
    }
    return BoxLayout(slots: [.ellipsis], widths: [1])
  }

  /// The layout of the `left` and `right` columns (with a `…` column between
  /// them when any column is left out), or nil when it cannot fit.
  static func attempt(left: [Int], right: [Int], natural: [Int], floors: [Int], maxWidth: Int) -> BoxLayout? {
    let kept = left + right
    let elided = kept.count < natural.count
    let budget = maxWidth - 1 - 3 * kept.count - (elided ? 4 : 0)
    guard
      let widths = shrink(kept.map { natural[$0] }, floors: kept.map { floors[$0] }, budget: budget)
    else { return nil }
    var slots = left.map(Slot.column)
    var slotWidths = Array(widths[0..<left.count])
    if elided {
      slots.append(.ellipsis)
      slotWidths.append(1)
    }
    slots += right.map(Slot.column)
    slotWidths += widths[left.count...]
    return BoxLayout(slots: slots, widths: slotWidths)
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
