import TrappeBase
import Glibc

extension DatasetRegistry {
  /// The dataset whose CSV file has exactly the bytes of the file at `path` (whose FNV-1a hash is
  /// `contentHash`): a copy of a dataset's file is that dataset, with its provenance and label.
  ///
  /// Only datasets whose file has the same size are hashed, so this costs one `stat` per dataset
  /// for an unrelated file.
  package func manifest(matchingFile path: String, contentHash: String) -> DatasetManifest? {
    guard let size = DatasetRegistry.fileSize(path) else { return nil }
    for manifest in all where DatasetRegistry.fileSize(manifest.file) == size {
      if ContentHash.ofFile(manifest.file) == contentHash { return manifest }
    }
    return nil
  }

  /// The size in bytes of the regular file at `path`, or nil.
  static func fileSize(_ path: String) -> Int? {
    var info = stat()
    guard stat(path, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG else { return nil }
    return Int(info.st_size)
  }
}
