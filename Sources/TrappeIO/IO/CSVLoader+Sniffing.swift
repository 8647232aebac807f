
extension CSVLoader {
  /// Picks `,`, `;` or tab: the candidate whose count per line (outside quotes)
  /// is non-zero on the first line and matches it on the most lines.
  func sniffDelimiter() -> UInt8 {
    let candidates: [UInt8] = [0x2C, 0x3B, 0x09]
    var perLine: [[Int]] = [[], [], []]
    var current = [0, 0, 0]
    var inQuotes = false
    var content = false
    var p = start
    let limit = min(bytes.count, start + 256 * 1024)
    while p < limit && perLine[0].count < 100 {
      let b = bytes[p]
      p += 1
      if b == 0x22 {
        inQuotes.toggle()
        content = true
        continue
      }
      if inQuotes { continue }
      if b == 10 {
        if content {
          for k in 0..<3 { perLine[k].append(current[k]) }
        }
        current = [0, 0, 0]
        content = false
        continue
      }
      if b != 13 { content = true }
      if b == 0x2C {
        current[0] += 1
      } else if b == 0x3B {
        current[1] += 1
      } else if b == 0x09 {
        current[2] += 1
      }
    }
    if content && p == bytes.count && !inQuotes {
      for k in 0..<3 { perLine[k].append(current[k]) }
    }
    var best: UInt8 = 0x2C
    var bestScore = (0, 0)
    for k in 0..<3 {
      guard let first = perLine[k].first, first > 0 else { continue }
      let agreeing = perLine[k].filter { $0 == first }.count
      let score = (agreeing, first)
      if score > bestScore {
        bestScore = score
        best = candidates[k]
      }
    }
    return best
  }
}
