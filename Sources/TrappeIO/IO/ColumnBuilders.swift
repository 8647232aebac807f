import TrappeBase
import TrappeStorage

/// The typed builders of one CSV load (or one morsel of it), addressed by column index.
///
/// Each column is a ``ColumnBuffer`` (a class), so appending mutates it in place with no
/// copy-on-write check; values go straight into raw memory of the column's type.
struct ColumnBuilders {
  /// Owns the buffers, and a plain array of unretained references to them for ``Writers``.
  private final class Owner {
    let buffers: [ColumnBuffer]
    let refs: UnsafeMutablePointer<Unmanaged<ColumnBuffer>>

    init(_ buffers: [ColumnBuffer]) {
      self.buffers = buffers
      refs = .allocate(capacity: max(1, buffers.count))
      for (c, buffer) in buffers.enumerated() { (refs + c).initialize(to: Unmanaged.passUnretained(buffer)) }
    }

    deinit { refs.deallocate() }
  }

  private let owner: Owner
  private var buffers: [ColumnBuffer] { owner.buffers }

  /// Creates builders for columns of `types`; period columns take their unit from `units`.
  init(types: [DataType], units: [PeriodUnit], capacity: Int) {
    owner = Owner(
      types.enumerated().map { c, type in
        let kind: ColumnBuffer.Kind
        switch type {
        case .int64: kind = .int64
        case .double: kind = .double
        case .bool: kind = .bool
        case .string: kind = .string
        case .period: kind = .period
        }
        return ColumnBuffer(kind: kind, unit: units[c], capacity: capacity)
      })
  }

  /// Narrows every column to what it holds once the rows are all appended (see
  /// ``ColumnBuffer/shrink()``); a column marked in `drop` (one whose guess broke, parsed again
  /// later) is freed instead.
  func shrink(drop: [Bool]) {
    for (c, buffer) in buffers.enumerated() {
      if drop[c] { buffer.release() } else { buffer.shrink() }
    }
  }

  /// Bytes held by the columns' values and null bits.
  var byteCount: Int { buffers.reduce(0) { $0 + $1.byteCount } }

  /// The appending side, holding no references: valid while this value lives (keep it alive
  /// with `withExtendedLifetime` around the loop that uses it). Passing it costs no retain.
  var writers: Writers { Writers(refs: owner.refs) }

  /// Appends a null to column `c`.
  func appendNull(_ c: Int) { writers.appendNull(c) }

  /// Parses a cell into column `c` (see ``Writers/append(_:_:_:comma:)``).
  func append(_ c: Int, _ p: UnsafePointer<UInt8>, _ n: Int, comma: Bool) -> Outcome {
    writers.append(c, p, n, comma: comma)
  }

  /// Appends cells to the columns of a ``ColumnBuilders``.
  struct Writers {
    let refs: UnsafeMutablePointer<Unmanaged<ColumnBuffer>>

    /// Appends a null to column `c`.
    @inline(__always)
    func appendNull(_ c: Int) {
      refs[c]._withUnsafeGuaranteedRef { $0.appendNull() }
    }

    /// Parses a cell into column `c`.
    @inline(__always)
    func append(_ c: Int, _ p: UnsafePointer<UInt8>, _ n: Int, comma: Bool) -> Outcome {
      refs[c]._withUnsafeGuaranteedRef { buffer in Writers.append(buffer, p, n, comma: comma) }
    }

