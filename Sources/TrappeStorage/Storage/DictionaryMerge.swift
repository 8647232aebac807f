/// A string dictionary built by appending others in turn: a string keeps the code it got
/// first, and each appended dictionary gets the remap from its codes to the merged ones.
/// Used where string columns are joined: concat and union, and the CSV loader's morsels.
package struct DictionaryMerge {
  /// The merged strings, in order of first appearance.
  package private(set) var dictionary: [String] = []
  private var lookup: [String: UInt32] = [:]

  package init() {}

  /// Starts from `first` as it is, so its codes stay valid (a string it holds twice keeps its first code).
  package init(keeping first: [String]) {
    dictionary = first
    lookup.reserveCapacity(first.count)
    for (code, text) in first.enumerated() where lookup[text] == nil { lookup[text] = UInt32(code) }
  }

  /// Adds `other`'s new strings and returns, for each of its codes, the merged code.
  package mutating func append(_ other: [String]) -> [UInt32] {
    var remap = [UInt32](repeating: 0, count: other.count)
    for (code, text) in other.enumerated() {
      if let known = lookup[text] {
        remap[code] = known
      } else {
        let new = UInt32(dictionary.count)
        dictionary.append(text)
        lookup[text] = new
        remap[code] = new
      }
    }
    return remap
  }
}
