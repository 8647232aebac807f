import TrappeBase
import TrappeStorage

/// One load of a CSV buffer: sniffing, header, type inference and building (one pass, see
/// ``loadInOnePass``, or the two it must agree with).
///
/// Lives only inside `withUnsafeBufferPointer` of the decoded text, so the hot
/// loops index raw memory and allocate nothing per field.
struct CSVLoader {
  let bytes: UnsafeBufferPointer<UInt8>
  /// The first byte of `bytes`; the buffer is never empty.
  let base: UnsafePointer<UInt8>
  let start: Int
  /// The file's line number of the line at `start` (2 after a notice line).
  var firstLine = 1
  let name: String
  let options: CSVReadOptions
  /// Null tokens as bytes, and a bitmask of their lengths (below 64) for a quick reject.
  let nullTokens: [[UInt8]]
  let nullLengths: UInt64
  let longNullToken: Bool
  /// The first bytes of the nonempty null tokens, as bits (bytes 0–63, 64–127, and whether
  /// any is above 127), for a quick reject of cells of a null token's length (`12` beside `..`).
  let nullFirstLow: UInt64
  let nullFirstHigh: UInt64
  let nullFirstAbove: Bool
  /// Room for unescaping quoted fields that contain `""`; freed by ``deallocate()``.
  private var scratch: UnsafeMutablePointer<UInt8>
  private var scratchCapacity = 64

  /// Polled every 65,536 rows; true stops the load (Ctrl-C).
  let isInterrupted: () -> Bool

  /// How the records are read: one pass with types guessed from the first rows, or the two
  /// full passes it must agree with (tests compare them).
  enum Passes: Equatable {
    case one(sampleRows: Int)
    case two
  }

  var passes = Passes.one(sampleRows: CSVLoader.sampleRows)
  /// The morsel size in bytes when a test sets one (else ``morselBytes``).
  var morselSize: Int?
  /// Set by tests: told what the morsels' pieces hold when they are joined.
  var probe: CSVLoadProbe?
  /// Gives back the memory of the whole pages inside bytes `from..<to` once they are no longer
  /// read (set for a memory-mapped file; touching them again reads them from the page cache).
  var releasePages: ((Int, Int) -> Void)?
  /// Whether the bytes are not known to be UTF-8 (a memory-mapped file): each morsel of the
  /// one pass then checks its own bytes (and the first one the header's) just before parsing
  /// them, instead of a separate pass over the file before the load.
  var checksUTF8 = false
  /// Set when the morsels checked every byte from `start` to the end and found only UTF-8.
  var checkedUTF8 = false
  /// Set when a morsel found a byte that is not UTF-8; the load then stops with an error that
  /// only tells its caller to read the file another way (``CSVReader/readMapped``).
  var foundNotUTF8 = false

  init(
    bytes: UnsafeBufferPointer<UInt8>, base: UnsafePointer<UInt8>, start: Int, name: String,
    options: CSVReadOptions, isInterrupted: @escaping () -> Bool
  ) {
    self.isInterrupted = isInterrupted
    self.bytes = bytes
    self.base = base
    scratch = .allocate(capacity: 64)
    self.start = start
    self.name = name
    self.options = options
    nullTokens = options.nullTokens.map { Array($0.utf8) }
    var lengths: UInt64 = 0
    var long = false
    for token in nullTokens {
      if token.count < 64 { lengths |= 1 << UInt64(token.count) } else { long = true }
    }
    nullLengths = lengths
    longNullToken = long
    var low: UInt64 = 0
    var high: UInt64 = 0
    var above = false
    for token in nullTokens {
      guard let first = token.first else { continue }
      if first < 64 { low |= 1 << UInt64(first) } else if first < 128 { high |= 1 << UInt64(first - 64) } else { above = true }
    }
    nullFirstLow = low
    nullFirstHigh = high
    nullFirstAbove = above
  }

