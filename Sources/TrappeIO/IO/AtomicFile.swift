/// Writes files so readers see either the old content or the complete new content.
///
/// The steps (checked target, private unpredictable temporary file, kept mode, sync,
/// rename, folder sync, clean-up on failure and on fatal signals) are those of
/// ``AtomicFileWriter``.
package enum AtomicFile {
  /// Writes `text` to a temporary file next to `path`, syncs it, and renames it over `path`.
  ///
  /// On failure the temporary file is removed and `path` is left untouched.
  package static func write(_ text: String, to path: String) throws(FileError) {
    var content = text
    var failure: FileError?
    content.withUTF8 { buffer in
      do throws(FileError) {
        try write(UnsafeRawBufferPointer(buffer), to: path)
      } catch {
        failure = error
      }
    }
    if let failure { throw failure }
  }

  /// Writes raw bytes atomically: temporary file, `fsync`, rename; the temporary file is removed on failure.
  static func write(_ bytes: UnsafeRawBufferPointer, to path: String) throws(FileError) {
    let writer = try AtomicFileWriter(path: path)
    try writer.write(bytes)
    try writer.commit()
  }
}
