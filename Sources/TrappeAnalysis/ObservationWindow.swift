import TrappeStorage

/// The weeks a dataset observes, from its manifest's `period` (`2007W01–2009W26 (illustrative)`).
///
/// `survival` censors spells still running at the window's end and treats spells starting in
/// its first week as possibly begun earlier, whatever rows a filter kept (the rows' own first
/// and last weeks are only the fallback for a table without a manifest).
package struct ObservationWindow: Sendable, Equatable {
  /// The first observed week (ordinal).
  package var first: Int32
  /// The last observed week (ordinal).
  package var last: Int32
  /// The dataset whose manifest gives the window.
  package var dataset: String

  package init(first: Int32, last: Int32, dataset: String) {
    self.first = first
    self.last = last
    self.dataset = dataset
  }

  /// The window of a manifest's `period` text when it is two ISO weeks (`2007W01–2009W26`,
  /// an en dash or a hyphen between them, anything after a space ignored); nil otherwise.
  package init?(period: String, dataset: String) {
    let range = period.split(separator: " ", maxSplits: 1).first.map(String.init) ?? period
    let parts = range.split(separator: "–", omittingEmptySubsequences: false)
    let pair = parts.count == 2 ? parts : range.split(separator: "-", omittingEmptySubsequences: false)
    guard pair.count == 2, let from = Period(String(pair[0])), let to = Period(String(pair[1])),
      from.unit == .week, to.unit == .week, from.ordinal <= to.ordinal
    else { return nil }
    self.init(first: from.ordinal, last: to.ordinal, dataset: dataset)
  }

  /// `2007W01–2009W26`.
  package var text: String {
    "\(Period(unit: .week, ordinal: first))–\(Period(unit: .week, ordinal: last))"
  }
}
