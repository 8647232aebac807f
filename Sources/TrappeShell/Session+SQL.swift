import TrappeBase
import TrappeStorage
import TrappeQuery

extension Session {
  /// `explain sql`: the plan as one DuckDB statement, to paste into `duckdb` started in the
  /// project root. Tables read from CSV become `read_csv`; `let` tables and earlier results
  /// are inlined from the plans that computed them.
  func sql(of plan: LogicalPlan, source: SourceText, range: SourceRange) throws(Diagnostic) -> String {
    let directory = Environment.value("PWD") ?? ""
    var compiler = SQLCompiler(dialect: DuckDBDialect()) { [unowned self] name, table in
      let entry = self.catalog.entry(name)
      guard let entry, entry.table == table else { return nil }
      return entry.sqlSource(relativeTo: directory)
    }
    do throws(SQLError) {
      return try compiler.statement(plan)
    } catch {
      throw source.diagnostic("explain sql: " + error.message, at: range, hints: error.hints)
    }
  }
}
