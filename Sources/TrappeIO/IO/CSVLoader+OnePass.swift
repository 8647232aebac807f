import TrappeBase
import TrappeStorage

extension CSVLoader {
  /// How many records the types are guessed from before the one pass.
  static let sampleRows = 2048

  /// How the one pass treats a column.
  enum Plan {
    /// Typed by `types=` (or a manifest): parsed strictly, a bad cell is an error.
    case given
    /// Guessed from the first rows; each cell is checked to keep the guess.
    case guessed
    /// Guessed, and every cell is also observed, because the state the guess depends on
    /// keeps changing (decimal evidence of doubles when the separator is detected, counts of
    /// whole numbers beyond 64 bits).
    case observed
    /// Null in every sampled row: any later value means the column is inferred again.
    case unknown
  }

  /// Loads the records in one pass: column types are guessed from the first
  /// `sampleRows` records (``sampleRows`` by default) and cells are parsed straight into builders of those types.
  ///
  /// The result is the one ``loadInTwoPasses`` gives. A column whose guess a later cell
  /// breaks (a decimal after 10,000 integers) is inferred again over all rows and parsed
  /// again, alone. Returns nil, for the two-pass load, when the detected decimal separator
  /// turns out other than guessed or a period column's unit is not known from the sample.
  mutating func loadInOnePass(
    names: [String], overrides: [DataType?], delimiter: UInt8, dataStart: Int, encoding: TextEncoding,
    sampleRows: Int
  ) throws(CSVError) -> CSVReadResult? {
    let columnCount = names.count
    var spans = [CSVFieldSpan](
      repeating: CSVFieldSpan(start: 0, end: 0, quoted: false, escaped: false), count: columnCount)

    // The sample: inference over the first records, exactly as the two-pass load starts.
    var sample = initialInference(overrides: overrides, delimiter: delimiter)
    var scanner = CSVScanner(bytes: bytes, delimiter: delimiter, position: dataStart)
    var sampled = 0
    do {
      var recordStart = 0
      var firstExtra = 0
      try spans.withUnsafeMutableBufferPointer { (s) throws(CSVError) in
        while sampled < sampleRows, let fields = try scan(&scanner, s, &recordStart, &firstExtra) {
          if fields != columnCount {
            throw ragged(
              fields: fields, expected: columnCount, firstExtra: firstExtra, recordEnd: scanner.position,
              delimiter: delimiter)
          }
          for c in 0..<columnCount {
            let cell = cell(s[c])
            if isNull(cell.0, cell.1) { continue }
            sample[c].observe(cell.0, cell.1, at: s[c].origin)
          }
          sampled += 1
        }
      }
    }
    let sampleEnd = scanner.position
    let fixed = fixedComma(delimiter: delimiter)
    let comma = decideComma(sample, overrides: overrides, delimiter: delimiter)

    // Plans and guessed types.
    var plans = [Plan](repeating: .guessed, count: columnCount)
    var types = [DataType](repeating: .string, count: columnCount)
    var units = [PeriodUnit](repeating: .year, count: columnCount)
    for c in 0..<columnCount {
      let state = sample[c]
      if let type = overrides[c] {
        types[c] = type
        // Ints and doubles tell the decimal separator while it is being detected.
        plans[c] = fixed == nil && (type == .int64 || type == .double) ? .observed : .given
        if type == .period {
          // The unit is the first value's; a column null in the whole sample is left to two passes.
          guard state.nonNull > 0 else { return nil }
          units[c] = state.periodUnit ?? .year
        }
        continue
      }
      guard state.nonNull > 0 else {
        plans[c] = .unknown
        continue
      }
      let type = state.type(comma: comma)
      types[c] = type
      units[c] = state.periodUnit ?? .year
      switch type {
      case .double: plans[c] = fixed == nil ? .observed : .guessed
      case .string: plans[c] = state.numeric != 0 ? .observed : .guessed
      default: plans[c] = .guessed
      }
    }

    // The one pass, in morsels. Observed columns start again from the first record.
    let fresh = initialInference(overrides: overrides, delimiter: delimiter)
    let parts = try parseMorsels(
      names: names, overrides: overrides, plans: plans, types: types, units: units, fresh: fresh, comma: comma,
      delimiter: delimiter, dataStart: dataStart, sampled: sampled, sampleEnd: sampleEnd)
    var rows = 0
    var broken = [Bool](repeating: false, count: columnCount)
    var observed = fresh
    var outOfRange = [OutOfRange](repeating: OutOfRange(), count: columnCount)
    var pending: CSVError?
    // A malformed record (or Ctrl-C) anywhere stops the load before any bad value, as the
    // sequential scan throws it at once; the first in file order is reported.
    if checksUTF8 {
      if parts.contains(where: \.notUTF8) {
        foundNotUTF8 = true
        throw .notText(file: name, what: "not UTF-8", hint: "read it decoded")
      }
      checkedUTF8 = true
    }
    for part in parts {
      if let failure = part.failure { throw failure }
    }
    for part in parts {
      rows += part.rows
      if pending == nil { pending = part.pending }
      for c in 0..<columnCount {
        if part.broken[c] { broken[c] = true }
        outOfRange[c].merge(part.outOfRange[c])
      }
    }
    if parts.count == 1 { observed = parts[0].observed }

    // The inference over every row, column by column: observed columns have it; a guessed
    // column that held has the sample's (the cells after it changed nothing the type or the
    // decimal evidence depend on); a broken column is inferred again below.
    var inference = sample
    for c in 0..<columnCount where plans[c] == .observed {
      inference[c] = observed[c]
      if overrides[c] == nil && observed[c].type(comma: comma) != types[c] { broken[c] = true }
    }
    let reparse = (0..<columnCount).filter { broken[$0] }
    if !reparse.isEmpty {
      for c in reparse { inference[c] = fresh[c] }
      scanner.position = dataStart
      _ = try forEachRecord(&scanner, &spans) { (loader, s) throws(CSVError) in
        for c in reparse {
          let cell = loader.cell(s[c])
          if loader.isNull(cell.0, cell.1) { continue }
          inference[c].observe(cell.0, cell.1, at: s[c].origin)
        }
      }
    }
    if fixed == nil && decideComma(inference, overrides: overrides, delimiter: delimiter) != comma { return nil }
    if let pending { throw pending }

    probe?.pieceBytes = parts.reduce(0) { $0 + $1.columns.byteCount }
    probe?.pieces = parts.count
    var built = ColumnBuilders.concatenate(parts.map(\.columns), skip: broken)
    if !reparse.isEmpty {
      let reparseTypes = reparse.map { inference[$0].type(comma: comma) }
      for (k, c) in reparse.enumerated() {
        types[c] = reparseTypes[k]
        outOfRange[c] = OutOfRange()
      }
      let again = ColumnBuilders(
        types: reparseTypes, units: reparse.map { inference[$0].periodUnit ?? .year }, capacity: rows)
      scanner.position = dataStart
      _ = try forEachRecord(&scanner, &spans) { (loader, s) throws(CSVError) in
        // (No value can be invalid: the type was inferred from these very cells.)
        for (k, c) in reparse.enumerated() {
          try loader.store(
            s[c], in: again, slot: k, column: names[c], type: reparseTypes[k], comma: comma, outOfRange: &outOfRange[c])
        }
      }
      for (k, column) in ColumnBuilders.concatenate([again], skip: reparse.map { _ in false }).enumerated() { built[reparse[k]] = column }
    }

    var warnings = bigIntegerWarnings(
      names: names, types: types, overrides: overrides, inference: inference, delimiter: delimiter)
    warnings += rangeWarnings(names: names, outOfRange: outOfRange, delimiter: delimiter)
    let fields = zip(names, types).map { Field(name: $0.0, type: $0.1) }
    let table = Table(schema: Schema(fields), columns: built)
    var result = CSVReadResult(
      table: table, delimiter: delimiter, encoding: encoding,
      decimalSeparator: comma ? .comma : .point, rowCount: rows)
    result.warnings = warnings
    return result
  }
}
