import TrappeBase
import Glibc

extension DatasetRegistry {
  /// The dataset whose CSV file has exactly the bytes of the file at `path`, with the file's FNV-1a
  /// hash: a copy of a dataset's file is that dataset, with its provenance and label.
  ///
  /// Only a file with the size of some dataset's CSV is hashed (and those datasets' files), so an
  /// unrelated file costs one `stat` per dataset and no reading.
  package func manifest(matchingFile path: String) -> (manifest: DatasetManifest, contentHash: String)? {
    guard let size = DatasetRegistry.fileSize(path) else { return nil }
    let candidates = all.filter { DatasetRegistry.fileSize($0.file) == size }
    guard !candidates.isEmpty, let hash = ContentHash.ofFile(path) else { return nil }
    for manifest in candidates where ContentHash.ofFile(manifest.file) == hash {
      return (manifest, hash)
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
