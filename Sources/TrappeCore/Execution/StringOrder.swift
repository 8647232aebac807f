/// Danish-aware ordering of the distinct strings of a dictionary, for sorting string columns.
///
/// The comparison has three levels, each consulted only when the previous one ties:
/// 1. letters without regard to case: punctuation and spaces, then digits, then
///    a–z, then æ ø å (ä sorts as æ, ö as ø, ü as y, common accents as their base
///    letter), then every other character by code point;
/// 2. case, upper case first (as in the CLDR Danish tailoring);
/// 3. the exact Unicode scalars, so distinct strings never tie.
///
/// "aa" is not treated as "å". A private stand-in for the shared Danish collation.
enum StringOrder {
  /// The dense rank of every dictionary entry: equal strings share a rank, 0 is first.
  static func ranks(_ dictionary: [String]) -> [Int32] {
    let keys = dictionary.map(collationKey)
    var order = [Int32](0..<Int32(dictionary.count))
    order.sort { lessThan(keys[Int($0)], keys[Int($1)]) }
    var ranks = [Int32](repeating: 0, count: dictionary.count)
    var rank: Int32 = 0
    for position in order.indices {
      let code = Int(order[position])
      if position > 0, keys[Int(order[position - 1])] != keys[code] { rank += 1 }
      ranks[code] = rank
    }
    return ranks
  }

  /// Whether `lhs` sorts before `rhs`; both are collation keys.
  private static func lessThan(_ lhs: [UInt32], _ rhs: [UInt32]) -> Bool {
    let n = min(lhs.count, rhs.count)
    for i in 0..<n where lhs[i] != rhs[i] { return lhs[i] < rhs[i] }
    return lhs.count < rhs.count
  }

  /// The key compared lexicographically: primary weights, 0, case weights, 0, scalars + 1.
  private static func collationKey(_ string: String) -> [UInt32] {
    var primary: [UInt32] = []
    var tertiary: [UInt32] = []
    var caseLevel: [UInt32] = []
    for scalar in string.unicodeScalars {
      tertiary.append(scalar.value &+ 1)
      let (weights, upper) = primaryWeights(scalar)
      for weight in weights {
        primary.append(weight)
        caseLevel.append(upper ? 1 : 2)
      }
    }
    return primary + [0] + caseLevel + [0] + tertiary
  }

  private static let digitBase: UInt32 = 200
  private static let letterBase: UInt32 = 300
  private static let otherBase: UInt32 = 1000

  /// The primary weights of one scalar (ß gives two) and whether it is upper case.
  private static func primaryWeights(_ scalar: Unicode.Scalar) -> ([UInt32], Bool) {
    let v = scalar.value
    switch v {
    case 0x30...0x39: return ([digitBase + v - 0x30], false)
    case 0x61...0x7A: return ([letterBase + v - 0x61], false)
    case 0x41...0x5A: return ([letterBase + v - 0x41], true)
    case 0..<0x80: return ([v + 1], false)
    default: break
    }
    let upper = scalar.properties.isUppercase
    let lower = upper ? (scalar.properties.lowercaseMapping.unicodeScalars.first ?? scalar) : scalar
    if let letter = latinLetter(lower.value) { return (letter, upper) }
    return ([otherBase + lower.value], upper)
  }

  /// Weights of the lower-case Latin-1 letters Danish text meets, or nil.
  private static func latinLetter(_ v: UInt32) -> [UInt32]? {
    func letter(_ c: Unicode.Scalar) -> UInt32 { letterBase + c.value - 0x61 }
    switch v {
    case 0xE6, 0xE4: return [letterBase + 26]  // æ, ä
    case 0xF8, 0xF6: return [letterBase + 27]  // ø, ö
    case 0xE5: return [letterBase + 28]  // å
    case 0xE0...0xE3: return [letter("a")]
    case 0xE7: return [letter("c")]
    case 0xE8...0xEB: return [letter("e")]
    case 0xEC...0xEF: return [letter("i")]
    case 0xF0: return [letter("d")]
    case 0xF1: return [letter("n")]
    case 0xF2...0xF5: return [letter("o")]
    case 0xF9...0xFB: return [letter("u")]
    case 0xFC, 0xFD, 0xFF: return [letter("y")]
    case 0xDF: return [letter("s"), letter("s")]
    case 0xFE: return [letter("t"), letter("h")]
    default: return nil
    }
  }
}
