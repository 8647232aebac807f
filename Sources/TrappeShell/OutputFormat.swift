
/// How results are printed: a box table for people, or a machine format.
package enum OutputFormat: String, Sendable, CaseIterable {
  case box
  case markdown
  case csv
  case tsv
  case json
}
