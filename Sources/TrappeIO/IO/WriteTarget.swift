#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif
import TrappeBase

/// What an atomic write will replace, checked before anything is written.
///
/// Only a regular file the user may write is replaced. A symbolic link, a device, a FIFO,
/// a socket or a folder is refused with a clear error (renaming over it would replace
/// the link or the node itself, not write to it), and so is a read-only file. The new
/// file keeps the old one's permission bits (a private 0600 file stays private), and
/// its owner and group when the system allows; a new file gets `0666 & ~umask`.
struct WriteTarget {
  /// The permission bits the written file gets.
  var mode: mode_t
  /// The old file's owner and group, when it exists and differs from ours.
  var owner: (user: uid_t, group: gid_t)?

  /// Inspects `path`; throws when it must not be replaced.
  static func inspect(_ path: String) throws(FileError) -> WriteTarget {
    var info = stat()
    guard lstat(path, &info) == 0 else {
      let code = errno
      guard code == ENOENT else { throw FileError(operation: "write", path: path, reason: CSVReader.systemError(code)) }
      return WriteTarget(mode: 0o666 & ~processUmask, owner: nil)
    }
    switch info.st_mode & S_IFMT {
    case S_IFREG:
      break
    case S_IFLNK:
      let target = linkTarget(path)
      throw FileError(
        operation: "write", path: path,
        reason: "it is a symbolic link" + (target.map { " to \($0)" } ?? ""),
        hints: ["Trappe does not write through links; save to "
          + (target.map { "the file itself, \(resolved($0, from: path))" } ?? "the file itself") + " instead"])
    default:
      throw FileError(
        operation: "write", path: path, reason: "it is \(FileKind.describe(info.st_mode)), not a regular file",
        hints: ["save to a regular file"])
    }
    // access() asks the kernel (it knows about read-only mounts); the mode bits catch root,
    // for whom access() grants everything.
    if access(path, W_OK) != 0 || info.st_mode & 0o222 == 0 {
      throw FileError(
        operation: "write", path: path, reason: "it is read-only",
        hints: ["make it writable first (chmod u+w) or save under another name"])
    }
    let owner: (user: uid_t, group: gid_t)? =
      info.st_uid != geteuid() || info.st_gid != getegid() ? (info.st_uid, info.st_gid) : nil
    return WriteTarget(mode: info.st_mode & 0o777, owner: owner)
  }

  /// Gives the open temporary file the target's mode (and owner, when allowed).
  func apply(to fd: Int32) -> Int32 {
    if let owner, fchown(fd, owner.user, owner.group) != 0 {
      _ = fchown(fd, uid_t.max, owner.group)  // at least the group, when we are a member
    }
    return fchmod(fd, mode) == 0 ? 0 : errno
  }

  /// The process's file-creation mask, read once.
  static let processUmask: mode_t = {
    let mask = umask(0o077)
    umask(mask)
    return mask
  }()

  /// What `readlink` says, or nil.
  static func linkTarget(_ path: String) -> String? {
    var buffer = [CChar](repeating: 0, count: 4097)
    let n = buffer.withUnsafeMutableBufferPointer { chars -> Int in
      guard let base = chars.baseAddress else { return -1 }
      return readlink(path, base, 4096)
    }
    guard n > 0 else { return nil }
    return String(decoding: buffer[0..<n].map { UInt8(bitPattern: $0) }, as: UTF8.self)
  }

  /// A link's target as a path usable from where the user is: relative targets are taken from the link's folder.
  static func resolved(_ target: String, from link: String) -> String {
    guard !target.hasPrefix("/"), let slash = link.lastIndex(of: "/") else { return target }
    return String(link[...slash]) + target
  }
}