  /// Runs the whole load.
  mutating func load(encoding: TextEncoding) throws(CSVError) -> CSVReadResult {
    guard hasRecord() else { throw .emptyFile(file: name) }
    let delimiter = options.delimiter ?? sniffDelimiter()
    var scanner = CSVScanner(bytes: bytes, delimiter: delimiter, position: start)

    // Header (or the first record, to count the columns).
    let columnCount = try countFields(delimiter: delimiter, from: scanner.position)
    var names: [String] = []
    var spans = [CSVFieldSpan](
      repeating: CSVFieldSpan(start: 0, end: 0, quoted: false, escaped: false), count: columnCount)
    var recordStart = 0
    var firstExtra = 0
    if options.hasHeader {
      _ = try spans.withUnsafeMutableBufferPointer { (s) throws(CSVError) -> Int? in
        try scan(&scanner, s, &recordStart, &firstExtra)
      }
      for span in spans { names.append(text(span)) }
    }
    names = CSVLoader.uniqueNames(names, count: columnCount)
    let dataStart = scanner.position

    // Overrides must name existing columns.
    var overrides = [DataType?](repeating: nil, count: columnCount)
    for (column, type) in options.typeOverrides.sorted(by: { $0.key < $1.key }) {
      guard let index = names.firstIndex(of: column) else {
        throw .unknownColumn(file: name, name: column, suggestion: Suggestion.nearest(to: column, in: names))
      }
      overrides[index] = type
    }

    if case .one(let sampleRows) = passes,
      let result = try loadInOnePass(
        names: names, overrides: overrides, delimiter: delimiter, dataStart: dataStart, encoding: encoding,
        sampleRows: sampleRows)
    {
      return result
    }
    return try loadInTwoPasses(
      names: names, overrides: overrides, delimiter: delimiter, dataStart: dataStart, encoding: encoding)
  }

  /// The inference state every column starts from: the number kinds the options and delimiter
  /// allow; overridden columns look only at what their type still needs.
  func initialInference(overrides: [DataType?], delimiter: UInt8) -> [ColumnInference] {
    var initial = ColumnInference()
    initial.numeric = ColumnInference.possibleKinds(options.decimalSeparator, delimiter: delimiter)
    var inference = [ColumnInference](repeating: initial, count: overrides.count)
    for c in 0..<overrides.count {
      // A column forced to int or double still tells the decimal separator (1,5 in a
      // `;` file), so its cells are looked at; other overrides need no inference.
      if let type = overrides[c], type != .int64 && type != .double {
        inference[c].numeric = 0
        inference[c].active = type == .period
      }
    }
    return inference
  }

  /// The decimal separator the options fix without looking at cells: nil when it is detected.
  func fixedComma(delimiter: UInt8) -> Bool? {
    switch options.decimalSeparator {
    case .point: return false
    case .comma: return true
    case .auto: return delimiter == 0x2C ? false : nil
    }
  }

  /// Whether numbers use a decimal comma, from the columns' evidence (or the options).
  func decideComma(_ inference: [ColumnInference], overrides: [DataType?], delimiter: UInt8) -> Bool {
    if let fixed = fixedComma(delimiter: delimiter) { return fixed }
    var commaColumns = 0
    var pointColumns = 0
    for (c, state) in inference.enumerated() where overrides[c] == nil || overrides[c]?.isNumeric == true {
      if state.numeric & ColumnInference.doubleComma != 0 && state.commaEvidence { commaColumns += 1 }
      if state.numeric & ColumnInference.doublePoint != 0 && state.pointEvidence { pointColumns += 1 }
    }
    return commaColumns > 0 && commaColumns >= pointColumns
  }

  /// Warnings for text columns that hold whole numbers beyond 64 bits.
  func bigIntegerWarnings(
    names: [String], types: [DataType], overrides: [DataType?], inference: [ColumnInference], delimiter: UInt8
  ) -> [String] {
    var warnings: [String] = []
    for c in 0..<names.count where overrides[c] == nil && types[c] == .string {
      let count = inference[c].bigIntegers
      guard count > 0 else { continue }
      let offset = inference[c].firstBigInteger
      warnings.append(
        "column \(names[c]): \(count == 1 ? "a whole number" : "\(count) whole numbers") too large for 64 bits "
          + "(first \(valueText(at: offset, delimiter: delimiter)) at \(place(offset))); the column is loaded as text so that no digits are lost "
          + "(types=\(names[c]):double reads it as rounded numbers)")
    }
    return warnings
  }

  /// Warnings for numbers beyond or below the double range.
  func rangeWarnings(names: [String], outOfRange: [OutOfRange], delimiter: UInt8) -> [String] {
    var warnings: [String] = []
    for c in 0..<names.count {
      let range = outOfRange[c]
      if let first = range.firstOverflow {
        warnings.append(
          "column \(names[c]): \(range.overflows == 1 ? "1 number is" : "\(range.overflows) numbers are") beyond the "
            + "double range (±1.8e308) and loaded as NULL (first \(valueText(at: first, delimiter: delimiter)) at \(place(first)))")
      }
      if let first = range.firstUnderflow {
        warnings.append(
          "column \(names[c]): \(range.underflows == 1 ? "1 number is" : "\(range.underflows) numbers are") too close to 0 "
            + "for a double (below 2.2e-308) and loaded as 0 or with fewer digits (first \(valueText(at: first, delimiter: delimiter)) at \(place(first)))")
      }
    }
    return warnings
  }

