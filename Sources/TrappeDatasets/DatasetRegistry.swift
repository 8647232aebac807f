import TrappeBase
import TrappeStorage
import TrappeIO

/// The datasets Trappe knows: their manifests, read at start-up, and their tables, loaded on first use.
package final class DatasetRegistry {
  /// Dataset names in the order their directories and files were read.
  package private(set) var names: [String] = []
  /// Manifests that could not be read, reported by `.datasets`.
  package private(set) var problems: [Diagnostic] = []
  private var manifests: [String: DatasetManifest] = [:]
  /// Where parsed tables are kept between runs, so a dataset loads without parsing its CSV again.
  private let cache: DatasetCache?

  /// An empty registry.
  package init() {
    cache = nil
  }

  /// Reads every `*.manifest` in `directories`; a later directory's dataset replaces an earlier one
  /// of the same name. With a `cache`, tables are stored after their first load and read from it
  /// while the CSV and manifest are unchanged.
  package init(directories: [String], cache: DatasetCache? = nil) {
    self.cache = cache
    for directory in directories {
      for entry in Directory.entries(directory) where entry.hasSuffix(".manifest") {
        let path = directory + "/" + entry
        do throws(Diagnostic) {
          let text: String
          do throws(SystemError) {
            text = try TextFile.read(path)
          } catch {
            throw Diagnostic(.error, "cannot read \(path): \(error.reason)")
          }
          let manifest = try DatasetManifest.parse(text, path: path)
          guard manifest.name + ".manifest" == entry else {
            throw Diagnostic(
              .error, "\(path) names the dataset '\(manifest.name)'; the file must be called \(manifest.name).manifest")
          }
          if manifests.updateValue(manifest, forKey: manifest.name) == nil { names.append(manifest.name) }
        } catch {
          problems.append(error)
        }
      }
    }
  }

  /// The manifest of dataset `name`.
  package func manifest(_ name: String) -> DatasetManifest? { manifests[name] }

  /// Every manifest, in order.
  package var all: [DatasetManifest] { names.compactMap { manifests[$0] } }

  /// Loads dataset `name`: from the cache when it is fresh, else from its CSV.
  package func load(_ name: String) throws(Diagnostic) -> Table? {
    guard let manifest = manifests[name] else { return nil }
    let fingerprint = DatasetCache.fingerprint(files: [manifest.file, manifest.path], extra: manifest.name)
    if let cached = cache?.cachedTable(for: name, fingerprint: fingerprint),
      cached.rowCount == manifest.rows, cached.schema.names == manifest.columns.map(\.name)
    {
      return cached
    }
    // Int columns in their narrowest width, whichever reader made the table.
    let table = try parse(manifest).narrowed()
    cache?.store(table, for: name, fingerprint: fingerprint)
    return table
  }

  /// Reads a dataset's CSV with the manifest's column types, checking columns and row count.
  private func parse(_ manifest: DatasetManifest) throws(Diagnostic) -> Table {
    var options = CSVReadOptions()
    options.decimalSeparator = manifest.decimal
    options.delimiter = manifest.delimiter
    options.encoding = manifest.encoding
    for column in manifest.columns { options.typeOverrides[column.name] = column.type }
    let table: Table
    do throws(CSVError) {
      table = try CSVReader.read(file: manifest.file, options: options).table
    } catch {
      throw manifestDiagnostic(error, manifest)
    }
    let names = table.schema.names
    let declared = manifest.columns.map(\.name)
    guard names == declared else {
      let missing = names.filter { !declared.contains($0) }
      throw Diagnostic(
        .error, "\(manifest.file) does not match its manifest \(manifest.path)",
        hints: [
          "the file's columns: \(names.joined(separator: ", "))",
          missing.isEmpty ? "the manifest lists columns in another order or too many" : "not described: \(missing.joined(separator: ", "))",
        ])
    }
    guard table.rowCount == manifest.rows else {
      throw Diagnostic(
        .error, "\(manifest.file) has \(table.rowCount) rows, but its manifest says \(manifest.rows)",
        hints: ["regenerate the file or correct 'rows:' in \(manifest.path)"])
    }
    return table
  }
}
