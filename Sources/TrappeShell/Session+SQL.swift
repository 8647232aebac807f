import TrappeBase
import TrappeQuery
import TrappeStorage

extension Session {
  /// `explain sql`: the plan as one statement in the dialect `.sqldialect` chose (DuckDB's by
  /// default, to paste into `duckdb` started in the project root). Tables read from CSV become
  /// `read_csv` (in Spark SQL, temporary views created by statements printed before the query);
  /// `let` tables and earlier results are inlined from the plans that computed them.
  func sql(of plan: LogicalPlan, source: SourceText, range: SourceRange) throws(Diagnostic) -> String {
    let directory = Environment.value("PWD") ?? ""
    var compiler = SQLCompiler(dialect: settings.sqlDialect.dialect) { [unowned self] name, table in
      // The entry the plan read: `_` in a kept plan meant the result before it, which is no
      // longer `_`, so an entry is matched by its table, the name's first, then the results.
      let candidates = [self.catalog.entry(name)].compactMap { $0 } + self.catalog.results.reversed()
      guard let entry = candidates.first(where: { $0.table == table }) else { return nil }
      return entry.sqlSource(relativeTo: directory)
    }
    do throws(SQLError) {
      let statement = try compiler.statement(plan)
      for note in compiler.notes { notice("note: " + note) }
      return compiler.setup.map { $0 + ";\n" }.joined() + statement
    } catch {
      throw source.diagnostic("explain sql: " + error.message, at: range, hints: error.hints)
    }
  }
}
