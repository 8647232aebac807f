import TrappeQuery

extension SQLError {
  /// The refusal of `explain sql` for a stage with `ci`: its interval columns (named in `columns`)
  /// are computed by Trappe only; the stage without `ci` compiles.
  static func intervalsNotCompiled(_ summary: String, columns: String) -> SQLError {
    SQLError(
      "\(summary): ci has no SQL form, it is not compiled (\(columns) computed by Trappe only)",
      hints: ["explain sql the stage without ci (or after .ci off) for the point values"])
  }
}
