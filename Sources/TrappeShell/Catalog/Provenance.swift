import TrappeDatasets

/// Where a table came from: a dataset, a file, or a statement over other tables, down to the
/// datasets and files at the bottom of the chain.
struct Provenance: Sendable, Equatable {
  /// One real source at the bottom of a chain: a dataset or a loaded file.
  struct Leaf: Sendable, Equatable {
    /// How the footer names it: `kommunepanel (Danmarks Statistik …, 2007–2022)` or a file path.
    var line: String
    /// Whether its data are generated (illustrative), not real.
    var illustrative: Bool
    /// The file the data were read from.
    var file: String? = nil
  }

  /// What the table is.
  enum Origin: Sendable, Equatable {
    /// A dataset of the registry (built-in or `--data`), loaded on first use.
    case dataset(DatasetManifest)
    /// A file loaded with `.load`; `dataset` is set when its bytes equal a dataset's CSV, and then
    /// `contentHash` is their FNV-1a hash (a file of no dataset's size is not read twice to hash it).
    case file(path: String, contentHash: String?, dataset: DatasetManifest?)
    /// Put in by the program that drives the session (tests, embedding), described by `description`.
    case given(description: String)
    /// Computed by a statement (`let`, a query result) from `inputs`, named as the statement named them.
    case derived(statement: String, inputs: [String])
    /// A table of an attached engine (`duckdb.forloeb`), read by the statement `sql` at `time`.
    case engine(engine: String, sql: String, time: String)
  }

  var origin: Origin
  /// The real sources at the bottom of the chain, each once, in the order first met.
  var leaves: [Leaf]

  /// The real sources as one line, `; `-separated.
  var leafLines: String { leaves.map(\.line).joined(separator: "; ") }

  /// Whether any source of the table is generated data.
  var illustrative: Bool { leaves.contains { $0.illustrative } }

  /// The dataset whose manifest describes the table's columns (a dataset, or a file with its bytes).
  var manifest: DatasetManifest? {
    switch origin {
    case .dataset(let manifest): return manifest
    case .file(_, _, let dataset): return dataset
    case .derived, .given, .engine: return nil
    }
  }

  /// A dataset's provenance.
  static func dataset(_ manifest: DatasetManifest) -> Provenance {
    Provenance(
      origin: .dataset(manifest),
      leaves: [Leaf(line: manifest.provenanceLine, illustrative: manifest.kind == .illustrative, file: manifest.file)])
  }

  /// A loaded file's provenance; a file with the bytes of a dataset's CSV is that dataset's data,
  /// and a file that starts with the illustrative label (a `.save` of generated data) is illustrative.
  static func file(
    _ path: String, contentHash: String?, dataset: DatasetManifest?, labelledIllustrative: Bool = false
  ) -> Provenance {
    var line = dataset.map { "\(path) = \($0.provenanceLine)" } ?? path
    if labelledIllustrative && dataset == nil { line += " (saved from illustrative data)" }
    return Provenance(
      origin: .file(path: path, contentHash: contentHash, dataset: dataset),
      leaves: [Leaf(line: line, illustrative: dataset?.kind == .illustrative || labelledIllustrative, file: path)])
  }

  /// The provenance of a table computed by `statement` from `inputs`: their leaves, each once.
  static func derived(statement: String, inputs: [(name: String, provenance: Provenance)]) -> Provenance {
    var leaves: [Leaf] = []
    for input in inputs {
      for leaf in input.provenance.leaves where !leaves.contains(leaf) { leaves.append(leaf) }
    }
    return Provenance(origin: .derived(statement: statement, inputs: inputs.map(\.name)), leaves: leaves)
  }
}
