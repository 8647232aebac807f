import TrappeStorage

/// The typed builders of one CSV load, addressed by column index.
///
/// Builders of each type live in their own array so appending mutates them in
/// place (an enum of builders would copy its payload on every append).
struct ColumnBuilders {
  private enum Kind {
    case int64, double, bool, string, period
  }

  private let kinds: [Kind]
  private let slots: [Int]
  private var ints: [PrimitiveColumnBuilder<Int64>] = []
  private var doubles: [PrimitiveColumnBuilder<Double>] = []
  private var bools: [PrimitiveColumnBuilder<Bool>] = []
  private var strings: [StringColumnBuilder] = []
  private var interners: [ByteInterner] = []
  private var periods: [PeriodColumnBuilder] = []
  private let units: [PeriodUnit]

  /// Creates builders for columns of `types`; period columns take their unit from `units`.
  init(types: [DataType], units: [PeriodUnit], capacity: Int) {
    var kinds: [Kind] = []
    var slots: [Int] = []
    var periodUnits: [PeriodUnit] = []
    for (c, type) in types.enumerated() {
      switch type {
      case .int64:
        kinds.append(.int64)
        slots.append(ints.count)
        ints.append(PrimitiveColumnBuilder(placeholder: 0, capacity: capacity))
      case .double:
        kinds.append(.double)
        slots.append(doubles.count)
        doubles.append(PrimitiveColumnBuilder(placeholder: 0, capacity: capacity))
      case .bool:
        kinds.append(.bool)
        slots.append(bools.count)
        bools.append(PrimitiveColumnBuilder(placeholder: false, capacity: capacity))
      case .string:
        kinds.append(.string)
        slots.append(strings.count)
        strings.append(StringColumnBuilder(capacity: capacity))
        interners.append(ByteInterner())
      case .period:
        kinds.append(.period)
        slots.append(periods.count)
        periods.append(PeriodColumnBuilder(unit: units[c], capacity: capacity))
        periodUnits.append(units[c])
      }
    }
    self.kinds = kinds
    self.slots = slots
    self.units = periodUnits
  }

  /// Appends a null to column `c`.
  @inline(__always)
  mutating func appendNull(_ c: Int) {
    let slot = slots[c]
    switch kinds[c] {
    case .int64: ints[slot].appendNull()
    case .double: doubles[slot].appendNull()
    case .bool: bools[slot].appendNull()
    case .string: strings[slot].appendNull()
    case .period: periods[slot].appendNull()
    }
  }

  /// What became of a cell appended by ``append(_:_:_:comma:)``.
  enum Outcome {
    /// Stored as written.
    case stored
    /// Not a valid value of the column's type; nothing was appended.
    case invalid
    /// A number beyond the double range (`1e400`): stored as null, never as infinity.
    case overflow
    /// A nonzero number below the normal double range (`1e-400`, `1e-310`): stored as 0 or rounded.
    case underflow
  }

  /// Parses a cell into column `c`.
  @inline(__always)
  mutating func append(_ c: Int, _ p: UnsafePointer<UInt8>, _ n: Int, comma: Bool) -> Outcome {
    let slot = slots[c]
    switch kinds[c] {
    case .int64:
      guard let value = CSVNumberParser.int(p, n, grouped: comma) else { return .invalid }
      ints[slot].append(value)
    case .double:
      guard let value = CSVNumberParser.double(p, n, comma: comma) else { return .invalid }
      if !value.isFinite {
        doubles[slot].appendNull()
        return .overflow
      }
      doubles[slot].append(value)
      if value.isSubnormal || (value == 0 && CSVNumberParser.hasNonzeroDigit(p, n)) { return .underflow }
    case .bool:
      guard let value = CSVNumberParser.bool(p, n) else { return .invalid }
      bools[slot].append(value)
    case .string:
      let hash = ByteInterner.hash(p, n)
      if let code = interners[slot].code(p, n, hash: hash) {
        strings[slot].append(code: code)
      } else {
        let text = String(decoding: UnsafeBufferPointer(start: p, count: n), as: UTF8.self)
        let code = strings[slot].code(for: text)
        strings[slot].append(code: code)
        interners[slot].insert(p, n, hash: hash, code: code)
      }
    case .period:
      guard let period = Period.parse(UnsafeBufferPointer(start: p, count: n)),
        period.unit == units[slot]
      else { return .invalid }
      periods[slot].append(period)
    }
    return .stored
  }

  /// Parses a cell into column `c`, whose type was guessed from the first rows, only when the
  /// cell keeps that guess: `.invalid` (nothing appended) when inference over every row would
  /// no longer give the column this type under decimal separator `comma`.
  ///
  /// The checks mirror ``ColumnInference/observe(_:_:at:)``: an integer column keeps its type
  /// while cells are integers without a leading zero; a double column while cells are
  /// numbers without a leading zero and are no digit strings beyond 64 bits (which make the
  /// column text); a period column while cells are periods of its unit; a text column that
  /// no number or period fits stays text whatever follows.
  @inline(__always)
  mutating func speculate(_ c: Int, _ p: UnsafePointer<UInt8>, _ n: Int, comma: Bool) -> Outcome {
    switch kinds[c] {
    case .int64:
      if ColumnInference.hasLeadingZero(p, n) { return .invalid }
      guard let value = CSVNumberParser.int(p, n, grouped: comma) else { return .invalid }
      ints[slots[c]].append(value)
      return .stored
    case .double:
      if ColumnInference.hasLeadingZero(p, n) { return .invalid }
      if n >= 19, CSVNumberParser.isDigitString(p, n), CSVNumberParser.int(p, n, grouped: false) == nil {
        return .invalid
      }
      return append(c, p, n, comma: comma)
    case .bool, .string, .period:
      return append(c, p, n, comma: comma)
    }
  }

  /// The finished columns, in column order.
  func finish() -> [Column] {
    var columns: [Column] = []
    for (c, kind) in kinds.enumerated() {
      let slot = slots[c]
      switch kind {
      case .int64: columns.append(.int64(ints[slot].finish()))
      case .double: columns.append(.double(doubles[slot].finish()))
      case .bool: columns.append(.bool(bools[slot].finish()))
      case .string: columns.append(.string(strings[slot].finish()))
      case .period: columns.append(.period(periods[slot].finish()))
      }
    }
    return columns
  }
}
