extension LogicalPlan {
  /// The output column names of the analyses in the plan whose notes define their columns
  /// (``AnalysisOperator/notesDefineColumns``: `bench`, `gap`), so a footer can leave out the
  /// notes defining analysis columns the result no longer has.
  package var analysisColumns: [String] {
    switch self {
    case .scan: return []
    case .analysis(let c, let node):
      return c.analysisColumns + (node.operation.notesDefineColumns ? node.operation.columns.map(\.name) : [])
    case .filter(let c, _), .project(let c, _), .aggregate(let c, _, _), .window(let c, _), .sort(let c, _),
      .topN(let c, _, _), .limit(let c, _), .distinct(let c), .pivot(let c, _, _, _), .unpivot(let c, _, _, _, _),
      .count(let c), .materialized(let c, _):
      return c.analysisColumns
    case .join(let l, let r, _, _, _, _, _), .union(let l, let r, _):
      return l.analysisColumns + r.analysisColumns
    }
  }
}
