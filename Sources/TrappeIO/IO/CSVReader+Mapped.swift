import TrappeBase

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

extension CSVReader {
  /// Bytes validated (as UTF-8) between releases of the mapped pages, when a load is checked
  /// after it ran (see ``readMapped(_:name:options:isInterrupted:)``).
  static let validationSlice = 8 << 20

  /// Loads a regular UTF-8 file straight from a read-only memory map, or returns nil for the
  /// copying path (``readAll(_:name:isInterrupted:)`` then ``read(bytes:name:options:isInterrupted:passes:morselBytes:)``),
  /// which every other file takes: empty, not a regular file, UTF-16/32, binary, not valid
  /// UTF-8 (read as Windows-1252 or refused there), CR-only line ends, or a map that fails.
  ///
  /// Why a map: the bytes are the page cache's, not copied into the process, and pages already
  /// validated or parsed are given back (`MADV_DONTNEED`; touching them again reads them from
  /// the page cache), so the file adds only a few morsels to the peak resident memory instead
  /// of its whole size.
  static func readMapped(
    _ path: String, name: String, options: CSVReadOptions, isInterrupted: @escaping () -> Bool
  ) throws(CSVError) -> CSVReadResult? {
    guard options.encoding == .auto || options.encoding == .utf8 else { return nil }
    // Only regular files are opened here (opening a device can have effects).
    var before = stat()
    guard stat(path, &before) == 0, before.st_mode & S_IFMT == S_IFREG else { return nil }
    let fd = open(path, O_RDONLY | O_CLOEXEC)
    guard fd >= 0 else { return nil }
    defer { close(fd) }
    var info = stat()
    guard fstat(fd, &info) == 0, info.st_mode & S_IFMT == S_IFREG, info.st_size > 0 else { return nil }
    let size = Int(info.st_size)
    // The budget check of the copying path, with its estimate, so that both refuse alike.
    try requireMemory(size.multipliedReportingOverflow(by: 3).partialValue, file: name, size: size)
    guard let mapped = mmap(nil, size, PROT_READ, MAP_PRIVATE, fd, 0), mapped != MAP_FAILED else { return nil }
    defer { munmap(mapped, size) }
    // A page-cache folio of 2 MiB (left by a program that read the file with large reads) is
    // otherwise mapped whole on the first touch, and only part of it given back by a morsel.
    _ = madvise(mapped, size, MADV_NOHUGEPAGE)
    let base = mapped.assumingMemoryBound(to: UInt8.self)
    let buffer = UnsafeBufferPointer(start: UnsafePointer(base), count: size)
    let page = Int(sysconf(Int32(_SC_PAGESIZE)))

    // What `decode` would do differently from taking the bytes as they are: leave it to it.
    let head = Array(buffer.prefix(4096))
    if head.starts(with: [0xFF, 0xFE]) || head.starts(with: [0xFE, 0xFF]) || head.starts(with: [0, 0, 0xFE, 0xFF]) {
      return nil
    }
    if BinarySignature.detect(head, fileName: name) != nil { return nil }
    let start = head.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
    let hasLF = memchr(base + start, 10, size - start) != nil
    if !hasLF && memchr(base + start, 13, size - start) != nil { return nil }

    // As `read(bytes:)` from here.
    let noticeEnd = ExportNotice.endOfIllustrativeLine(
      in: Array(buffer.prefix(start + ExportNotice.illustrativeLine.count + 2)), from: start)
    var loader = CSVLoader(
      bytes: buffer, base: UnsafePointer(base), start: noticeEnd ?? start, name: name, options: options,
      isInterrupted: isInterrupted)
    loader.firstLine = noticeEnd == nil ? 1 : 2
    loader.releasePages = { from, to in release(base, from, to, page: page) }
    // The one pass checks the bytes are UTF-8 morsel by morsel as it parses them; a load that
    // ends any other way checks the whole file after, and gives it to the copying path when
    // it is not UTF-8 (as if it had been checked first: that path decodes it, and reports
    // any error in the decoded text).
    loader.checksUTF8 = true
    defer { loader.deallocate() }
    var result: CSVReadResult
    do throws(CSVError) {
      result = try loader.load(encoding: .utf8)
    } catch {
      if loader.foundNotUTF8 { return nil }
      if case .interrupted = error { throw error }
      if !loader.checkedUTF8, try !isUTF8(buffer, from: start, page: page, isInterrupted: isInterrupted, name: name) {
        return nil
      }
      throw error
    }
    if !loader.checkedUTF8, try !isUTF8(buffer, from: start, page: page, isInterrupted: isInterrupted, name: name) {
      return nil
    }
    result.illustrativeNotice = noticeEnd != nil
    return result
  }

  /// Whether the mapped bytes from `start` on are UTF-8, checked in slices that end after a
  /// line feed (no character spans one), each slice's pages given back once checked.
  private static func isUTF8(
    _ buffer: UnsafeBufferPointer<UInt8>, from start: Int, page: Int, isInterrupted: () -> Bool, name: String
  ) throws(CSVError) -> Bool {
    guard let first = buffer.baseAddress else { return true }
    let base = UnsafeMutablePointer(mutating: first)
    let size = buffer.count
    var from = start
    while from < size {
      if isInterrupted() { throw .interrupted(file: name) }
      var end = min(size, from + validationSlice)
      if end < size, let lineFeed = memchr(base + end, 10, size - end) {
        end = UnsafeRawPointer(lineFeed) - UnsafeRawPointer(base) + 1
      } else {
        end = size
      }
      if TextDecoding.firstInvalidUTF8(UnsafeBufferPointer(rebasing: buffer[0..<end]), from: from) != nil {
        return false
      }
      release(base, from, end, page: page)
      from = end
    }
    return true
  }

  /// Gives back the whole pages of the map inside bytes `from..<to`.
  private static func release(_ base: UnsafeMutablePointer<UInt8>, _ from: Int, _ to: Int, page: Int) {
    let address = Int(bitPattern: base)
    let first = (address + from + page - 1) / page * page
    let last = (address + to) / page * page
    guard last > first, let pointer = UnsafeMutableRawPointer(bitPattern: first) else { return }
    _ = madvise(pointer, last - first, MADV_DONTNEED)
  }
}
