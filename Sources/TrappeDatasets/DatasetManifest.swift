import TrappeIO

/// What a dataset is, where it comes from and what its columns mean: a parsed `NAME.manifest`.
package struct DatasetManifest: Sendable, Equatable {
  package var name: String
  package var title: String
  package var kind: DatasetKind
  /// The CSV file's path (resolved against the manifest's directory).
  package var file: String
  package var rows: Int
  package var source: String
  package var period: String
  package var terms: String
  package var definition: String?
  /// A short citation for footers (`cite:`), e.g. "Danmarks Statistik FOLK1A"; the source when absent.
  package var cite: String?
  /// The file as the manifest writes it (relative to the manifest), for display.
  package var fileName: String
  package var notes: [String]
  package var columns: [ManifestColumn]
  /// The decimal separator of the CSV's numbers (`decimal: comma|point`); detected when absent.
  package var decimal: DecimalSeparator = .auto
  /// The field delimiter (`delimiter: , ; tab |`); sniffed when absent.
  package var delimiter: UInt8? = nil
  /// The text encoding (`encoding: utf8|latin1|cp1252`); detected when absent.
  package var encoding: TextEncoding = .auto
  /// The manifest's own path.
  var path: String

  /// The one-line provenance shown under results: `befolkning (Danmarks Statistik FOLK1A, 2005–2023)`.
  package var provenanceLine: String {
    "\(name) (\(cite ?? source), \(period))"
  }

  /// The column called `name`, if the manifest describes it.
  package func column(_ name: String) -> ManifestColumn? {
    columns.first { $0.name == name }
  }
}
