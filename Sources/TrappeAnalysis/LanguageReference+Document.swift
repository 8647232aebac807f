import TrappeQuery

extension LanguageEntry {
  /// The language reference as Markdown; `docs/language.md` is this text (a test keeps them equal).
  static func referenceDocument() -> String {
    var out = """
      # The Trappe query language

      A query is a table followed by stages joined with `|`. Each stage takes the table the
      stage before it produced and hands a new one on:

      ```
      kommunepanel
      | where aar == 2008
      | summarize ledige = sum(fuldtidsledige), indbyggere = sum(befolkning) by region
      | extend andel = round(100.0 * ledige / indbyggere, 2)
      | top 3 by andel
      ```

      A line that starts with `|` continues the query above it, in the shell and in scripts.
      `let NAME = ...` keeps a result as a table, `_` is the last result and `out3` the third,
      `explain ...` shows the plan and `explain sql ...` the same query as one DuckDB statement
      ([sql.md](sql.md)). `#` and `//` start comments. Every example below runs in the tests
      against the built-in datasets `kommunepanel` and `kommuner` (real figures
      from Statistics Denmark; `.datasets` lists them with their sources).

      ## Values and types

      - Types: `int` (64-bit), `double`, `bool`, `string` (UTF-8, æøå welcome), `period`.
      - Literals: `42`, `1.5`, `"Aarhus"` or `'Aarhus'`, `true`, `false`, `null`, and periods:
        `2008Q3` or the Danish `2008K3` (quarter), `2008-09` or `2008M09` (month), `2008W12` or
        `2008U12` (ISO week). A bare `2008` is a number; compared with a aar period it means that aar.
      - Names: letters (æøå too), digits and `_`; anything else in backquotes:
        `` `Antal fuldtidspersoner` ``. Column names match exactly, or ignoring case when that is unique.

      ## Arithmetic

      - `+ - * %` on two ints give an int; if either side is a double the result is a double.
      - `/` always gives a double: `3 / 4` is `0.75`, never `0`.
      - Division or remainder by zero gives NULL, and the shell prints how many times it happened.
        An int result that overflows 64 bits is NULL, also with a warning.
      - Periods: `p + 1` and `p - 1` are the next and previous period of the same unit;
        `p - q` is the number of periods between two periods of the same unit.

      ## NULL

      - Arithmetic, comparisons and functions with a NULL input give NULL.
      - `and`, `or` and `not` use three-valued logic: `false and null` is false, `true or null` is
        true, otherwise a NULL operand gives NULL; `not null` is NULL.
      - `where` keeps only rows whose condition is true: NULL drops the row.
      - `x is null`, `x is not null` and `x ?? y` (the same as `coalesce(x, y)`) handle NULL explicitly.
      - Aggregates skip NULLs; `count()` counts rows, `count(x)` non-NULL values; a sum, mean,
        minimum or maximum over no values is NULL.
      - Sorting puts NULLs last, ascending or descending; in grouping and `distinct`, NULL is a value.
      - Joins never match NULL keys.

      ## Precedence

      From loosest to tightest: `??`; `or`; `and`; `not`; comparisons (`==`, `!=`, `<`, `<=`, `>`,
      `>=`, `in`, `between`, `is null`); `+ -`; `* / %`; unary `-`.

      """
    func section(_ title: String, _ entries: [LanguageEntry]) {
      out += "\n## \(title)\n"
      for entry in entries {
        out += "\n### \(entry.name)\n\n`\(entry.syntax)`\n\n\(entry.summary)\n\n```\n\(entry.example)\n```\n"
      }
    }
    section("Stages", stages)
    section("Analyses", analyses)
    section("Functions", scalars)
    section("Aggregates", aggregates)
    section("Window functions", windows)
    out += """

      ## Errors

      Every error shows the line with carets under the exact span, the stage it happened in,
      and the nearest table, column or function name when you misspelt one:

      ```
      trappe> kommunepanel | where populaton > 1000
      error: unknown column 'populaton'
        1 | kommunepanel | where populaton > 1000
          |                      ^^^^^^^^^
      hint: did you mean 'befolkning'?
      hint: columns: kommunekode, kommune, region, vip2, aar, befolkning, fuldtidsledige, kontanthjaelp_jan
      hint: in stage 1: where
      ```

      Division by zero and similar problems do not stop a query: the value becomes NULL and a
      warning after the result says how many times it happened
      (`warning: 2 divisions by zero gave NULL`). Ctrl-C stops a long query and changes nothing.

      """
    return out
  }
}
