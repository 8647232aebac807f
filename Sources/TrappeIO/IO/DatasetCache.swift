import TrappeStorage

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// A directory of ``ColumnarFile``s, one per dataset, used instead of parsing a CSV when fresh.
///
/// Freshness is a fingerprint: the caller hashes what the table was built from
/// (the CSV's size and modification time, the manifest text) with
/// ``fingerprint(files:extra:)``; a file whose fingerprint differs is stale.
/// Every failure is quiet: a missing, stale or damaged file reads as nil and
/// the caller parses the CSV; a failed store leaves the cache as it was.
package struct DatasetCache: Sendable {
  /// The directory that holds the cache files.
  let directory: String

  /// Creates a cache in `directory` (created on the first store).
  package init(directory: String) {
    self.directory = directory
  }

  /// `$XDG_CACHE_HOME/trappe/datasets`, or `~/.cache/trappe/datasets`.
  package static var defaultDirectory: String {
    if let xdg = environment("XDG_CACHE_HOME"), xdg.hasPrefix("/") {
      return xdg + "/trappe/datasets"
    }
    if let home = environment("HOME") {
      return home + "/.cache/trappe/datasets"
    }
    return "/tmp/trappe-\(getuid())/datasets"
  }

  /// The path of the cache file for dataset `name` (unsafe bytes percent-encoded).
  func path(for name: String) -> String {
    var file = ""
    for byte in name.utf8 {
      switch byte {
      case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
        UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "_"), UInt8(ascii: "-"):
        file.unicodeScalars.append(Unicode.Scalar(byte))
      default:
        let hex = String(byte, radix: 16, uppercase: true)
        file += "%" + (hex.count == 1 ? "0" : "") + hex
      }
    }
    return directory + "/" + file + ".trappecol"
  }

  /// The cached table of dataset `name`, or nil when there is none, it is stale or it is damaged.
  package func cachedTable(for name: String, fingerprint: UInt64) -> Table? {
    try? ColumnarFile.read(path: path(for: name), expectedFingerprint: fingerprint)
  }

  /// Caches `table` as dataset `name`, creating the directory; failures are ignored.
  package func store(_ table: Table, for name: String, fingerprint: UInt64) {
    DatasetCache.makeDirectories(directory)
    try? ColumnarFile.write(table, fingerprint: fingerprint, to: path(for: name))
  }

  /// A hash of each file's path, size and modification time (a missing file counts too) and `extra`.
  package static func fingerprint(files: [String], extra: String) -> UInt64 {
    var hash: UInt64 = 0xCBF2_9CE4_8422_2325
    func mix(_ bytes: UnsafeRawBufferPointer) {
      for byte in bytes { hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01B3 }
    }
    func mix(_ value: Int64) {
      withUnsafeBytes(of: value.littleEndian) { mix($0) }
    }
    func mix(_ text: String) {
      var text = text
      mix(Int64(text.utf8.count))
      text.withUTF8 { mix(UnsafeRawBufferPointer($0)) }
    }
    mix(Int64(files.count))
    for file in files {
      mix(file)
      var info = stat()
      if stat(file, &info) == 0 {
        mix(Int64(info.st_size))
        mix(Int64(info.st_mtim.tv_sec))
        mix(Int64(info.st_mtim.tv_nsec))
        mix(Int64(bitPattern: UInt64(info.st_ino)))
      } else {
        mix(-1)
      }
    }
    mix(extra)
    return hash
  }

  /// `mkdir -p`: creates `path` and its missing parents, ignoring failures.
  private static func makeDirectories(_ path: String) {
    var prefix = path.hasPrefix("/") ? "/" : ""
    for component in path.split(separator: "/") {
      prefix += component
      mkdir(prefix, 0o755)
      prefix += "/"
    }
  }

  private static func environment(_ name: String) -> String? {
    guard let value = getenv(name) else { return nil }
    let text = String(cString: value)
    return text.isEmpty ? nil : text
  }
}
