/// Hints for words that SQL, dplyr, pandas and DuckDB users type out of habit.
///
/// Each maps a habit to how Trappe says it; the parser and binder add the hint to the
/// error they would give anyway, so a habit costs one look instead of a search.
package enum HabitHints {
  /// A word used where a stage was expected (`kommuner | filter vip2`).
  package static func stage(_ word: String) -> String? {
    switch word.lowercased() {
    case "filter", "subset", "query": return "Trappe filters with where: T | where vip2"
    case "head", "slice", "slice_head": return "Trappe takes the first rows with take: T | take 5"
    case "tail": return "sort the other way and take: T | sort by KEY desc | take 5"
    case "mutate", "transform", "assign", "withcolumn": return "Trappe adds columns with extend: T | extend x = a / b"
    case "group", "groupby", "group_by", "aggregate", "agg":
      return "Trappe groups with summarize ... by: T | summarize n = count(), s = sum(x) by region"
    case "arrange", "order_by", "sort_values": return "Trappe sorts with sort by: T | sort by x desc"
    case "having": return "filter after summarize with another where: T | summarize n = count() by k | where n > 5"
    case "melt", "pivot_longer": return "Trappe reshapes with unpivot: T | unpivot a, b into name, value"
    case "pivot_wider", "spread": return "Trappe reshapes with pivot (.help pivot)"
    case "rename_with": return "Trappe renames with rename: T | rename new = old"
    case "left_join", "inner_join", "merge": return "Trappe joins with join: T | join U on key (.help join)"
    default: return nil
    }
  }

  /// A word found where a table name was expected at the start (`SELECT kommune FROM kommuner`, `help`).
  package static func start(_ word: String) -> String? {
    switch word.lowercased() {
    case "select": return "SQL's SELECT a FROM t WHERE c is written t | where c | select a in Trappe"
    case "help": return "type .help (with a dot) for help"
    case "exit", "quit", "q": return "type .quit (with a dot), or press Ctrl-D, to leave"
    case "tables", "show": return "type .tables (with a dot) to list the tables"
    case "describe", "desc", "schema": return "type .describe TABLE (with a dot) to see a table's columns"
    case "load", "import", "read": return "type .load FILE (with a dot) to load a file"
    default: return nil
    }
  }

  /// A word left over after a stage (`select kommune as navn`, `where kommune like "Sl%"`).
  package static func leftover(_ word: String, afterStage stage: String) -> String? {
    switch word.lowercased() {
    case "as": return "to name a column write NAME = EXPRESSION: select navn = kommune"
    case "like", "ilike":
      return "use startswith(kommune, \"Sl\"), endswith(...) or contains(kommune, \"sl\") instead of like"
    case "group" where stage == "summarize": return "write summarize ... by KEY (without 'group')"
    case "group": return "Trappe groups with summarize ... by: T | summarize n = count() by region"
    case "from": return "a pipeline starts with the table: T | select a, b (not select a from T)"
    case "limit" where stage != "take": return "write take N as a stage of its own: T | sort by x | take 5"
    default: return nil
    }
  }

  /// The hint for a `,` right after a number (`100,5`, a Danish decimal comma).
  package static let decimalComma = "decimals are written with a point: 100.5, not 100,5"

  /// A meta command from another tool (`.schema`, `.import`).
  package static func command(_ name: String) -> String? {
    switch name.lowercased() {
    case "schema", "columns", "info", "str": return "use .describe TABLE to see a table's columns"
    case "import", "open", "attach", "source": return name.lowercased() == "source" ? "use .read FILE to run a script" : "use .load FILE [as NAME] to load a file"
    case "output", "once", "export", "write": return "use .save TABLE FILE to write a file, or .record FILE.md for a report"
    case "exit", "q!": return "use .quit"
    case "show", "ls", "list": return "use .tables (or .datasets)"
    case "headers", "nullvalue": return "not a setting in Trappe; .help lists the commands"
    default: return nil
    }
  }
}

extension Token {
  /// Whether the token is a number literal.
  var isNumber: Bool {
    switch kind {
    case .integer, .double: return true
    default: return false
    }
  }
}
