import TrappeStorage

/// `replace(s, from, to)`: s with every occurrence of from replaced by to, scanning
/// left to right without overlaps (`replace("aaa", "aa", "b")` is "ba"); an empty
/// from leaves s unchanged. Matching is on the UTF-8 bytes, as DuckDB's `replace`.
/// NULL in any argument gives NULL.
enum ReplaceFunction {
  static func apply(_ args: [Operand], count: Int) -> Column {
    guard args.count == 3, !args.contains(where: \.isNullScalar),
      case .string(let text) = args[0].column(count: count)
    else { return .nulls(.string, count: count) }
    if case .scalar(let f, _) = args[1], case .scalar(let t, _) = args[2], let from = f.stringValue,
      let to = t.stringValue
    {
      return .string(DictionaryKernel.mapStrings(text) { replacing($0, from, to) })
    }
    guard case .string(let froms) = args[1].column(count: count), case .string(let tos) = args[2].column(count: count)
    else { return .nulls(.string, count: count) }
    struct Key: Hashable {
      var text: UInt32
      var from: UInt32
      var to: UInt32
    }
    let valid = ValidityWords(ValidityWords(text.validity, froms.validity).mask, tos.validity)
    return .string(
      DictionaryKernel.memoizedStrings(count: count) { i -> Key? in
        let key = Key(text: UInt32(text.code(at: i)), from: UInt32(froms.code(at: i)), to: UInt32(tos.code(at: i)))
        guard valid.isValid(i), Int(key.text) < text.dictionary.count, Int(key.from) < froms.dictionary.count,
          Int(key.to) < tos.dictionary.count
        else { return nil }
        return key
      } compute: { key in
        replacing(text.dictionary[Int(key.text)], froms.dictionary[Int(key.from)], tos.dictionary[Int(key.to)])
      })
  }

  /// Every non-overlapping occurrence of `from` in `s` (by bytes) replaced by `to`.
  static func replacing(_ s: String, _ from: String, _ to: String) -> String {
    let needle = Array(from.utf8)
    guard !needle.isEmpty else { return s }
    let hay = Array(s.utf8)
    guard hay.count >= needle.count else { return s }
    var out: [UInt8] = []
    out.reserveCapacity(hay.count)
    var i = 0
    var changed = false
    while i < hay.count {
      if i + needle.count <= hay.count, hay[i] == needle[0], hay[i..<(i + needle.count)].elementsEqual(needle) {
        out.append(contentsOf: to.utf8)
        i += needle.count
        changed = true
      } else {
        out.append(hay[i])
        i += 1
      }
    }
    return changed ? String(decoding: out, as: UTF8.self) : s
  }
}
