
/// Danish alphabetical order for strings, as evaluators expect in sorted output.
///
/// Three levels, each consulted only when the previous one ties:
/// 1. Letters regardless of case and accent: characters other than letters
///    and digits (space, punctuation) first, then digits, then `a`–`z`, `æ`,
///    `ø`, `å`, then anything else by code point. `ä` sorts as `æ`, `ö` and
///    `ő` as `ø`, `ü` as `y`, other accented Latin letters as their base
///    letter; `aa` is two `a`s, not `å`. Decomposed `å`, `ä`, `ö` (base
///    letter plus combining mark) sort like the composed letters.
/// 2. Case: upper case before lower case at the first difference (Danish
///    CLDR's `caseFirst upper`), so `Ø` < `ø`.
/// 3. Unicode scalar values, so only identical strings tie.
package enum DanishCollation {
  /// Each dictionary entry's rank in Danish order: 0 for the first, equal strings share a rank.
  ///
  /// Ranks are dense (`0..<distinct`), so they index arrays directly.
  static func rank(of dictionary: [String]) -> [Int32] {
    let n = dictionary.count
    var weights: [UInt32] = []
    var starts = [Int](repeating: 0, count: n + 1)
    for (index, string) in dictionary.enumerated() {
      appendPrimaryWeights(of: string, to: &weights)
      starts[index + 1] = weights.count
    }
    var order = (0..<n).map { Int32($0) }
    weights.withUnsafeBufferPointer { w in
      order.sort { a, b in
        let primary = compareWeights(w, starts[Int(a)]..<starts[Int(a) + 1], starts[Int(b)]..<starts[Int(b) + 1])
        if primary != 0 { return primary < 0 }
        return compareTies(dictionary[Int(a)], dictionary[Int(b)]) < 0
      }
    }
    var ranks = [Int32](repeating: 0, count: n)
    var rank: Int32 = -1
    var previous: String?
    for index in order {
      let string = dictionary[Int(index)]
      if previous.map({ !$0.unicodeScalars.elementsEqual(string.unicodeScalars) }) ?? true { rank += 1 }
      ranks[Int(index)] = rank
      previous = string
    }
    return ranks
  }

  /// Compares two strings in Danish order: negative, zero or positive.
  static func compare(_ a: String, _ b: String) -> Int {
    var wa: [UInt32] = []
    var wb: [UInt32] = []
    appendPrimaryWeights(of: a, to: &wa)
    appendPrimaryWeights(of: b, to: &wb)
    let primary = wa.withUnsafeBufferPointer { pa in
      wb.withUnsafeBufferPointer { pb in
        compareSequences(pa, pb)
      }
    }
    return primary != 0 ? primary : compareTies(a, b)
  }

  /// Whether `a` sorts strictly before `b` in Danish order.
  package static func areInIncreasingOrder(_ a: String, _ b: String) -> Bool {
    compare(a, b) < 0
  }

  /// The second and third levels: case (upper first), then scalar values.
  static func compareTies(_ a: String, _ b: String) -> Int {
    var ia = a.unicodeScalars.makeIterator()
    var ib = b.unicodeScalars.makeIterator()
    while true {
      let sa = nextCased(&ia)
      let sb = nextCased(&ib)
      guard let ca = sa, let cb = sb else { break }
      if ca != cb { return ca ? -1 : 1 }
    }
    var ra = a.unicodeScalars.makeIterator()
    var rb = b.unicodeScalars.makeIterator()
    while true {
      switch (ra.next(), rb.next()) {
      case (nil, nil): return 0
      case (nil, _): return -1
      case (_, nil): return 1
      case (let x?, let y?): if x != y { return x.value < y.value ? -1 : 1 }
      }
    }
  }

  /// The next cased letter's case (true for upper case), skipping uncased scalars; nil at the end.
  private static func nextCased(_ iterator: inout String.UnicodeScalarView.Iterator) -> Bool? {
    while let scalar = iterator.next() {
      let properties = scalar.properties
      if properties.isUppercase { return true }
      if properties.isLowercase { return false }
    }
    return nil
  }

  private static func compareWeights(_ w: UnsafeBufferPointer<UInt32>, _ a: Range<Int>, _ b: Range<Int>) -> Int {
    var i = a.lowerBound
    var j = b.lowerBound
    while i < a.upperBound && j < b.upperBound {
      if w[i] != w[j] { return w[i] < w[j] ? -1 : 1 }
      i += 1
      j += 1
    }
    let restA = a.upperBound - i
    let restB = b.upperBound - j
    return restA == restB ? 0 : (restA < restB ? -1 : 1)
  }

  private static func compareSequences(_ a: UnsafeBufferPointer<UInt32>, _ b: UnsafeBufferPointer<UInt32>) -> Int {
    for i in 0..<Swift.min(a.count, b.count) where a[i] != b[i] {
      return a[i] < b[i] ? -1 : 1
    }
    return a.count == b.count ? 0 : (a.count < b.count ? -1 : 1)
  }

  /// Weight of the first Danish letter (`a`); letters follow in alphabet order.
  private static let letterBase: UInt32 = 0x1000
  private static let digitBase: UInt32 = 0x0800
  private static let otherBase: UInt32 = 0x2000

  /// Letter weights by alphabet position: a = 0 ... z = 25, æ = 26, ø = 27, å = 28.
  private static func letter(_ position: UInt32) -> UInt32 { letterBase + position }

  /// Appends the first-level weights of `string`'s scalars.
  static func appendPrimaryWeights(of string: String, to weights: inout [UInt32]) {
    let start = weights.count
    for scalar in string.unicodeScalars {
      let v = scalar.value
      switch v {
      case 0x30...0x39: weights.append(digitBase + (v - 0x30))
      case 0x41...0x5A: weights.append(letter(v - 0x41))
      case 0x61...0x7A: weights.append(letter(v - 0x61))
      case 0..<0x80: weights.append(v)
      case 0x300...0x36F:
        // Combining marks: fold ring, diaeresis and stroke into Danish letters, ignore the rest.
        guard weights.count > start, let last = weights.last else { continue }
        if v == 0x30A && last == letter(0) {
          weights[weights.count - 1] = letter(28)
        } else if v == 0x308 && last == letter(0) {
          weights[weights.count - 1] = letter(26)
        } else if (v == 0x308 || v == 0x338 || v == 0x30B) && last == letter(14) {
          weights[weights.count - 1] = letter(27)
        } else if v == 0x308 && last == letter(20) {
          weights[weights.count - 1] = letter(24)
        }
      default:
        if let position = latinPosition(v) {
          weights.append(letter(position))
        } else if v == 0xDF {
          weights.append(letter(18))
          weights.append(letter(18))
        } else {
          weights.append(otherBase + v)
        }
      }
    }
  }

  /// The alphabet position of a Latin-1 or Latin Extended-A letter, by its Danish base letter.
  private static func latinPosition(_ v: UInt32) -> UInt32? {
    switch v {
    case 0xC6, 0xE6, 0xC4, 0xE4: return 26  // Æ æ Ä ä
    case 0xD8, 0xF8, 0xD6, 0xF6, 0x150, 0x151: return 27  // Ø ø Ö ö Ő ő
    case 0xC5, 0xE5: return 28  // Å å
    case 0xC0...0xC3, 0xE0...0xE3: return 0
    case 0xC7, 0xE7: return 2
    case 0xD0, 0xF0: return 3
    case 0xC8...0xCB, 0xE8...0xEB: return 4
    case 0xCC...0xCF, 0xEC...0xEF: return 8
    case 0xD1, 0xF1: return 13
    case 0xD2...0xD5, 0xF2...0xF5: return 14
    case 0xD9...0xDB, 0xF9...0xFB: return 20
    case 0xDC, 0xFC, 0xDD, 0xFD, 0xFF: return 24  // Ü ü Ý ý ÿ
    default: return nil
    }
  }
}
