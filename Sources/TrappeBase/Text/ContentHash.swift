/// Content hashes of files, as records and provenance show them.
package enum ContentHash {
  /// The 64-bit FNV-1a hash of `bytes` as 16 hex digits.
  package static func fnv1a(_ bytes: [UInt8]) -> String {
    var hash: UInt64 = 0xcbf2_9ce4_8422_2325
    for byte in bytes {
      hash ^= UInt64(byte)
      hash = hash &* 0x0000_0100_0000_01B3
    }
    let digits = String(hash, radix: 16)
    return String(repeating: "0", count: 16 - digits.count) + digits
  }

  /// The FNV-1a hash of the file at `path`, or nil when it cannot be read.
  package static func ofFile(_ path: String) -> String? {
    (try? TextFile.readBytes(path)).map(fnv1a)
  }
}
