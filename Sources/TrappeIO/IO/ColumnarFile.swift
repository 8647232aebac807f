import TrappeStorage

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

#if _endian(big)
  #error("ColumnarFile copies arrays as raw little-endian bytes; big-endian hosts need byte swapping")
#endif

/// A compact binary file of one ``Table``: the cache that lets a dataset load without parsing its CSV.
///
/// Layout (all integers little-endian):
///
/// ```
/// header    magic "TRAPPE1\0" (8) · version UInt32 · reserved UInt32 (0)
///           fingerprint UInt64 · file length UInt64 · row count UInt64 · column count UInt64
/// column*   name (UInt64 length + UTF-8) · type tag UInt8 · period unit UInt8 (0 unless period)
///           validity flag UInt8 (0 all valid, 1 bitmap) · [bitmap: ceil(rows/64) UInt64 words]
///           values: int width UInt8 (1, 2, 4 or 8 bytes) · rows × Int8/16/32/64 | Double bits
///           | Bool byte (0/1) | Int32 ordinal
///           | string: code width UInt8 (8, 16 or 32) · rows × code of that width
///           string columns then: dictionary count UInt64 · per entry UInt64 length + UTF-8
///
/// Version 1 (64-bit ints and 32-bit codes, no width bytes) is refused as unsupported, so
/// ``DatasetCache`` parses the CSV again and rewrites the cache.
/// trailer   checksum UInt64 over every byte before it (see ``ColumnarChecksum``)
/// ```
///
/// Arrays are copied in one block each way, so reading costs little more than the
/// file read itself. Decoding validates everything: a damaged file gives a
/// ``ColumnarFileError``, never a crash or an inconsistent table.
enum ColumnarFile {
  /// The first eight bytes of every file.
  static let magic: [UInt8] = Array("TRAPPE1".utf8) + [0]
  /// The format version this code writes and reads.
  /// 2: int columns in their narrowest width and string codes sized to the dictionary, each
  /// behind a width byte; a version 1 cache is refused as unsupported, so ``DatasetCache``
  /// rebuilds it from the CSV.
  static let version: UInt32 = 2
  /// The size of the fixed header.
  static let headerSize = 48
  /// The offset of the file-length field, patched once the length is known.
  static let lengthOffset = 24

  /// The file's bytes for `table`, tagged with `fingerprint`.
  static func encode(_ table: Table, fingerprint: UInt64) -> [UInt8] {
    var writer = ColumnarByteWriter(capacity: estimatedSize(table))
    writer.append(raw: magic)
    writer.append(version)
    writer.append(UInt32(0))
    writer.append(fingerprint)
    writer.append(UInt64(0))  // file length, patched below
    writer.append(count: table.rowCount)
    writer.append(count: table.columnCount)
    for (field, column) in zip(table.schema.fields, table.columns) {
      writer.append(string: field.name)
      writer.append(ColumnarTypeTag(column).rawValue)
      writer.append(periodUnitByte(column))
      let validity = column.validity
      if validity.hasNulls {
        writer.append(UInt8(1))
        writer.append(raw: validity.words)
      } else {
        writer.append(UInt8(0))
      }
      switch column {
      case .int64(let c):
        switch c.narrowed().storage {
        case .int8(let v):
          writer.append(UInt8(1))
          writer.append(raw: v)
        case .int16(let v):
          writer.append(UInt8(2))
          writer.append(raw: v)
        case .int32(let v):
          writer.append(UInt8(4))
          writer.append(raw: v)
        case .int64(let v):
          writer.append(UInt8(8))
          writer.append(raw: v)
        }
      case .double(let c): writer.append(raw: c.values)
      case .bool(let c): writer.append(raw: c.values)
      case .period(let c): writer.append(raw: c.ordinals)
      case .string(let c):
        writer.append(UInt8(c.codeBitWidth))
        switch c.storage {
        case .u8(let codes): writer.append(raw: codes)
        case .u16(let codes): writer.append(raw: codes)
        case .u32(let codes): writer.append(raw: codes)
        }
        writer.append(count: c.dictionary.count)
        for entry in c.dictionary { writer.append(string: entry) }
      }
    }
    writer.patch(UInt64(truncatingIfNeeded: writer.bytes.count + 8), at: lengthOffset)
    let checksum = writer.bytes.withUnsafeBytes { ColumnarChecksum.compute($0) }
    writer.append(checksum)
    return writer.bytes
  }

  /// Writes `table` to `path` atomically: readers see the old file or the complete new one.
  static func write(_ table: Table, fingerprint: UInt64, to path: String) throws(FileError) {
    try AtomicFile.write(bytes: encode(table, fingerprint: fingerprint), to: path)
  }

  /// Reads and decodes the file at `path`; see ``decode(_:expectedFingerprint:)``.
  static func read(path: String, expectedFingerprint: UInt64) throws(ColumnarFileError) -> Table {
    try decode(readWholeFile(path), expectedFingerprint: expectedFingerprint)
  }

  /// The bytes of the file at `path`, read with one allocation of the file's size.
  ///
  /// Opened with `O_NONBLOCK`, so a FIFO in the cache's place does not block the open
  /// (reliability review D20: the first query using the dataset hung); it is then refused
  /// as not a regular file and the dataset loads from its CSV.
  static func readWholeFile(_ path: String) throws(ColumnarFileError) -> [UInt8] {
    let fd = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK)
    guard fd >= 0 else { throw .cannotRead(CSVReader.systemError(errno)) }
    defer { close(fd) }
    var info = stat()
    guard fstat(fd, &info) == 0 else { throw .cannotRead(CSVReader.systemError(errno)) }
    guard (info.st_mode & S_IFMT) == S_IFREG else { throw .cannotRead("not a regular file") }
    let size = Int(info.st_size)
    var failure: Int32 = 0
    var bytes = [UInt8](unsafeUninitializedCapacity: size) { buffer, initialized in
      guard let base = buffer.baseAddress else { return }
      while initialized < size {
        let n = Glibc.read(fd, base + initialized, size - initialized)
        if n < 0 {
          if errno == EINTR { continue }
          failure = errno
          return
        }
        if n == 0 { return }  // the file shrank while being read
        initialized += n
      }
    }
    if failure != 0 { throw .cannotRead(CSVReader.systemError(failure)) }
    // A file that grew while being read: take the rest too, so the length check sees it.
    var chunk = [UInt8](repeating: 0, count: 4096)
    while true {
      let n = chunk.withUnsafeMutableBytes { Glibc.read(fd, $0.baseAddress, $0.count) }
      if n < 0 && errno == EINTR { continue }
      if n <= 0 { break }
      bytes.append(contentsOf: chunk[0..<n])
    }
    return bytes
  }

  /// An upper bound of the encoded size, so the writer allocates once.
  private static func estimatedSize(_ table: Table) -> Int {
    var size = headerSize + 8
    for (field, column) in zip(table.schema.fields, table.columns) {
      size += 8 + field.name.utf8.count + 3 + column.validity.words.count * 8
      switch column {
      case .int64(let c): size += 1 + c.count * 8
      case .double(let c): size += c.count * 8
      case .bool(let c): size += c.count
      case .period(let c): size += c.count * 4
      case .string(let c):
        size += c.count * 4 + 8
        for entry in c.dictionary { size += 8 + entry.utf8.count }
      }
    }
    return size
  }

  /// The period unit's raw value for period columns, 0 for every other type.
  private static func periodUnitByte(_ column: Column) -> UInt8 {
    if case .period(let c) = column { return c.unit.rawValue }
    return 0
  }
}
