/// What the session knows about the result a chart draws: the query that made it, the
/// analysis (if any) and its measure's unit. The chart's default title, axis units and
/// default kind come from here (``ChartModel/resolve(_:options:context:)``).
package struct ChartContext: Sendable, Equatable {
  /// The query before `| chart`, on one line (the default title).
  package var query: String?
  /// The last analysis of the pipeline, lower-cased (`bench`, `gap`, `survival`, `flow`, ...).
  package var analysis: String?
  /// The unit of the value columns (the measure's `unit "%"`), when known.
  package var unit: String?

  package init(query: String? = nil, analysis: String? = nil, unit: String? = nil) {
    self.query = query
    self.analysis = analysis
    self.unit = unit
  }
}
