
extension AtomicFile {
  /// Writes `bytes` to a temporary file next to `path`, syncs it, and renames it over `path`.
  ///
  /// On failure the temporary file is removed and `path` is left untouched.
  package static func write(bytes: [UInt8], to path: String) throws(FileError) {
    var failure: FileError?
    bytes.withUnsafeBytes { buffer in
      do throws(FileError) {
        try write(buffer, to: path)
      } catch {
        failure = error
      }
    }
    if let failure { throw failure }
  }
}
