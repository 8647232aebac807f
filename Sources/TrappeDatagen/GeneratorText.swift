
/// Platform-independent formatting of numbers and fields for the generated CSV files.
enum GeneratorText {
  /// `value` rounded half away from zero to the nearest integer.
  static func round(_ value: Double) -> Int {
    value < 0 ? -Int(-value + 0.5) : Int(value + 0.5)
  }

  /// A count of tenths written as a decimal with one decimal: `1234` → `123.4`.
  static func tenths(_ count: Int) -> String {
    let sign = count < 0 ? "-" : ""
    let magnitude = count < 0 ? -count : count
    return "\(sign)\(magnitude / 10).\(magnitude % 10)"
  }

  /// `text` as a CSV field: quoted only when it holds a comma, quote or line break.
  static func field(_ text: String) -> String {
    var needsQuotes = false
    for byte in text.utf8 where byte == 44 || byte == 34 || byte == 10 || byte == 13 {
      needsQuotes = true
    }
    guard needsQuotes else { return text }
    var quoted = "\""
    for character in text {
      if character == "\"" { quoted += "\"\"" } else { quoted.append(character) }
    }
    return quoted + "\""
  }

  /// Splits `total` into integers proportional to `weights` (largest remainder, ties by index).
  static func apportion(_ total: Int, weights: [Double]) -> [Int] {
    var sum = 0.0
    for w in weights { sum += w }
    guard total > 0, sum > 0 else { return [Int](repeating: 0, count: weights.count) }
    var parts = [Int](repeating: 0, count: weights.count)
    var remainders: [(Double, Int)] = []
    var assigned = 0
    for (i, w) in weights.enumerated() {
      let exact = Double(total) * w / sum
      let whole = Int(exact)
      parts[i] = whole
      assigned += whole
      remainders.append((exact - Double(whole), i))
    }
    remainders.sort { $0.0 != $1.0 ? $0.0 > $1.0 : $0.1 < $1.1 }
    var k = 0
    while assigned < total && !remainders.isEmpty {
      parts[remainders[k % remainders.count].1] += 1
      assigned += 1
      k += 1
    }
    return parts
  }
}