  /// The load in two full passes: infer every column's type over all rows, then parse.
  ///
  /// The reference the one-pass load (``loadInOnePass``) must agree with, and its fallback
  /// when a guessed decimal separator turns out wrong.
  mutating func loadInTwoPasses(
    names: [String], overrides: [DataType?], delimiter: UInt8, dataStart: Int, encoding: TextEncoding
  ) throws(CSVError) -> CSVReadResult {
    let columnCount = names.count
    var scanner = CSVScanner(bytes: bytes, delimiter: delimiter, position: dataStart)
    var spans = [CSVFieldSpan](
      repeating: CSVFieldSpan(start: 0, end: 0, quoted: false, escaped: false), count: columnCount)

    // Pass 1: count rows, check shape, infer types.
    var inference = initialInference(overrides: overrides, delimiter: delimiter)
    let rows = try forEachRecord(&scanner, &spans) { (loader, s) throws(CSVError) in
      for c in 0..<columnCount {
        let cell = loader.cell(s[c])
        if loader.isNull(cell.0, cell.1) { continue }
        inference[c].observe(cell.0, cell.1, at: s[c].origin)
      }
    }

    // Decide the decimal separator and the column types.
    let comma = decideComma(inference, overrides: overrides, delimiter: delimiter)
    let types = (0..<columnCount).map { overrides[$0] ?? inference[$0].type(comma: comma) }
    var warnings = bigIntegerWarnings(
      names: names, types: types, overrides: overrides, inference: inference, delimiter: delimiter)

    // Pass 2: parse into typed builders.
    let columns = ColumnBuilders(
      types: types, units: inference.map { $0.periodUnit ?? .year }, capacity: rows)
    var outOfRange = [OutOfRange](repeating: OutOfRange(), count: columnCount)
    scanner.position = dataStart
    _ = try forEachRecord(&scanner, &spans) { (loader, s) throws(CSVError) in
      for c in 0..<columnCount {
        try loader.store(
          s[c], in: columns, slot: c, column: names[c], type: types[c], comma: comma, outOfRange: &outOfRange[c])
      }
    }
    warnings += rangeWarnings(names: names, outOfRange: outOfRange, delimiter: delimiter)
    let fields = zip(names, types).map { Field(name: $0.0, type: $0.1) }
    let table = Table(
      schema: Schema(fields), columns: ColumnBuilders.concatenate([columns], skip: types.map { _ in false }))
    var result = CSVReadResult(
      table: table, delimiter: delimiter, encoding: encoding,
      decimalSeparator: comma ? .comma : .point, rowCount: rows)
    result.warnings = warnings
    return result
  }

  /// Cells of one column that were out of the double range, counted with the first of each kind.
  struct OutOfRange {
    var overflows = 0
    var firstOverflow: Int?
    var underflows = 0
    var firstUnderflow: Int?

    mutating func overflow(at offset: Int) {
      overflows += 1
      if firstOverflow == nil { firstOverflow = offset }
    }

    mutating func underflow(at offset: Int) {
      underflows += 1
      if firstUnderflow == nil { firstUnderflow = offset }
    }
  }

  /// `file:line:column` of byte `offset`, for warnings.
  func place(_ offset: Int) -> String {
    let p = position(offset)
    return "\(p.file):\(p.line):\(p.column)"
  }

  /// The field starting at byte `offset` (quotes dropped), for a message.
  func valueText(at offset: Int, delimiter: UInt8) -> String {
    var from = offset
    let quoted = from < bytes.count && bytes[from] == 0x22
    if quoted { from += 1 }
    var end = from
    while end < bytes.count, end - from < 160 {
      let b = bytes[end]
      if quoted ? b == 0x22 : (b == 10 || b == 13 || b == delimiter) { break }
      end += 1
    }
    let text = String(decoding: UnsafeBufferPointer(rebasing: bytes[from..<end]), as: UTF8.self)
    return "'" + (text.count > 40 ? String(text.prefix(40)) + "…" : text) + "'"
  }

