import Glibc

/// A fresh folder for one golden case's files, shown in transcripts as `/tmp/trappe-golden`.
struct ScratchDirectory {
  /// How transcripts name the folder.
  static let shown = "/tmp/trappe-golden"
  /// The folder itself: `/tmp/trgold-XXXXXX`, unique to this case and run, and as long as the
  /// name transcripts show, so that fitted lines and carets do not move.
  let path: String

  init() {
    var template = Array("/tmp/trgold-XXXXXX".utf8CString)
    let made = template.withUnsafeMutableBufferPointer { buffer -> Bool in
      guard let base = buffer.baseAddress else { return false }
      return mkdtemp(base) != nil
    }
    let name = String(decoding: template.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    // Without a folder of its own (mkdtemp failed), the case writes to the shown one.
    if !made { mkdir(ScratchDirectory.shown, 0o755) }
    path = made ? name : ScratchDirectory.shown
  }

  /// Removes the folder and the files written into it (cases write no subfolders).
  func remove() {
    guard path != ScratchDirectory.shown, let handle = opendir(path) else { return }
    while let entry = readdir(handle) {
      let name = withUnsafeBytes(of: entry.pointee.d_name) {
        String(decoding: $0.prefix { $0 != 0 }, as: UTF8.self)
      }
      if name != "." && name != ".." { unlink(path + "/" + name) }
    }
    closedir(handle)
    rmdir(path)
  }
}
