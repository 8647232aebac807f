import TrappeBase
import TrappeIO

extension DatasetRegistry {
  /// A CSV error while reading a dataset, with hints that fit a manifest: a manifest has no
  /// type override to remove, but it has `decimal:`, `delimiter:` and `encoding:` keys.
  func manifestDiagnostic(_ error: CSVError, _ manifest: DatasetManifest) -> Diagnostic {
    var diagnostic = error.diagnostic
    if case .unknownColumn(_, let name, _) = error {
      // The header did not split into the described columns: usually another delimiter.
      diagnostic.hints = [
        "\(manifest.path) describes a column '\(name)' that the file's header line does not have",
        manifest.delimiter == nil
          ? "if the file separates fields with another character, say which: delimiter: ; (or , tab |)"
          : "check the manifest's 'delimiter:' line and the file's header line",
      ]
      return diagnostic
    }
    guard case .badValue(_, let column, let value, let type) = error else { return diagnostic }
    var hints = ["\(manifest.path) declares \(column) as \(type.name)"]
    let commaDecimal =
      value.contains(",") && value.allSatisfy { $0.isNumber || $0 == "," || $0 == "-" || $0 == "." || $0 == " " }
    if commaDecimal && manifest.decimal != .comma {
      let change = manifest.decimal == .point ? "change 'decimal: point' to 'decimal: comma' in" : "add the line 'decimal: comma' to"
      hints.append("the file writes decimals with a comma: \(change) \(manifest.path)")
    } else {
      hints.append("fix the value in \(manifest.file), or the column's type in the manifest")
    }
    diagnostic.hints = hints
    return diagnostic
  }
}
