/// What a dataset is, where it comes from and what its columns mean: a parsed `NAME.manifest`.
public struct DatasetManifest: Sendable, Equatable {
  public var name: String
  public var title: String
  public var kind: DatasetKind
  /// The CSV file's path (resolved against the manifest's directory).
  public var file: String
  public var rows: Int
  public var source: String
  public var period: String
  public var terms: String
  public var definition: String?
  /// A short citation for footers (`cite:`), e.g. "Danmarks Statistik FOLK1A"; the source when absent.
  public var cite: String?
  /// The file as the manifest writes it (relative to the manifest), for display.
  public var fileName: String
  public var notes: [String]
  public var columns: [ManifestColumn]
  /// The manifest's own path.
  public var path: String

  /// The one-line provenance shown under results: `befolkning (Danmarks Statistik FOLK1A, 2005–2023)`.
  public var provenanceLine: String {
    "\(name) (\(cite ?? source), \(period))"
  }

  /// The column called `name`, if the manifest describes it.
  public func column(_ name: String) -> ManifestColumn? {
    columns.first { $0.name == name }
  }
}
