/// A municipality (code digits or lower-cased name) and year in a ``PeerSideVariable``.
struct PeerSideKey: Hashable, Sendable {
  let municipality: String
  let year: Int64?
}
