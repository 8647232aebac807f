import TrappeStorage

extension ColumnarFile {
  /// Decodes a file's bytes, checking the header, the fingerprint, the checksum and every length.
  ///
  /// - Throws: ``ColumnarFileError/fingerprintMismatch`` when the file was made
  ///   from other sources (the cache is stale); other cases when it is damaged.
  static func decode(_ bytes: [UInt8], expectedFingerprint: UInt64) throws(ColumnarFileError)
    -> Table
  {
    let result = bytes.withUnsafeBytes { raw -> Result<Table, ColumnarFileError> in
      do throws(ColumnarFileError) {
        return .success(try decode(raw, expectedFingerprint: expectedFingerprint))
      } catch {
        return .failure(error)
      }
    }
    return try result.get()
  }

  private static func decode(_ raw: UnsafeRawBufferPointer, expectedFingerprint: UInt64)
    throws(ColumnarFileError) -> Table
  {
    for (index, byte) in magic.enumerated() {
      guard index < raw.count else { throw .truncated }
      guard raw[index] == byte else { throw .badMagic }
    }
    var header = ColumnarByteReader(raw, from: magic.count, to: raw.count)
    let fileVersion = try header.uint32()
    guard fileVersion == version else {
      throw .unsupportedVersion(fileVersion)
    }
    guard try header.uint32() == 0 else { throw .corrupt("reserved header field is not 0") }
    guard try header.uint64() == expectedFingerprint else { throw .fingerprintMismatch }
    let declaredLength = try header.uint64()
    guard raw.count >= headerSize + 8, declaredLength >= UInt64(headerSize + 8) else {
      throw .truncated
    }
    guard declaredLength <= UInt64(raw.count) else { throw .truncated }
    guard declaredLength == UInt64(raw.count) else { throw .corrupt("bytes after the end of the file") }
    let body = raw.count - 8
    let stored = UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: body, as: UInt64.self))
    guard ColumnarChecksum.compute(UnsafeRawBufferPointer(rebasing: raw[0..<body])) == stored else {
      throw .checksumMismatch
    }

    var reader = ColumnarByteReader(raw, from: headerSize - 16, to: body)
    let rowCount = try reader.count(minimumWidth: 0)
    let columnCount = try reader.count(minimumWidth: 11)  // name length + three bytes
    guard columnCount > 0 || rowCount == 0 else { throw .corrupt("rows without columns") }
    // Every column stores at least one byte per row, so a row count beyond the bytes left is
    // damage; checked before the count sizes any validity mask or array (or overflows `rows + 63`).
    guard rowCount <= reader.remaining else { throw .truncated }
    var fields: [Field] = []
    var columns: [Column] = []
    fields.reserveCapacity(columnCount)
    columns.reserveCapacity(columnCount)
    for index in 0..<columnCount {
      let name = try reader.string("the name of column \(index + 1)")
      let column = try decodeColumn(&reader, rows: rowCount, name: name)
      fields.append(Field(name: name, type: column.type))
      columns.append(column)
    }
    guard reader.remaining == 0 else { throw .corrupt("bytes after the last column") }
    return Table(schema: Schema(fields), columns: columns)
  }

  private static func decodeColumn(
    _ reader: inout ColumnarByteReader, rows: Int, name: String
  )
    throws(ColumnarFileError) -> Column
  {
    let tagByte = try reader.uint8()
    guard let tag = ColumnarTypeTag(rawValue: tagByte) else {
      throw .corrupt("column \(name) has unknown type tag \(tagByte)")
    }
    let unitByte = try reader.uint8()
    guard tag == .period || unitByte == 0 else {
      throw .corrupt("column \(name) is not a period column but has a period unit")
    }
    let validity: ValidityMask
    switch try reader.uint8() {
    case 0:
      validity = ValidityMask(allValid: rows)
    case 1:
      let words = try reader.array(of: UInt64.self, count: (rows + 63) >> 6)
      validity = ValidityMask(words: words, count: rows)
    default:
      throw .corrupt("column \(name) has an invalid validity flag")
    }
    switch tag {
    case .int64:
      let storage: IntegerStorage
      switch try reader.uint8() {
      case 1: storage = .int8(try reader.array(of: Int8.self, count: rows))
      case 2: storage = .int16(try reader.array(of: Int16.self, count: rows))
      case 4: storage = .int32(try reader.array(of: Int32.self, count: rows))
      case 8: storage = .int64(try reader.array(of: Int64.self, count: rows))
      default: throw .corrupt("column \(name) has an invalid integer width")
      }
      return .int64(Int64Column(storage: storage, validity: validity))
    case .double:
      let values = try reader.array(of: Double.self, count: rows)
      return .double(PrimitiveColumn(values: values, validity: validity))
    case .bool:
      var reading = reader
      guard allZeroOrOne(try reading.bytes(rows)) else {
        throw .corrupt("column \(name) has a boolean byte other than 0 and 1")
      }
      let values = try reader.array(of: Bool.self, count: rows)
      return .bool(PrimitiveColumn(values: values, validity: validity))
    case .period:
      guard let unit = PeriodUnit(rawValue: unitByte) else {
        throw .corrupt("column \(name) has unknown period unit \(unitByte)")
      }
      let ordinals = try reader.array(of: Int32.self, count: rows)
      return .period(PeriodColumn(unit: unit, ordinals: ordinals, validity: validity))
    case .string:
      let width = try reader.uint8()
      let codes: DictionaryCodes
      switch width {
      case 8: codes = .u8(try reader.array(of: UInt8.self, count: rows))
      case 16: codes = .u16(try reader.array(of: UInt16.self, count: rows))
      case 32: codes = .u32(try reader.array(of: UInt32.self, count: rows))
      default: throw .corrupt("column \(name) has code width \(width), not 8, 16 or 32")
      }
      let entryCount = try reader.count(minimumWidth: 8)
      var dictionary: [String] = []
      dictionary.reserveCapacity(entryCount)
      for entry in 0..<entryCount {
        dictionary.append(try reader.string("entry \(entry) of column \(name)"))
      }
      let fit: Bool
      switch codes {
      case .u8(let a): fit = codesFit(a, entryCount, validity)
      case .u16(let a): fit = codesFit(a, entryCount, validity)
      case .u32(let a): fit = codesFit(a, entryCount, validity)
      }
      guard fit else {
        throw .corrupt("column \(name) has a dictionary code out of range")
      }
      // Sized to the dictionary (a damaged width is refused above, a too-wide one narrowed).
      return .string(StringColumn(storage: codes, dictionary: dictionary, validity: validity))
    }
  }

  /// Whether every byte is 0 or 1, the only bit patterns a `Bool` may hold.
  private static func allZeroOrOne(_ bytes: UnsafeRawBufferPointer) -> Bool {
    var any: UInt8 = 0
    for byte in bytes { any |= byte }
    return any & 0xFE == 0
  }

  /// Whether every valid row's code indexes the dictionary.
  ///
  /// Null rows may hold any code (a column of NULLs can have an empty
  /// dictionary), so only when the largest code is out of range are the
  /// offending rows checked one by one.
  private static func codesFit<T: FixedWidthInteger & UnsignedInteger>(
    _ codes: [T], _ entryCount: Int, _ validity: ValidityMask
  ) -> Bool {
    let largest = codes.withUnsafeBufferPointer { buffer -> T in
      var high: T = 0
      for code in buffer { high = max(high, code) }
      return high
    }
    if codes.isEmpty || Int(largest) < entryCount { return true }
    for (row, code) in codes.enumerated() where Int(code) >= entryCount {
      if validity.isValid(row) { return false }
    }
    return true
  }
}
