import TrappeBase

/// One `| stage` of a pipeline.
package struct Stage: Sendable, Equatable {
  /// What the stage does.
  package enum Kind: Sendable, Equatable {
    case `where`(Expression)
    case select([NamedExpression])
    case extend([NamedExpression])
    /// `summarize AGGREGATES [by KEYS]`.
    case summarize(aggregates: [NamedExpression], by: [NamedExpression])
    case sort([SortKey])
    /// `top N by KEYS`.
    case top(count: Int, countRange: SourceRange, by: [SortKey])
    case take(count: Int, countRange: SourceRange)
    /// `distinct COL, ...`; an empty list means every column.
    case distinct([NamedExpression])
    case count
    /// `join [kind=inner|left|anti] (PIPELINE) on KEYS`.
    case join(kind: JoinKind, right: Pipeline, on: [JoinCondition])
    case union(Pipeline)
    /// `pivot KEY values AGG(EXPR) [by COLS]`.
    case pivot(key: Expression, value: NamedExpression, by: [NamedExpression])
    /// `unpivot COL, ... [into NAME, VALUE]`.
    case unpivot(columns: [Expression], nameColumn: String, valueColumn: String)
    /// `rename NEW = OLD, ...`.
    case rename([RenamePair])
    /// An analysis command used as a stage: `... | bench i_gang for Slagelse`.
    case analysis(AnalysisSpec)
    /// `chart KIND [NAME=VALUE ...]`: draws the result; only as the last stage.
    case chart(ChartSpec)
  }

  /// What the stage does.
  package var kind: Kind
  /// The stage keyword (`where`, `summarize`, ...), for messages.
  package var keyword: String
  /// The whole stage's text.
  package var range: SourceRange
  /// The keyword's text.
  var keywordRange: SourceRange

  init(kind: Kind, keyword: String, range: SourceRange, keywordRange: SourceRange) {
    self.kind = kind
    self.keyword = keyword
    self.range = range
    self.keywordRange = keywordRange
  }
}

/// How a `join` keeps rows.
package enum JoinKind: String, Sendable, Equatable, CaseIterable {
  case inner
  case left
  case anti
}

/// One key of a `join ... on`: a column both sides share, or `left.a == right.b`.
package enum JoinCondition: Sendable, Equatable {
  case same(name: String, range: SourceRange)
  case equal(left: Expression, right: Expression)
}

/// `NEW = OLD` in `rename`.
package struct RenamePair: Sendable, Equatable {
  var newName: String
  var newRange: SourceRange
  var oldName: String
  var oldRange: SourceRange
  init(newName: String, newRange: SourceRange, oldName: String, oldRange: SourceRange) {
    self.newName = newName
    self.newRange = newRange
    self.oldName = oldName
    self.oldRange = oldRange
  }
}
