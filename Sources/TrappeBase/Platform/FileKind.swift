#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// What a file is, in words for an error message ("it is a FIFO (named pipe), not a regular file").
package enum FileKind {
  /// "a folder", "a character device", "a FIFO (named pipe)", … for the file type bits of `mode`.
  package static func describe(_ mode: mode_t) -> String {
    switch mode & S_IFMT {
    case S_IFREG: return "a regular file"
    case S_IFLNK: return "a symbolic link"
    case S_IFDIR: return "a folder"
    case S_IFCHR: return "a character device"
    case S_IFBLK: return "a block device"
    case S_IFIFO: return "a FIFO (named pipe)"
    case S_IFSOCK: return "a socket"
    default: return "a special file"
    }
  }
}
