/// How much a result's footer says (`.footer full|short|off`).
///
/// `full` prints every line (the shell's default); `short` one line with the result's name,
/// its sources, N and filters (what records and reports use; `--present` keeps its own fitted footer); `off` none.
/// Whatever the style, a result from generated data keeps its illustrative label, and
/// `.notes` prints the full footer of the last result.
package enum FooterStyle: String, Sendable, Equatable, CaseIterable {
  case full
  case short
  case off
}
