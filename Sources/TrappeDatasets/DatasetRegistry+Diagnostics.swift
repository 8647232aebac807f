import TrappeBase
import TrappeIO

extension DatasetRegistry {
  /// A CSV error while reading a dataset, with hints that fit a manifest: a manifest has no
  /// type override to remove, but it has `decimal:`, `delimiter:` and `encoding:` keys.
  func manifestDiagnostic(_ error: CSVError, _ manifest: DatasetManifest) -> Diagnostic {
    var diagnostic = error.diagnostic
    guard case .badValue(_, let column, let value, let type) = error else { return diagnostic }
    var hints = ["\(manifest.path) declares \(column) as \(type.name)"]
    let commaDecimal =
      value.contains(",") && value.allSatisfy { $0.isNumber || $0 == "," || $0 == "-" || $0 == "." || $0 == " " }
    if commaDecimal && manifest.decimal != .comma {
      hints.append(
        "the file writes decimals with a comma: add the line 'decimal: comma' to \(manifest.path) "
          + "(and 'delimiter: ;' if its fields are not separated by ;)")
    } else {
      hints.append("fix the value in \(manifest.file), or the column's type in the manifest")
    }
    diagnostic.hints = hints
    return diagnostic
  }
}
