/// Reads the process's own memory use from `/proc/self/status` (Linux).
package enum ProcessMemory {
  /// The resident set size in bytes, or nil where `/proc` is not available.
  package static func residentBytes() -> Int? {
    guard let status = try? TextFile.read("/proc/self/status") else { return nil }
    for line in status.split(separator: "\n") where line.hasPrefix("VmRSS:") {
      let digits = line.filter(\.isNumber)
      return Int(digits).map { $0 * 1024 }
    }
    return nil
  }
}
