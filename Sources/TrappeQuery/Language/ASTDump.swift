import TrappeBase

/// Prints statements, stages and expressions as compact S-expressions, for tests and `explain`.
///
/// `T | where runde == 5 | take 3` dumps as
/// `(pipeline T (where (== (col runde) 5)) (take 3))`.
enum ASTDump {
  /// The S-expression of a statement.
  static func dump(_ statement: Statement) -> String {
    switch statement {
    case .pipeline(let pipeline): return dump(pipeline)
    case .let(let name, _, let pipeline): return "(let \(quoteName(name)) \(dump(pipeline)))"
    case .explain(let pipeline): return "(explain \(dump(pipeline)))"
    case .explainSQL(let pipeline): return "(explain-sql \(dump(pipeline)))"
    case .display(let d):
      switch d.setting {
      case .label(let text): return "(label \(quoteName(d.column)) \(text.map { "\"\($0)\"" } ?? "none"))"
      case .decimals(let n): return "(format \(quoteName(d.column)) \(n.map(String.init) ?? "none"))"
      }
    case .measure(let m):
      return "(measure \(quoteName(m.name)) \(dump(m.expression))\(m.unit.map { " (unit \"\($0)\")" } ?? "")\(m.direction.map { " (better \($0.rawValue))" } ?? ""))"
    }
  }

  /// The S-expression of a pipeline: `(pipeline SOURCE STAGE ...)`.
  static func dump(_ pipeline: Pipeline) -> String {
    (["(pipeline", quoteName(pipeline.source)] + pipeline.stages.map(dump)).joined(separator: " ") + ")"
  }

  /// The S-expression of a stage, such as `(where (== (col runde) 5))`.
  static func dump(_ stage: Stage) -> String {
    var parts = [stage.keyword]
    switch stage.kind {
    case .where(let condition): parts.append(dump(condition))
    case .select(let items), .extend(let items), .distinct(let items): parts += items.map(dump)
    case .summarize(let aggregates, let keys):
      parts += aggregates.map(dump)
      if !keys.isEmpty { parts.append(list("by", keys.map(dump))) }
    case .sort(let keys): parts += keys.map(dump)
    case .top(let count, _, let keys): parts += [String(count)] + keys.map(dump)
    case .take(let count, _): parts.append(String(count))
    case .count: break
    case .join(let kind, let right, let conditions):
      parts += [kind.rawValue, dump(right), list("on", conditions.map(dump))]
    case .union(let right): parts.append(dump(right))
    case .pivot(let key, let value, let keys):
      parts += [dump(key), list("values", [dump(value)])]
      if !keys.isEmpty { parts.append(list("by", keys.map(dump))) }
    case .unpivot(let columns, let nameColumn, let valueColumn):
      parts += columns.map(dump) + [list("into", [quoteName(nameColumn), quoteName(valueColumn)])]
    case .rename(let pairs):
      parts += pairs.map { list("=", [quoteName($0.newName), quoteName($0.oldName)]) }
    case .chart(let spec):
      parts.append(spec.kind.isEmpty ? "auto" : spec.kind)
      parts += spec.options.map { list($0.name, [dump($0.value)]) }
    case .analysis(let spec):
      parts += spec.positional.map(dump)
      parts += spec.clauses.map { list($0.word, $0.values.map(dump)) }
    }
    return "(" + parts.joined(separator: " ") + ")"
  }

  /// `(= name expr)` or just the expression.
  static func dump(_ item: NamedExpression) -> String {
    guard let name = item.name else { return dump(item.expression) }
    return list("=", [quoteName(name), dump(item.expression)])
  }

  /// `(asc expr)` or `(desc expr)`.
  static func dump(_ key: SortKey) -> String {
    list(key.descending ? "desc" : "asc", [dump(key.expression)])
  }

  /// A column name or `(== left right)`.
  static func dump(_ condition: JoinCondition) -> String {
    switch condition {
    case .same(let name, _): return quoteName(name)
    case .equal(let left, let right): return list("==", [dump(left), dump(right)])
    }
  }

  /// `(head a b ...)`.
  static func list(_ head: String, _ items: [String]) -> String {
    "(" + ([head] + items).joined(separator: " ") + ")"
  }

  /// A name as is when it is a plain word, else in backquotes.
  static func quoteName(_ name: String) -> String {
    let plain = !name.isEmpty && name.unicodeScalars.allSatisfy {
      $0.properties.isAlphabetic || $0 == "_" || ("0"..."9").contains($0)
    }
    return plain ? name : "`\(name)`"
  }
}
