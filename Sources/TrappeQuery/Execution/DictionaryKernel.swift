import TrappeStorage

/// Work on the dictionaries of string columns: everything string-shaped is
/// computed once per distinct string and then mapped to rows through the codes.
enum DictionaryKernel {
  /// `table[code]` for every row; `placeholder` where a code has no entry (NULL slots of empty
  /// dictionaries). One loop specialised for the codes' width.
  static func gather<T>(_ table: [T], codes: DictionaryCodes, placeholder: T) -> [T] {
    switch codes {
    case .u8(let c): gather(table, codes: c, placeholder: placeholder)
    case .u16(let c): gather(table, codes: c, placeholder: placeholder)
    case .u32(let c): gather(table, codes: c, placeholder: placeholder)
    }
  }

  /// `table[code]` for every code of one width.
  static func gather<T, Code: FixedWidthInteger & UnsignedInteger>(
    _ table: [T], codes: [Code], placeholder: T
  ) -> [T] {
    let n = codes.count
    let limit = table.count
    return [T](unsafeUninitializedCapacity: n) { buffer, initialized in
      table.withUnsafeBufferPointer { t in
        codes.withUnsafeBufferPointer { c in
          for i in 0..<n {
            let code = Int(c[i])
            buffer.initializeElement(at: i, to: code < limit ? t[code] : placeholder)
          }
        }
      }
      initialized = n
    }
  }

  /// For each entry of `source`, its code in `target`, or `UInt32.max` when absent.
  static func remap(_ source: [String], onto target: [String]) -> [UInt32] {
    var lookup: [String: UInt32] = [:]
    lookup.reserveCapacity(target.count)
    for (code, string) in target.enumerated() where lookup[string] == nil {
      lookup[string] = UInt32(code)
    }
    return source.map { lookup[$0] ?? UInt32.max }
  }

  /// A column whose dictionary is `transform` of each entry; the codes are reused
  /// unless two entries map to the same string, in which case they are merged.
  static func mapStrings(_ column: StringColumn, _ transform: (String) -> String) -> StringColumn {
    let mapped = column.dictionary.map(transform)
    var lookup: [String: UInt32] = [:]
    lookup.reserveCapacity(mapped.count)
    var dictionary: [String] = []
    var remap = [UInt32](repeating: 0, count: mapped.count)
    var identity = true
    for (code, string) in mapped.enumerated() {
      if let existing = lookup[string] {
        remap[code] = existing
        identity = false
      } else {
        let new = UInt32(dictionary.count)
        lookup[string] = new
        dictionary.append(string)
        remap[code] = new
        identity = identity && new == UInt32(code)
      }
    }
    // The dictionary may have shrunk: the result's codes are sized to it.
    if identity { return StringColumn(storage: column.storage, dictionary: dictionary, validity: column.validity) }
    let codes = gather(remap, codes: column.storage, placeholder: 0)
    return StringColumn(codes: codes, dictionary: dictionary, validity: column.validity)
  }

  /// A string column of `count` rows computed row by row from a `key` per row (nil: NULL), with
  /// `compute` called once per distinct key (the keys are dictionary codes and parameters, so a
  /// function of several columns still works per distinct combination, not per row).
  static func memoizedStrings<Key: Hashable>(
    count: Int, key: (Int) -> Key?, compute: (Key) -> String
  ) -> StringColumn {
    var memo: [Key: UInt32] = [:]
    var builder = StringColumnBuilder(capacity: count)
    for i in 0..<count {
      guard let k = key(i) else {
        builder.appendNull()
        continue
      }
      if let known = memo[k] {
        builder.append(code: known)
      } else {
        let result = builder.code(for: compute(k))
        memo[k] = result
        builder.append(code: result)
      }
    }
    return builder.finish()
  }

  /// One dictionary for several string columns, and each column's codes in it (32 bits: the
  /// merged dictionary may need them; callers size their result).
  static func unify(_ columns: [StringColumn]) -> (dictionary: [String], codes: [[UInt32]]) {
    guard let first = columns.first else { return ([], []) }
    var dictionary = first.dictionary
    var lookup: [String: UInt32] = [:]
    for (code, string) in dictionary.enumerated() where lookup[string] == nil {
      lookup[string] = UInt32(code)
    }
    var codes: [[UInt32]] = [first.widenedCodes()]
    for column in columns.dropFirst() {
      if column.dictionary == first.dictionary {
        codes.append(column.widenedCodes())
        continue
      }
      let remap = column.dictionary.map { string -> UInt32 in
        if let code = lookup[string] { return code }
        let code = UInt32(dictionary.count)
        dictionary.append(string)
        lookup[string] = code
        return code
      }
      codes.append(gather(remap, codes: column.storage, placeholder: 0))
    }
    return (dictionary, codes)
  }

  /// The validity of a per-entry result: a row is valid when it is valid in
  /// `column` and its entry is `ok`; also the number of valid rows that failed.
  static func validity(_ column: StringColumn, ok: [Bool]) -> (ValidityMask, failures: Int) {
    var validity = ValidityWords(column.validity)
    if ok.allSatisfy({ $0 }) { return (column.validity, 0) }
    var failures = 0
    switch column.storage {
    case .u8(let c): failures = invalidate(c, ok: ok, &validity)
    case .u16(let c): failures = invalidate(c, ok: ok, &validity)
    case .u32(let c): failures = invalidate(c, ok: ok, &validity)
    }
    return (validity.mask, failures)
  }

  /// Clears the rows whose entry is not `ok`; the number of valid rows cleared.
  private static func invalidate<Code: FixedWidthInteger & UnsignedInteger>(
    _ codes: [Code], ok: [Bool], _ validity: inout ValidityWords
  ) -> Int {
    var failures = 0
    let limit = ok.count
    codes.withUnsafeBufferPointer { c in
      ok.withUnsafeBufferPointer { table in
        for i in 0..<c.count {
          let code = Int(c[i])
          if code >= limit || !table[code] {
            if validity.invalidate(i) { failures += 1 }
          }
        }
      }
    }
    return failures
  }
}