  /// Whether the text holds anything but line breaks.
  private func hasRecord() -> Bool {
    var p = start
    while p < bytes.count {
      if bytes[p] != 10 && bytes[p] != 13 { return true }
      p += 1
    }
    return false
  }

  /// Scans the records from the scanner's position to the end, as both passes do: each must
  /// have one field per span, or the load stops with a ragged-row error; `body` gets the
  /// loader and the record's spans. Polls for Ctrl-C every 65,536 records. Returns the count.
  @inline(__always)
  mutating func forEachRecord(
    _ scanner: inout CSVScanner, _ spans: inout [CSVFieldSpan],
    _ body: (inout CSVLoader, UnsafeMutableBufferPointer<CSVFieldSpan>) throws(CSVError) -> Void
  ) throws(CSVError) -> Int {
    let columnCount = spans.count
    var recordStart = 0
    var firstExtra = 0
    var rows = 0
    var parsedFrom = scanner.position
    try spans.withUnsafeMutableBufferPointer { (s) throws(CSVError) in
      while let fields = try scan(&scanner, s, &recordStart, &firstExtra) {
        if fields != columnCount {
          throw ragged(
            fields: fields, expected: columnCount, firstExtra: firstExtra, recordEnd: scanner.position,
            delimiter: scanner.delimiter)
        }
        try body(&self, s)
        rows += 1
        if rows & 0xFFF == 0 {
          // A mapped file's pages are given back every 4,096 records as they are parsed, so a
          // morsel keeps a few hundred KiB of the file mapped, not all of its bytes.
          if let release = releasePages {
            release(parsedFrom, scanner.position)
            parsedFrom = scanner.position
          }
          if rows & 0xFFFF == 0 && isInterrupted() { throw .interrupted(file: name) }
        }
      }
    }
    return rows
  }

  /// Scans one record, turning scanner failures into positioned errors.
  @inline(__always)
  func scan(
    _ scanner: inout CSVScanner, _ spans: UnsafeMutableBufferPointer<CSVFieldSpan>,
    _ recordStart: inout Int, _ firstExtra: inout Int
  ) throws(CSVError) -> Int? {
    do throws(CSVScanner.Failure) {
      guard let base = spans.baseAddress else {
        var none = CSVFieldSpan(start: 0, end: 0, quoted: false, escaped: false)
        return try scanner.next(into: &none, capacity: 0, recordStart: &recordStart, firstExtra: &firstExtra)
      }
      return try scanner.next(
        into: base, capacity: spans.count, recordStart: &recordStart, firstExtra: &firstExtra)
    } catch {
      switch error {
      case .unterminatedQuote(let offset):
        throw .unterminatedQuote(position(offset))
      case .textAfterQuote(let offset):
        throw .textAfterQuote(position(offset), delimiter: scanner.delimiter)
      }
    }
  }

  /// The number of fields in the record at `offset`.
  private func countFields(delimiter: UInt8, from offset: Int) throws(CSVError) -> Int {
    var scanner = CSVScanner(bytes: bytes, delimiter: delimiter, position: offset)
    var recordStart = 0
    var firstExtra = 0
    let none = UnsafeMutableBufferPointer<CSVFieldSpan>(start: nil, count: 0)
    return try scan(&scanner, none, &recordStart, &firstExtra) ?? 0
  }

  /// The content bytes of a field, unescaping `""` into the scratch buffer when needed.
  ///
  /// The unescaped bytes stay valid until the next call.
  @inline(__always)
  mutating func cell(_ span: CSVFieldSpan) -> (UnsafePointer<UInt8>, Int) {
    if !span.escaped { return (base + span.start, span.end - span.start) }
    return unescaped(span)
  }

  /// Parses the field at `span` into builder `slot` of `builders`, the file's column `column`
  /// of `type`: NULL for a null token; a value the type cannot hold is an error naming the
  /// column; an integer beyond 64 bits is noted in `outOfRange`.
  @inline(__always)
  mutating func store(
    _ span: CSVFieldSpan, in builders: ColumnBuilders, slot: Int, column: @autoclosure () -> String,
    type: DataType, comma: Bool, outOfRange: inout OutOfRange
  ) throws(CSVError) {
    let value = cell(span)
    if isNull(value.0, value.1) {
      builders.appendNull(slot)
      return
    }
    switch builders.append(slot, value.0, value.1, comma: comma) {
    case .stored: break
    case .invalid: throw badValue(span, column: column(), type: type)
    case .overflow: outOfRange.overflow(at: span.origin)
    case .underflow: outOfRange.underflow(at: span.origin)
    }
  }

