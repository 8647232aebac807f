import TrappeBase

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Reads CSV files into typed ``Table``s.
///
/// Loading runs in one pass over one in-memory UTF-8 buffer: each column's type
/// (Int → Double → Period → String) is inferred from the first records, then
/// every record is split and its cells parsed straight into typed column
/// builders; a column a later cell does not fit is inferred and parsed again
/// (``CSVLoader/loadInOnePass``). Delimiter, encoding and decimal separator are detected unless
/// the options fix them.
package enum CSVReader {
  /// Reads and types the CSV file at `path`.
  ///
  /// `isInterrupted` is polled while the file is read and every 65,536 rows;
  /// when it returns true the load stops with ``CSVError/interrupted(file:)``.
  /// Messages name the file `name` (as the user wrote it), by default `path`.
  package static func read(
    file path: String, name: String? = nil, options: CSVReadOptions,
    isInterrupted: @escaping () -> Bool = { Interrupt.isRequested }
  ) throws(CSVError) -> CSVReadResult {
    // The morsels' buffers are freed by now; their pages go back to the system instead of
    // staying resident next to the table (a load leaves the columns, not the parse).
    defer { ProcessMemory.returnFreedMemory() }
    if let result = try readMapped(path, name: name ?? path, options: options, isInterrupted: isInterrupted) {
      return result
    }
    let bytes = try readAll(path, name: name ?? path, isInterrupted: isInterrupted)
    return try read(bytes: bytes, name: name ?? path, options: options, isInterrupted: isInterrupted)
  }

  /// Reads and types CSV `bytes`; `name` is the file name used in error messages.
  static func read(
    bytes: [UInt8], name: String, options: CSVReadOptions,
    isInterrupted: @escaping () -> Bool = { Interrupt.isRequested },
    passes: CSVLoader.Passes = .one(sampleRows: CSVLoader.sampleRows), morselBytes: Int? = nil,
    probe: CSVLoadProbe? = nil
  ) throws(CSVError) -> CSVReadResult {
    let decoded = try decode(bytes, name: name, encoding: options.encoding)
    let text = decoded.bytes
    // A file saved from illustrative data starts with its label; the data start on line 2.
    let noticeEnd = ExportNotice.endOfIllustrativeLine(in: text, from: decoded.start)
    var result = try text.withUnsafeBufferPointer { (buffer) throws(CSVError) -> CSVReadResult in
      guard let base = buffer.baseAddress else { throw .emptyFile(file: name) }
      var loader = CSVLoader(
        bytes: buffer, base: base, start: noticeEnd ?? decoded.start, name: name, options: options,
        isInterrupted: isInterrupted)
      loader.firstLine = noticeEnd == nil ? 1 : 2
      loader.passes = passes
      loader.morselSize = morselBytes
      loader.probe = probe
      defer { loader.deallocate() }
      return try loader.load(encoding: decoded.encoding)
    }
    result.illustrativeNotice = noticeEnd != nil
    result.notes = decoded.notes + result.notes
    result.utf16 = decoded.utf16
    return result
  }

  /// The whole content of the file at `path`.
  static func readAll(_ path: String, name: String? = nil, isInterrupted: () -> Bool) throws(CSVError) -> [UInt8] {
    let shown = name ?? path
    // Devices and sockets are refused before they are opened (opening some has effects, and
    // /dev/zero would be read until memory runs out); FIFOs and pipes are read, under the budget.
    var before = stat()
    if stat(path, &before) == 0, let kind = notAFileKind(before.st_mode) {
      throw .notAFile(file: shown, kind: kind)
    }
    let fd = open(path, O_RDONLY | O_CLOEXEC)
    guard fd >= 0 else { throw .cannotOpen(file: shown, reason: systemError(errno)) }
    defer { close(fd) }
    var info = stat()
    guard fstat(fd, &info) == 0 else { throw .cannotRead(file: shown, reason: systemError(errno)) }
    if info.st_mode & S_IFMT == S_IFDIR {
      throw .cannotOpen(file: shown, reason: systemError(EISDIR))
    }
    if let kind = notAFileKind(info.st_mode) { throw .notAFile(file: shown, kind: kind) }
    let size = max(0, Int(info.st_size))
    // The text, its decoded copy and the typed columns take about three times the file.
    try requireMemory(size.multipliedReportingOverflow(by: 3).partialValue, file: shown, size: size)
    var failure: Int32 = 0
    var bytes = [UInt8](unsafeUninitializedCapacity: size) { buffer, initialized in
      initialized = 0
      guard let base = buffer.baseAddress else { return }
      while initialized < size {
        // Read in slices so that Ctrl-C is noticed while a large file is read.
        if isInterrupted() { return }
        let got = Glibc.read(fd, base + initialized, min(size - initialized, 1 << 24))
        if got < 0 {
          if errno == EINTR { continue }
          failure = errno
          return
        }
        if got == 0 { break }
        initialized += got
      }
    }
    guard failure == 0 else { throw .cannotRead(file: shown, reason: systemError(failure)) }
    if isInterrupted() { throw .interrupted(file: shown) }
    // The file may be longer than fstat said (a pipe, a growing file).
    if bytes.count == size {
      var chunk = [UInt8](repeating: 0, count: 65_536)
      var checked = bytes.count
      while true {
        let got = chunk.withUnsafeMutableBytes { Glibc.read(fd, $0.baseAddress, $0.count) }
        if got < 0 {
          if errno == EINTR { continue }
          throw .cannotRead(file: shown, reason: systemError(errno))
        }
        if got == 0 { break }
        bytes.append(contentsOf: chunk[0..<got])
        // Every 16 MB more: the bytes read are held already; parsing them needs about twice more.
        if bytes.count - checked >= 1 << 24 {
          checked = bytes.count
          if isInterrupted() { throw .interrupted(file: shown) }
          try requireMemory(2 * bytes.count, file: shown, size: bytes.count, growing: true)
        }
      }
    }
    return bytes
  }

  /// What a file mode is when it is not something `.load` reads, e.g. `a character device`.
  static func notAFileKind(_ mode: mode_t) -> String? {
    switch mode & S_IFMT {
    case S_IFCHR, S_IFBLK, S_IFSOCK: return FileKind.describe(mode)
    default: return nil
    }
  }

  /// Stops the load before reading when `bytes` would not fit the memory budget.
  static func requireMemory(_ bytes: Int, file: String, size: Int, growing: Bool = false)
    throws(CSVError)
  {
    do throws(ExecutionStop) {
      let what = growing ? "more than \(MemoryBudget.describe(size)) read so far" : "a \(MemoryBudget.describe(size)) file"
      try MemoryBudget.require(bytes, for: ".load \(file)", detail: what)
    } catch {
      if case .overBudget(let overrun) = error { throw .overBudget(overrun) }
      throw .interrupted(file: file)
    }
  }

  /// The system's description of an `errno` value.
  package static func systemError(_ code: Int32) -> String {
    guard let text = strerror(code) else { return "error \(code)" }
    return String(cString: text)
  }
}
