import TrappeStorage

extension Column {
  /// The rows `range` of the column; `range.lowerBound` must be a multiple of 64 (a morsel start),
  /// so the validity bits are copied word by word. A string slice keeps the whole dictionary.
  func morsel(_ range: Range<Int>) -> Column {
    let validity = self.validity.morsel(range)
    switch self {
    case .int64(let c): return .int64(Int64Column(storage: c.slice(range), validity: validity))
    case .double(let c): return .double(PrimitiveColumn(values: Array(c.values[range]), validity: validity))
    case .bool(let c): return .bool(PrimitiveColumn(values: Array(c.values[range]), validity: validity))
    case .string(let c):
      return .string(StringColumn(storage: c.storage.slice(range), dictionary: c.dictionary, validity: validity))
    case .period(let c):
      return .period(PeriodColumn(unit: c.unit, ordinals: Array(c.ordinals[range]), validity: validity))
    }
  }

  /// The morsels' columns one after another (`parts` in morsel order); nil when they are not of one type (a period unit or a string
  /// dictionary differing), so the caller can fall back to its one-pass path.
  static func joinedMorsels(_ parts: [Column]) -> Column? {
    guard let first = parts.first else { return nil }
    if parts.count == 1 { return first }
    let validity = ValidityMask.joinedMorsels(parts.map(\.validity))
    switch first {
    case .int64:
      var columns: [Int64Column] = []
      for part in parts {
        guard case .int64(let c) = part else { return nil }
        columns.append(c)
      }
      // The widest of the morsels' widths holds them all.
      return .int64(Int64Column(storage: Int64Column.joined(columns), validity: validity))
    case .double:
      var values: [Double] = []
      values.reserveCapacity(parts.reduce(0) { $0 + $1.count })
      for part in parts {
        guard case .double(let c) = part else { return nil }
        values += c.values
      }
      return .double(PrimitiveColumn(values: values, validity: validity))
    case .bool:
      var values: [Bool] = []
      values.reserveCapacity(parts.reduce(0) { $0 + $1.count })
      for part in parts {
        guard case .bool(let c) = part else { return nil }
        values += c.values
      }
      return .bool(PrimitiveColumn(values: values, validity: validity))
    case .period(let head):
      var ordinals: [Int32] = []
      ordinals.reserveCapacity(parts.reduce(0) { $0 + $1.count })
      for part in parts {
        guard case .period(let c) = part, c.unit == head.unit else { return nil }
        ordinals += c.ordinals
      }
      return .period(PeriodColumn(unit: head.unit, ordinals: ordinals, validity: validity))
    case .string(let head):
      var codes: [DictionaryCodes] = []
      for part in parts {
        guard case .string(let c) = part, c.dictionary == head.dictionary else { return nil }
        codes.append(c.storage)
      }
      return .string(StringColumn(storage: .joined(codes), dictionary: head.dictionary, validity: validity))
    }
  }
}

extension ValidityMask {
  /// The bits of rows `range` (`range.lowerBound` a multiple of 64).
  func morsel(_ range: Range<Int>) -> ValidityMask {
    guard hasNulls else { return ValidityMask(allValid: range.count) }
    let first = range.lowerBound >> 6
    let last = (range.upperBound + 63) >> 6
    return ValidityMask(words: Array(words[first..<last]), count: range.count)
  }

  /// The masks of consecutive morsels as one (word by word when every one but the last is a
  /// multiple of 64 rows, as morsels are).
  static func joinedMorsels(_ parts: [ValidityMask]) -> ValidityMask {
    let count = parts.reduce(0) { $0 + $1.count }
    guard parts.contains(where: \.hasNulls) else { return ValidityMask(allValid: count) }
    if parts.dropLast().contains(where: { $0.count & 63 != 0 }) {
      // Not morsel-aligned: bit by bit.
      return parts.dropFirst().reduce(parts[0]) { ValidityMask.concatenated($0, $1) }
    }
    var words: [UInt64] = []
    words.reserveCapacity((count + 63) >> 6)
    for part in parts {
      if part.hasNulls {
        words += part.words.prefix((part.count + 63) >> 6)
      } else {
        words += repeatElement(~0, count: (part.count + 63) >> 6)
      }
    }
    return ValidityMask(words: words, count: count)
  }
}