    @inline(__always)
    private static func append(_ buffer: ColumnBuffer, _ p: UnsafePointer<UInt8>, _ n: Int, comma: Bool) -> Outcome {
      switch buffer.kind {
      case .int64:
        guard let value = CSVNumberParser.int(p, n, grouped: comma) else { return .invalid }
        buffer.append(value)
      case .double:
        guard let value = CSVNumberParser.double(p, n, comma: comma) else { return .invalid }
        if !value.isFinite {
          buffer.appendNull()
          return .overflow
        }
        buffer.append(value)
        if value.isSubnormal || (value == 0 && CSVNumberParser.hasNonzeroDigit(p, n)) { return .underflow }
      case .bool:
        guard let value = CSVNumberParser.bool(p, n) else { return .invalid }
        buffer.append(value)
      case .string:
        buffer.append(buffer.code(p, n))
      case .period:
        guard let ordinal = buffer.periodOrdinal(p, n) else { return .invalid }
        buffer.append(UInt32(bitPattern: ordinal))
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
    func speculate(_ c: Int, _ p: UnsafePointer<UInt8>, _ n: Int, comma: Bool) -> Outcome {
      let kind = refs[c]._withUnsafeGuaranteedRef { $0.kind }
      switch kind {
      case .int64:
        if ColumnInference.hasLeadingZero(p, n) { return .invalid }
        guard let value = CSVNumberParser.int(p, n, grouped: comma) else { return .invalid }
        refs[c]._withUnsafeGuaranteedRef { $0.append(value) }
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

  /// The columns of `parts` (builders of the same types, one per morsel in file order), each
  /// part's rows after the previous one's, copied once into the final columns; each part's
  /// memory is freed as soon as it is copied. A string column's dictionary lists its strings in
  /// order of first appearance in the file (each part's in its own order of first appearance).
  /// Columns marked in `skip` come back empty (they are parsed again). The columns are joined
  /// on up to ``Parallelism/threads`` threads, one column at a time each (a column's pieces
  /// are its own), so the result does not depend on the thread count.
  static func concatenate(_ parts: [ColumnBuilders], skip: [Bool]) -> [Column] {
    guard let first = parts.first else { return [] }
    let count = first.buffers.count
    var columns = [Column?](repeating: nil, count: count)
    columns.withUnsafeMutableBufferPointer { slots in
      guard let out = slots.baseAddress else { return }
      Parallelism.forEachMorsel(count) { c in
        let pieces = parts.map { $0.buffers[c] }
        if skip[c] {
          for piece in pieces { piece.release() }
        }
        out[c] = join(pieces, kind: first.buffers[c].kind, unit: first.buffers[c].unit)
        // The column's pieces are freed; their pages go back now, not after the last column,
        // so the join holds the pieces not yet joined and the columns joined, not both in full.
        if parts.count > 1 { ProcessMemory.returnFreedMemory() }
      }
    }
    return columns.compactMap { $0 }
  }

  /// One column's pieces joined (and released).
  private static func join(_ pieces: [ColumnBuffer], kind: ColumnBuffer.Kind, unit: PeriodUnit) -> Column {
    let total = pieces.reduce(0) { $0 + $1.count }
    var validity = ValidityMask(allValid: total)
    var offset = 0
    for piece in pieces {
      let at = offset
      piece.forEachNull { validity.set(at + $0, valid: false) }
      offset += piece.count
    }
    func values<T>(_ type: T.Type) -> [T] {
      [T](unsafeUninitializedCapacity: total) { buffer, initialized in
        var at = 0
        var freed = FreedPieces()
        for piece in pieces {
          piece.copyValues(into: buffer, at: at)
          at += piece.count
          freed.release(piece)
        }
        initialized = total
      }
    }
    switch kind {
    case .int64: return .int64(Int64Column(storage: integers(pieces, total: total), validity: validity))
    case .double: return .double(PrimitiveColumn(values: values(Double.self), validity: validity))
    case .bool: return .bool(PrimitiveColumn(values: values(Bool.self), validity: validity))
    case .period: return .period(PeriodColumn(unit: unit, ordinals: values(Int32.self), validity: validity))
    case .string:
      return .string(strings(pieces, total: total, validity: validity))
    }
  }

  /// An int column's pieces in the narrowest of 8, 16, 32 and 64 bits that holds every piece's
  /// values (null slots hold 0), written once straight into that width from each piece's own
  /// width, each piece released as it is copied: no 64-bit copy of the column is left behind.
  private static func integers(_ pieces: [ColumnBuffer], total: Int) -> IntegerStorage {
    var low: Int64 = 0
    var high: Int64 = 0
    for piece in pieces {
      let range = piece.integerRange()
      low = min(low, range.low)
      high = max(high, range.high)
    }
    func narrow<T: FixedWidthInteger>(_ type: T.Type) -> [T] {
      [T](unsafeUninitializedCapacity: total) { buffer, initialized in
        guard let base = buffer.baseAddress else { return }
        var at = 0
        var freed = FreedPieces()
        for piece in pieces {
          piece.copyIntegers(into: base + at)
          at += piece.count
          freed.release(piece)
        }
        initialized = total
      }
    }
    switch Int64Column.bitWidth(low: low, high: high) {
    case 8: return .int8(narrow(Int8.self))
    case 16: return .int16(narrow(Int16.self))
    case 32: return .int32(narrow(Int32.self))
    default: return .int64(narrow(Int64.self))
    }
  }

  /// A string column of the loaded pieces, its codes sized to the merged dictionary: the
  /// dictionaries are merged first (the first part's codes are the file's, the others' are
  /// remapped once per distinct string), so the codes are written once, straight into their
  /// final width, with no 32-bit copy of the column left behind in the heap.
  private static func strings(_ pieces: [ColumnBuffer], total: Int, validity: ValidityMask) -> StringColumn {
    var merge = DictionaryMerge()
    var remaps: [[UInt32]?] = []
    for piece in pieces {
      if merge.dictionary.isEmpty {
        // The first part's codes are the file's (also after leading parts without strings).
        merge = DictionaryMerge(keeping: piece.dictionary)
        remaps.append(nil)
      } else {
        remaps.append(merge.append(piece.dictionary))
      }
    }
    let dictionary = merge.dictionary
    let storage: DictionaryCodes
    switch DictionaryCodes.bitWidth(forEntries: dictionary.count) {
    case 8: storage = .u8(codes(pieces, remaps, total: total, as: UInt8.self))
    case 16: storage = .u16(codes(pieces, remaps, total: total, as: UInt16.self))
    default: storage = .u32(codes(pieces, remaps, total: total, as: UInt32.self))
    }
    return StringColumn(storage: storage, dictionary: dictionary, validity: validity)
  }

  /// The pieces' codes (each read at its own width), remapped where a part has a remap, in
  /// `Code` (wide enough for the merged dictionary); each piece is released once copied. Null
  /// slots hold code 0.
  private static func codes<Code: FixedWidthInteger & UnsignedInteger>(
    _ pieces: [ColumnBuffer], _ remaps: [[UInt32]?], total: Int, as: Code.Type
  ) -> [Code] {
    [Code](unsafeUninitializedCapacity: total) { buffer, initialized in
      guard let base = buffer.baseAddress else { return }
      var at = 0
      var freed = FreedPieces()
      for (piece, remap) in zip(pieces, remaps) {
        if let remap {
          remap.withUnsafeBufferPointer { piece.copyCodes(into: base + at, remap: $0) }
        } else {
          piece.copyCodes(into: base + at, remap: nil)
        }
        // Null slots hold code 0, as in a load of one part.
        piece.forEachNull { buffer[at + $0] = 0 }
        at += piece.count
        freed.release(piece)
      }
      initialized = total
    }
  }

  /// Releases the pieces of a column as the join copies them, and gives their pages back every
  /// MiB: the column's final copy is touched as the pieces are freed, so without it both would
  /// be resident in full (4 MB more at the end of a 1M-row load of person ids).
  private struct FreedPieces {
    private var bytes = 0

    mutating func release(_ piece: ColumnBuffer) {
      bytes += piece.byteCount
      piece.release()
      if bytes >= 1 << 20 {
        ProcessMemory.returnFreedMemory()
        bytes = 0
      }
    }
  }
}
