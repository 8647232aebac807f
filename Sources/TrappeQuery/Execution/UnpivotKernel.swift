import TrappeStorage

/// Turns columns into rows: one output row per input row and unpivoted column.
///
/// The kept columns (all others, in table order) repeat once per unpivoted
/// column, followed by a string column holding the unpivoted column's name
/// and a column holding its value. Row order: for each input row, one row
/// per unpivoted column in the order given. NULL values stay as rows.
enum UnpivotKernel {
  /// Unpivots `columns` of `table` into `nameColumn` and `valueColumn`.
  ///
  /// The unpivoted columns must share a type: all int, all double or a mix of
  /// the two (giving double), all bool, all string, or all periods of one
  /// unit. Returns nil when they do not, when `columns` is empty, or when the
  /// output would exceed 2^31 rows.
  static func unpivot(table: Table, columns: [Int], nameColumn: String, valueColumn: String) -> Table? {
    guard !columns.isEmpty else { return nil }
    let sources = columns.map { table.columns[$0] }
    let width = columns.count
    let rows = table.rowCount
    guard rows * width <= Int(Int32.max), let values = interleave(sources, rows: rows) else { return nil }

    var repeated = [Int32](repeating: 0, count: rows * width)
    for row in 0..<rows {
      for j in 0..<width { repeated[row * width + j] = Int32(row) }
    }
    var named: [(String, Column)] = []
    for index in 0..<table.columnCount where !columns.contains(index) {
      named.append((table.schema.fields[index].name, table.columns[index].gather(repeated)))
    }
    var names = StringColumnBuilder()
    let nameCodes = columns.map { names.code(for: table.schema.fields[$0].name) }
    var codes = [UInt32](repeating: 0, count: rows * width)
    for row in 0..<rows {
      for j in 0..<width { codes[row * width + j] = nameCodes[j] }
    }
    let dictionary = names.finish().dictionary
    named.append((nameColumn, .string(StringColumn(codes: codes, dictionary: dictionary, validity: ValidityMask(allValid: codes.count)))))
    named.append((valueColumn, values))
    return Table(named)
  }

  /// The cells of `sources` row by row (`out[row * width + j] = sources[j][row]`) in their unified type.
  static func interleave(_ sources: [Column], rows: Int) -> Column? {
    let validity = interleavedValidity(sources, rows: rows)
    let types = Set(sources.map(\.type))
    if types.isSubset(of: [.int64, .double]) && types.count == 2 {
      let doubles: [[Double]] = sources.map {
        switch $0 {
        case .int64(let c): return c.doubleValues()
        case .double(let c): return c.values
        default: return []
        }
      }
      return .double(PrimitiveColumn(values: interleaved(doubles, rows: rows), validity: validity))
    }
    guard types.count == 1 else { return nil }
    switch sources[0] {
    case .int64:
      let arrays = sources.compactMap { if case .int64(let c) = $0 { c.widenedValues() } else { nil } }
      return .int64(Int64Column(values: interleaved(arrays, rows: rows), validity: validity))
    case .double:
      let arrays = sources.compactMap { if case .double(let c) = $0 { c.values } else { nil } }
      return .double(PrimitiveColumn(values: interleaved(arrays, rows: rows), validity: validity))
    case .bool:
      let arrays = sources.compactMap { if case .bool(let c) = $0 { c.values } else { nil } }
      return .bool(PrimitiveColumn(values: interleaved(arrays, rows: rows), validity: validity))
    case .period(let first):
      let periods = sources.compactMap { if case .period(let c) = $0 { c } else { nil } }
      guard periods.allSatisfy({ $0.unit == first.unit }) else { return nil }
      let ordinals = interleaved(periods.map(\.ordinals), rows: rows)
      return .period(PeriodColumn(unit: first.unit, ordinals: ordinals, validity: validity))
    case .string:
      let strings = sources.compactMap { if case .string(let c) = $0 { c } else { nil } }
      var merged = StringColumnBuilder()
      let recoded = strings.map { c -> [UInt32] in
        let remap = c.dictionary.map { merged.code(for: $0) }
        return DictionaryKernel.gather(remap, codes: c.storage, placeholder: 0)
      }
      let codes = interleaved(recoded, rows: rows)
      return .string(StringColumn(codes: codes, dictionary: merged.finish().dictionary, validity: validity))
    }
  }

  private static func interleaved<T>(_ arrays: [[T]], rows: Int) -> [T] {
    let width = arrays.count
    guard let first = arrays.first?.first else { return [] }
    var out = [T](repeating: first, count: rows * width)
    out.withUnsafeMutableBufferPointer { o in
      for (j, array) in arrays.enumerated() {
        array.withUnsafeBufferPointer { a in
          for row in 0..<rows { o[row &* width &+ j] = a[row] }
        }
      }
    }
    return out
  }

  private static func interleavedValidity(_ sources: [Column], rows: Int) -> ValidityMask {
    let width = sources.count
    var mask = ValidityMask(allValid: rows * width)
    for (j, source) in sources.enumerated() where source.validity.hasNulls {
      let validity = source.validity
      for row in 0..<rows where !validity.isValid(row) { mask.set(row * width + j, valid: false) }
    }
    return mask
  }
}