  /// Copies a quoted field's content into scratch storage, turning `""` into `"`.
  private mutating func unescaped(_ span: CSVFieldSpan) -> (UnsafePointer<UInt8>, Int) {
    let length = span.end - span.start
    if length > scratchCapacity {
      scratch.deallocate()
      scratchCapacity = length
      scratch = .allocate(capacity: length)
    }
    var p = span.start
    var n = 0
    while p < span.end {
      let b = bytes[p]
      scratch[n] = b
      n += 1
      p += b == 0x22 ? 2 : 1
    }
    return (UnsafePointer(scratch), n)
  }

  /// A copy with scratch storage of its own, for another thread; free it with ``deallocate()``.
  func withOwnScratch() -> CSVLoader {
    var copy = self
    copy.scratch = .allocate(capacity: 64)
    copy.scratchCapacity = 64
    return copy
  }

  /// Frees the scratch storage.
  func deallocate() {
    scratch.deallocate()
  }

  /// Whether a cell's content is one of the null tokens.
  @inline(__always)
  func isNull(_ p: UnsafePointer<UInt8>, _ n: Int) -> Bool {
    if n < 64 {
      if nullLengths & (1 << UInt64(n)) == 0 { return false }
    } else if !longNullToken {
      return false
    }
    if n > 0 {
      let first = p[0]
      if first < 64 {
        if nullFirstLow & (1 &<< UInt64(first)) == 0 { return false }
      } else if first < 128 {
        if nullFirstHigh & (1 &<< UInt64(first &- 64)) == 0 { return false }
      } else if !nullFirstAbove {
        return false
      }
    }
    for token in nullTokens where token.count == n {
      var same = true
      for i in 0..<n where token[i] != p[i] {
        same = false
        break
      }
      if same { return true }
    }
    return false
  }

  /// The decoded text of a field.
  private mutating func text(_ span: CSVFieldSpan) -> String {
    let (p, n) = cell(span)
    return String(decoding: UnsafeBufferPointer(start: p, count: n), as: UTF8.self)
  }

  /// Header names made unique: empty names become `columnN`, repeats get `_2`, `_3`, ...
  static func uniqueNames(_ raw: [String], count: Int) -> [String] {
    var taken = Set<String>()
    var result: [String] = []
    for i in 0..<count {
      var base = i < raw.count ? raw[i] : ""
      if base.isEmpty { base = "column\(i + 1)" }
      result.append(taken.claimUniqueName(base))
    }
    return result
  }

  /// The position of byte `offset`; `length` bytes are underlined.
  func position(_ offset: Int, length: Int = 0) -> CSVPosition {
    var line = firstLine
    var lineStart = start
    var i = start
    while i < offset {
      if bytes[i] == 10 {
        line += 1
        lineStart = i + 1
      }
      i += 1
    }
    var lineEnd = max(offset, lineStart)
    while lineEnd < bytes.count && bytes[lineEnd] != 10 { lineEnd += 1 }
    if lineEnd > lineStart && lineEnd > offset && bytes[lineEnd - 1] == 13 { lineEnd -= 1 }
    func decode(_ from: Int, _ to: Int) -> String {
      guard to > from else { return "" }
      return String(decoding: UnsafeBufferPointer(rebasing: bytes[from..<to]), as: UTF8.self)
    }
    let column = decode(lineStart, min(offset, lineEnd)).count + 1
    let underlined = decode(offset, min(offset + length, lineEnd)).count
    return CSVPosition(
      file: name, line: line, column: column, sourceLine: decode(lineStart, lineEnd),
      length: max(1, underlined))
  }

  func ragged(fields: Int, expected: Int, firstExtra: Int, recordEnd: Int, delimiter: UInt8)
    -> CSVError
  {
    var offset = firstExtra
    if fields < expected {
      // Point just past the record's last byte, before its line break.
      offset = recordEnd
      if offset > start && bytes[offset - 1] == 10 { offset -= 1 }
      if offset > start && bytes[offset - 1] == 13 { offset -= 1 }
    }
    return .raggedRow(position(offset), fields: fields, expected: expected, delimiter: delimiter)
  }

  mutating func badValue(_ span: CSVFieldSpan, column: String, type: DataType) -> CSVError {
    .badValue(
      position(span.origin, length: span.end - span.start + (span.quoted ? 2 : 0)), column: column,
      value: text(span), type: type)
  }
}
