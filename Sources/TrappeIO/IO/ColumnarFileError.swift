import TrappeBase

/// Why a columnar cache file could not be decoded; the caller falls back to the CSV.
enum ColumnarFileError: Error, Sendable, Equatable, DiagnosticConvertible {
  /// The file does not start with `TRAPPE1\0`.
  case badMagic
  /// The file was written by another version of the format.
  case unsupportedVersion(UInt32)
  /// The file was made from other source files or another manifest: it is stale.
  case fingerprintMismatch
  /// The file ends before its content does.
  case truncated
  /// The file's structure is invalid; the text says what is wrong.
  case corrupt(String)
  /// The trailing checksum does not match the content.
  case checksumMismatch
  /// The file could not be opened or read; the text is the system's reason.
  case cannotRead(String)

  /// The error as a diagnostic: `dataset cache file is corrupt: ...`.
  var diagnostic: Diagnostic {
    switch self {
    case .badMagic:
      return Diagnostic(.error, "not a Trappe columnar file (bad magic number)")
    case .unsupportedVersion(let version):
      return Diagnostic(
        .error, "unsupported columnar file version \(version)",
        hints: ["the file was written by another version of Trappe"])
    case .fingerprintMismatch:
      return Diagnostic(
        .error, "columnar file is stale",
        hints: ["the source file or its manifest changed after the file was written"])
    case .truncated:
      return Diagnostic(.error, "columnar file is truncated")
    case .corrupt(let reason):
      return Diagnostic(.error, "columnar file is corrupt: \(reason)")
    case .checksumMismatch:
      return Diagnostic(.error, "columnar file is corrupt: checksum mismatch")
    case .cannotRead(let reason):
      return Diagnostic(.error, "cannot read columnar file: \(reason)")
    }
  }
}
