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
      ([sql.md](sql.md)).

      ## Lines, comments and parameters

      - A statement goes on to the next line while a bracket is open, or when its line ends with
        `|`, `,` or an operator; the shell then shows the `...>` prompt. A string ends on its
        line (write `\n` for a line break), so a missing quote is reported where the string starts.
      - In scripts, a line that starts with `|` continues the statement above it. In the shell,
        a statement runs as soon as it is complete; a line typed after it that starts with `|`
        continues the last query that succeeded: the shell runs it again with the line added,
        and the longer result replaces the shorter one (it keeps its number, `out2`). So typing
        a script's lines one by one ends with the result the script gives, and pasted lines run
        once. A `|` line after a command (`.locale da`) or a failed statement is an error; a
        failed `|` line leaves the query as it was, to be typed again.
      - In a script, an unindented line that starts a statement (a table name followed by `|`,
        `let`, `explain`, `measure` or a `.` command) ends a statement left open by a trailing
        `,` or `|`, so the dangling comma is reported on its own line.
      - Comments: `--` and `#` comment out the rest of a line, on a line of their own or after a
        statement or a `.` command, the same in the shell, in scripts and in `-c`. `//` is not a
        comment (it is an error that says so); `/` divides.
      - Parameters: `$NAME` is replaced by a parameter's value, given after a script's name
        (`trappe rapport.trp kommune=Høje-Taastrup runde=5`), to `.read FILE NAME=VALUE`, or by
        `.set NAME VALUE`. The value is data, never syntax: a number stays a number and anything
        else becomes a string literal, so `for $kommune` reads `for "Høje-Taastrup"` and
        `kommune == $kommune` compares with that string; inside quotes (`"$kommune"`) the value is
        inserted as text. In a `.` command line (`.save out_$kommune.csv`) it is inserted as
        typed. `$$` is a literal `$`; an unknown `$NAME` is an error naming the parameters there are.

      Every entry below has an example and, under it, what `trappe --format csv -c EXAMPLE`
      prints. A test (`LanguageReferenceTests`) runs each example and compares its output with
      that text; only the `chart` example, whose output is a drawing, is just run. The expected
      results were computed without Trappe: in DuckDB from the same CSV files
      (`Tests/analyses/help_examples.py`, which also checks this document), or by hand where a
      comment there says so. The examples of stages, functions, aggregates and window functions
      run on the built-in datasets `kommunepanel` and `kommuner` (real figures from Statistics
      Denmark; `.datasets` lists them with their sources), and so does the `peers` example. The
      other analysis examples run on `resultater` (bench, decompose, gap) and `forloeb` (flow,
      survival), which are generated: illustrative data, not real results.
      The same test (`proseExamples`) runs the pipeline above and checks what the sections
      below say about `3 / 4`, `false and null`, `true or null`, `not null`, `??`, the
      division-by-zero warning and the error transcript; the other fragments in them only
      show the syntax.

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
        An int result that overflows 64 bits is NULL, also with a warning, and so is a double
        result beyond the double range (`1e308 * 10`): Trappe never computes inf or NaN.
      - Periods: `p + 1` and `p - 1` are the next and previous period of the same unit;
        `p - q` is the number of periods between two periods of the same unit.

      ## Comparisons

      - `==`, `!=`, `<`, `<=`, `>`, `>=` compare numbers by value (an int with a double as
        doubles), periods of one unit in time order, and bools with `false < true`.
      - Strings: `==` and `!=` are exact. `<`, `<=`, `>`, `>=` (and `between`) use the Danish
        alphabetical order that `sort`, `top`, `min` and `max` use: letters first regardless of
        case and accents, then upper case before lower case, so `"a" < "B"` and `"B" < "b"`;
        `æ`, `ø`, `å` come after `z` (`"Ærø" < "Århus"`), and `aa` is two a's, not `å`
        (`"Aabenraa" < "Ærø"`). Only identical strings tie.

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

      ## Windows

      - `extend x = f(...) over KEY order by KEY` computes f within each partition (the rows with
        equal KEY) in the given order. Several keys need parentheses: `over (region, aar)`,
        `order by (aar, kommune desc)`; after a window a comma starts the next `extend` item
        (`order by aar, s = ...`), so `over region, aar` is an error.
      - An aggregate with `order by` gives running values: each row sees its partition from the
        start up to itself, including the rows that tie with it on the order keys (SQL's default
        frame); without `order by` it sees the whole partition. `first`/`last` take the first/last
        non-NULL value in the window's order.
      - `prev`, `next`, `change`, `running_sum` and `row_number` go row by row (ties keep input
        order). Ordered by a period or year column, they warn when a row is compared with one
        more than one period away (after `where aar in (2009, 2019)`, `change` is a 10-year change).

      ## Precedence

      From loosest to tightest: `??`; `or`; `and`; `not`; comparisons (`==`, `!=`, `<`, `<=`, `>`,
      `>=`, `in`, `between`, `is null`); `+ -`; `* / %`; unary `-`.

      """
    func section(_ title: String, _ entries: [LanguageEntry], intro: String? = nil) {
      out += "\n## \(title)\n"
      if let intro { out += "\n\(intro)\n" }
      for entry in entries {
        out += "\n### \(entry.name)\n\n`\(entry.syntax)`\n\n\(entry.summary)\n\n```\n\(entry.example)\n```\n"
        if let result = entry.result {
          out += "\nResult:\n\n```csv\n\(result)\n```\n"
        } else {
          out += "\n(Draws a chart; this example only has to run.)\n"
        }
      }
    }
    section("Stages", stages)
    section(
      "Analyses", analyses,
      intro:
        "Illustrative data, not real results: the bench, decompose and gap examples run on the generated dataset "
        + "`resultater`, flow and survival on the generated `forloeb`. The peers example compares municipalities "
        + "on `kommunepanel` (real figures).")
    section("Functions", scalars)
    section("Aggregates", aggregates)
    section("Window functions", windows)
    out += """

      ## Errors

      Every error shows the line with carets under the exact span, the stage it happened in,
      and the nearest table, column or function name when you misspelt one:

      ```
      trappe> kommunepanel | where befolknig > 1000
      error: unknown column 'befolknig'
        1 | kommunepanel | where befolknig > 1000
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
