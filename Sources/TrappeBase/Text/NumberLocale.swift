/// The convention used to spell numbers in rendered tables.
///
/// - `plain`: a decimal point and no grouping, as code and CSV files write numbers.
/// - `danish`: a decimal comma, and a thousands point for numbers with five or
///   more integer digits (so years such as 2008 stay ungrouped).
package enum NumberLocale: Sendable, Equatable, CaseIterable {
  case plain
  case danish
}
