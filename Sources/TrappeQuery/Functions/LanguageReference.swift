
/// The `.help` entries for the query language: every stage and function, with an example.
///
/// The examples run against the built-in datasets `kommunepanel` and `kommuner`;
/// a test runs every one of them.
package struct LanguageEntry: Sendable {
  /// What kind of thing the entry documents.
  package enum Kind: String, Sendable {
    case stage
    case scalar = "function"
    case aggregate
    case window = "window function"
    case analysis
  }

  package let name: String
  let kind: Kind
  package let syntax: String
  package let summary: String
  package let example: String

  package init(name: String, kind: Kind, syntax: String, summary: String, example: String) {
    self.name = name
    self.kind = kind
    self.syntax = syntax
    self.summary = summary
    self.example = example
  }

  /// The text `.help NAME` prints.
  package var manual: String {
    "\(syntax)\n\n\(summary)\n\n\(kind.rawValue)\n\nExample:\n  \(example)"
  }
}

extension LanguageEntry {
  /// The query language's entries, with the `analyses` (from the layer above) after the stages.
  package static func reference(analyses: [LanguageEntry]) -> [LanguageEntry] {
    stages + analyses + scalars + aggregates + windows
  }

  package static let stages: [LanguageEntry] = [
    .init(
      name: "from", kind: .stage, syntax: "[from] TABLE | stage | ...",
      summary: "Start a pipeline from a table; the word from is optional. _ is the last result, out3 the third.",
      example: "from kommunepanel | take 3"),
    .init(
      name: "where", kind: .stage, syntax: "| where CONDITION",
      summary: "Keep the rows where the condition is true (NULL counts as not true).",
      example: "kommunepanel | where aar == 2008 and region == \"Region Sjælland\" | count"),
    .init(
      name: "select", kind: .stage, syntax: "| select COLUMN, NAME = EXPRESSION, ...",
      summary: "Keep only these columns, or compute new ones, in this order.",
      example: "kommunepanel | select kommune, aar, ledige = fuldtidsledige | take 3"),
    .init(
      name: "extend", kind: .stage, syntax: "| extend NAME = EXPRESSION, ...",
      summary: "Add columns (or replace one with the same name), keeping all the others.",
      example: "kommunepanel | extend pct = round(100.0 * fuldtidsledige / befolkning, 2) | take 3"),
    .init(
      name: "summarize", kind: .stage, syntax: "| summarize NAME = AGGREGATE(EXPRESSION), ... [by KEY, ...]",
      summary: "One row per combination of the keys, with aggregates over its rows. Ratios: divide sums, not averages.",
      example: "kommunepanel | where aar == 2008 | summarize ledige = sum(fuldtidsledige), indbyggere = sum(befolkning) by region"),
    .init(
      name: "sort", kind: .stage, syntax: "| sort by EXPRESSION [asc|desc], ...",
      summary: "Order the rows (ascending by default; NULLs last; text in Danish order: æ, ø, å after z).",
      example: "kommunepanel | where aar == 2022 | sort by befolkning desc | select kommune, befolkning | take 3"),
    .init(
      name: "top", kind: .stage, syntax: "| top N by EXPRESSION [asc|desc], ...",
      summary: "The first N rows by the keys (descending by default), without sorting everything.",
      example: "kommunepanel | where aar == 2022 | top 3 by befolkning | select kommune, befolkning"),
    .init(
      name: "take", kind: .stage, syntax: "| take N",
      summary: "The first N rows (also: limit N).",
      example: "kommuner | take 3"),
    .init(
      name: "distinct", kind: .stage, syntax: "| distinct [COLUMN, ...]",
      summary: "One row per distinct combination of the columns (all columns when none are named).",
      example: "kommuner | distinct region"),
    .init(
      name: "count", kind: .stage, syntax: "| count",
      summary: "The number of rows, as a one-row table.",
      example: "kommuner | where vip2 | count"),
    .init(
      name: "join", kind: .stage, syntax: "| join [kind=inner|left|anti] (PIPELINE) on KEY, ... | on left.A == right.B",
      summary: "Combine with another table on equal keys. left keeps unmatched rows (NULLs on the right), anti keeps only them.",
      example: "kommunepanel | where aar == 2008 | join (kommuner | select kommunekode, nuts2) on kommunekode | take 3"),
    .init(
      name: "union", kind: .stage, syntax: "| union (PIPELINE)",
      summary: "The rows of both; columns are matched by name and missing ones are NULL.",
      example: "kommuner | where kommune == \"Aarhus\" | union (kommuner | where kommune == \"Slagelse\")"),
    .init(
      name: "pivot", kind: .stage, syntax: "| pivot KEY values AGGREGATE(EXPRESSION) [by COLUMN, ...]",
      summary: "A wide table: one column per distinct KEY value (e.g. one per aar or round).",
      example: "kommunepanel | where aar between 2007 and 2009 | pivot aar values sum(fuldtidsledige) by region | sort by region"),
    .init(
      name: "unpivot", kind: .stage, syntax: "| unpivot COLUMN, ... [into NAME, VALUE]",
      summary: "The reverse of pivot: one row per input row and named column.",
      example: "kommunepanel | where aar == 2008 | select kommune, befolkning, fuldtidsledige | unpivot befolkning, fuldtidsledige into measure, value | take 4"),
    .init(
      name: "rename", kind: .stage, syntax: "| rename NEW = OLD, ...",
      summary: "Give columns new names.",
      example: "kommuner | rename navn = kommune | take 2"),
    .init(
      name: "chart", kind: .stage, syntax: "| chart [KIND] [x=COL] [y=COL] [series=COL] [target=N] [highlight=NAME] ...",
      summary: "Draw the result as a bar, grouped, stacked, column, line, sparkline, histogram, scatter, heatmap or box chart (.help chart).",
      example: "kommuner | summarize kommuner = count() by region | chart bar"),
    .init(
      name: "let", kind: .stage, syntax: "let NAME = PIPELINE",
      summary: "Keep a result as a table called NAME, for later pipelines.",
      example: "let sjaelland = kommuner | where region == \"Region Sjælland\""),
    .init(
      name: "explain", kind: .stage, syntax: "explain PIPELINE",
      summary: "Show the plan the pipeline runs as, after filters and column choices are pushed down.",
      example: "explain kommunepanel | where aar == 2008 | summarize n = sum(befolkning) by region"),
  ]

  package static let scalars: [LanguageEntry] = [
    .init(
      name: "round", kind: .scalar, syntax: "round(x [, digits])",
      summary: "x rounded half away from zero to digits decimals (default 0).",
      example: "kommunepanel | select kommune, aar, pct = round(100.0 * fuldtidsledige / befolkning, 1) | take 3"),
    .init(name: "abs", kind: .scalar, syntax: "abs(x)", summary: "The absolute value.",
      example: "kommunepanel | extend d = abs(change(befolkning) over kommune order by aar) | select kommune, aar, d | take 3"),
    .init(name: "floor", kind: .scalar, syntax: "floor(x)", summary: "The largest whole number not above x.",
      example: "kommunepanel | select kommune, aar, k = floor(befolkning / 1000.0) | take 3"),
    .init(name: "ceil", kind: .scalar, syntax: "ceil(x)", summary: "The smallest whole number not below x.",
      example: "kommunepanel | select kommune, aar, k = ceil(befolkning / 1000.0) | take 3"),
    .init(name: "ln", kind: .scalar, syntax: "ln(x)", summary: "The natural logarithm; NULL (with a warning) for x <= 0.",
      example: "kommunepanel | select kommune, aar, l = round(ln(befolkning), 3) | take 3"),
    .init(name: "sqrt", kind: .scalar, syntax: "sqrt(x)", summary: "The square root; NULL (with a warning) for x < 0.",
      example: "kommunepanel | select kommune, aar, s = round(sqrt(befolkning), 1) | take 3"),
    .init(name: "lower", kind: .scalar, syntax: "lower(text)", summary: "Text in lower case (æøå too).",
      example: "kommuner | select k = lower(kommune) | take 3"),
    .init(name: "upper", kind: .scalar, syntax: "upper(text)", summary: "Text in upper case (ÆØÅ too).",
      example: "kommuner | select k = upper(kommune) | take 3"),
    .init(name: "contains", kind: .scalar, syntax: "contains(text, part)", summary: "Whether text contains part (case-sensitive).",
      example: "kommuner | where contains(kommune, \"borg\") | select kommune"),
    .init(name: "startswith", kind: .scalar, syntax: "startswith(text, part)", summary: "Whether text starts with part.",
      example: "kommuner | where startswith(kommune, \"Fre\") | select kommune"),
    .init(name: "endswith", kind: .scalar, syntax: "endswith(text, part)", summary: "Whether text ends with part.",
      example: "kommuner | where endswith(kommune, \"sund\") | select kommune"),
    .init(name: "length", kind: .scalar, syntax: "length(text)", summary: "The number of characters.",
      example: "kommuner | top 3 by length(kommune) | select kommune"),
    .init(name: "year", kind: .scalar, syntax: "year(period)", summary: "The year of a period.",
      example: "kommunepanel | select aar, y = year(period(aar)) | take 2"),
    .init(name: "quarter", kind: .scalar, syntax: "quarter(period)", summary: "The quarter (1-4) of a quarter or month period.",
      example: "kommuner | select q = quarter(2008K3) | take 1"),
    .init(name: "month", kind: .scalar, syntax: "month(period)", summary: "The month (1-12) of a month period.",
      example: "kommuner | select m = month(2008-09) | take 1"),
    .init(name: "week", kind: .scalar, syntax: "week(period)", summary: "The ISO week (1-53) of a week period.",
      example: "kommuner | select w = week(2008W12) | take 1"),
    .init(name: "period", kind: .scalar, syntax: "period(x)",
      summary: "A period from a aar number or from text like \"2008K3\"; p - 1 is the period before p.",
      example: "kommunepanel | select p = period(aar), forrige = period(aar) - 1 | take 2"),
    .init(name: "string", kind: .scalar, syntax: "string(x)", summary: "x as text.",
      example: "kommuner | select s = string(kommunekode) | take 2"),
    .init(name: "int", kind: .scalar, syntax: "int(x)", summary: "x as a whole number (truncated; NULL if text does not parse).",
      example: "kommuner | select k = int(kommunekode_4) | take 2"),
    .init(name: "double", kind: .scalar, syntax: "double(x)", summary: "x as a decimal number.",
      example: "kommuner | select k = double(kommunekode) | take 2"),
    .init(name: "if", kind: .scalar, syntax: "if(condition, then, else)", summary: "then where the condition is true, else otherwise.",
      example: "kommuner | select kommune, gruppe = if(vip2, \"metode\", \"øvrige\") | take 3"),
    .init(name: "coalesce", kind: .scalar, syntax: "coalesce(a, b, ...)  or  a ?? b", summary: "The first value that is not NULL.",
      example: "kommunepanel | extend forrige = prev(befolkning) over kommune order by aar | select aar, f = forrige ?? 0 | take 2"),
    .init(name: "pow", kind: .scalar, syntax: "pow(x, y)",
      summary: "x to the power y, as a double; a result that is not a finite number (pow(0, -1), pow(-8, 1/3)) is NULL with a warning.",
      example: "kommuner | select kommune, areal_km2, kvadrat = round(pow(areal_km2, 2), 1), rod = round(pow(areal_km2, 0.5), 3) | take 2"),
    .init(name: "exp", kind: .scalar, syntax: "exp(x)",
      summary: "e to the power x, as a double; a result too large for a double is NULL with a warning.",
      example: "kommuner | select kommune, e = round(exp(areal_km2 / 100), 4) | take 2"),
    .init(name: "concat", kind: .scalar, syntax: "concat(a, b, ...)  or  a + b",
      summary: "The texts joined; concat skips NULLs and converts numbers as string() does, while text + text is NULL when either is NULL.",
      example: "kommuner | select navn = concat(kommune, \" (\", kommunekode, \")\") | take 2"),
    .init(name: "substr", kind: .scalar, syntax: "substr(text, start [, length])",
      summary: "Part of the text from character start (1 is the first; negative counts from the end), length characters long (default: to the end).",
      example: "kommuner | select kommune, kort = substr(kommune, 1, 3), slut = substr(kommune, -3) | take 2"),
    .init(name: "replace", kind: .scalar, syntax: "replace(text, from, to)",
      summary: "The text with every occurrence of from replaced by to.",
      example: "kommuner | select r = replace(region, \"Region \", \"\") | distinct r"),
    .init(name: "trim", kind: .scalar, syntax: "trim(text)", summary: "The text without spaces at either end.",
      example: "kommuner | select t = trim(\"  \" + kommune + \" \") | take 2"),
    .init(name: "greatest", kind: .scalar, syntax: "greatest(a, b, ...)",
      summary: "The largest of the numbers in the row, skipping NULLs (NULL only when all are NULL).",
      example: "kommunepanel | select aar, g = greatest(fuldtidsledige, kontanthjaelp_jan) | take 2"),
    .init(name: "least", kind: .scalar, syntax: "least(a, b, ...)",
      summary: "The smallest of the numbers in the row, skipping NULLs (NULL only when all are NULL).",
      example: "kommunepanel | select aar, l = least(fuldtidsledige, kontanthjaelp_jan, 20000) | take 2"),
  ]

  package static let aggregates: [LanguageEntry] = [
    .init(name: "count", kind: .aggregate, syntax: "count()  count(*)  count(x)",
      summary: "The number of rows; count(x) counts rows where x is not NULL.",
      example: "kommuner | summarize n = count() by region"),
    .init(name: "count_distinct", kind: .aggregate, syntax: "count_distinct(x)", summary: "The number of distinct non-NULL values.",
      example: "kommunepanel | summarize kommuner = count_distinct(kommune) by region"),
    .init(name: "sum", kind: .aggregate, syntax: "sum(x)", summary: "The total; NULLs are skipped, NULL when all are NULL.",
      example: "kommunepanel | summarize indbyggere = sum(befolkning) by aar | take 3"),
    .init(name: "avg", kind: .aggregate, syntax: "avg(x)",
      summary: "The mean of the values (for a ratio, divide two sums instead of averaging percentages).",
      example: "kommunepanel | where aar == 2022 | summarize gennemsnit = round(avg(befolkning), 1) by region"),
    .init(name: "min", kind: .aggregate, syntax: "min(x)", summary: "The smallest value.",
      example: "kommunepanel | summarize fra = min(aar), til = max(aar)"),
    .init(name: "max", kind: .aggregate, syntax: "max(x)", summary: "The largest value.",
      example: "kommunepanel | summarize største = max(befolkning) by region"),
    .init(name: "median", kind: .aggregate, syntax: "median(x)", summary: "The middle value (mean of the two middle ones).",
      example: "kommunepanel | where aar == 2022 | summarize median = median(befolkning) by region"),
    .init(name: "percentile", kind: .aggregate, syntax: "percentile(x, p)",
      summary: "The p-th percentile (0-100), interpolating linearly between values.",
      example: "kommunepanel | where aar == 2022 | summarize p90 = percentile(befolkning, 90)"),
    .init(name: "stdev", kind: .aggregate, syntax: "stdev(x)", summary: "The sample standard deviation (n - 1).",
      example: "kommunepanel | where aar == 2022 | summarize sd = round(stdev(befolkning), 1) by region"),
    .init(name: "first", kind: .aggregate, syntax: "first(x)", summary: "The first non-NULL value in row order.",
      example: "kommunepanel | summarize første = first(befolkning) by kommune | take 3"),
    .init(name: "last", kind: .aggregate, syntax: "last(x)", summary: "The last non-NULL value in row order.",
      example: "kommunepanel | summarize seneste = last(befolkning) by kommune | take 3"),
    .init(name: "count_if", kind: .aggregate, syntax: "count_if(condition)",
      summary: "The number of rows where the condition is true; sum and avg of a condition count true as 1 and false as 0.",
      example: "kommunepanel | where aar == 2022 | summarize store = count_if(befolkning > 100000), metode = sum(vip2) by region"),
    .init(name: "corr", kind: .aggregate, syntax: "corr(x, y)",
      summary: "The Pearson correlation of x and y over the rows where both are not NULL; NULL with fewer than 2 such rows or when x or y does not vary.",
      example: "kommunepanel | where aar == 2022 | summarize r = round(corr(befolkning, fuldtidsledige), 4) by region"),
    .init(name: "arg_max", kind: .aggregate, syntax: "arg_max(x, by)",
      summary: "x at the row with the largest by (rows with a NULL by are skipped; ties go to the first row).",
      example: "kommunepanel | where aar == 2022 | summarize størst = arg_max(kommune, befolkning) by region"),
    .init(name: "arg_min", kind: .aggregate, syntax: "arg_min(x, by)",
      summary: "x at the row with the smallest by (rows with a NULL by are skipped; ties go to the first row).",
      example: "kommunepanel | where aar == 2022 | summarize mindst = arg_min(kommune, befolkning) by region"),
  ]

  package static let windows: [LanguageEntry] = [
    .init(name: "prev", kind: .window, syntax: "prev(x [, n]) over KEY order by KEY",
      summary: "x from n rows (default 1) earlier in the partition; NULL before the first.",
      example: "kommunepanel | extend forrige = prev(befolkning) over kommune order by aar | select kommune, aar, forrige | take 3"),
    .init(name: "next", kind: .window, syntax: "next(x [, n]) over KEY order by KEY",
      summary: "x from n rows later in the partition; NULL after the last.",
      example: "kommunepanel | extend næste = next(befolkning) over kommune order by aar | select kommune, aar, næste | take 3"),
    .init(name: "lag", kind: .window, syntax: "lag(x [, n]) over KEY order by KEY",
      summary: "The same as prev: x from n rows (default 1) earlier in the partition (SQL's LAG).",
      example: "kommunepanel | extend før = lag(befolkning, 2) over kommune order by aar | select kommune, aar, før | take 3"),
    .init(name: "lead", kind: .window, syntax: "lead(x [, n]) over KEY order by KEY",
      summary: "The same as next: x from n rows later in the partition (SQL's LEAD).",
      example: "kommunepanel | extend efter = lead(befolkning) over kommune order by aar | select kommune, aar, efter | take 3"),
    .init(name: "rank", kind: .window, syntax: "rank() over KEY order by KEY [desc]",
      summary: "1 + the number of rows before this one; ties share a rank and leave a gap.",
      example: "kommunepanel | where aar == 2022 | extend r = rank() over region order by befolkning desc | where r <= 2 | select region, kommune, r | take 4"),
    .init(name: "dense_rank", kind: .window, syntax: "dense_rank() over KEY order by KEY",
      summary: "Like rank, without gaps after ties.",
      example: "kommuner | extend r = dense_rank() order by region | distinct region, r"),
    .init(name: "percent_rank", kind: .window, syntax: "percent_rank() over KEY order by KEY",
      summary: "(rank - 1) / (rows - 1): 0 for the first, 1 for the last.",
      example: "kommunepanel | where aar == 2022 | extend pr = round(percent_rank() order by befolkning, 3) | top 3 by pr | select kommune, pr"),
    .init(name: "row_number", kind: .window, syntax: "row_number() over KEY order by KEY",
      summary: "1, 2, 3, ... in the partition's order.",
      example: "kommunepanel | extend n = row_number() over kommune order by aar | select kommune, aar, n | take 3"),
    .init(name: "ntile", kind: .window, syntax: "ntile(n) over KEY order by KEY",
      summary: "The row's bucket 1...n when the partition, in its order, is split into n parts whose sizes differ by at most one (larger parts first).",
      example: "kommunepanel | where aar == 2022 | extend kvartil = ntile(4) order by befolkning | summarize n = count(), fra = min(befolkning), til = max(befolkning) by kvartil | sort by kvartil"),
    .init(name: "running_sum", kind: .window, syntax: "running_sum(x) over KEY order by KEY",
      summary: "The sum of x up to and including this row.",
      example: "kommunepanel | where kommune == \"Aarhus\" | extend total = running_sum(fuldtidsledige) order by aar | select aar, fuldtidsledige, total | take 3"),
    .init(name: "share", kind: .window, syntax: "share(x) over KEY",
      summary: "x divided by the partition's total of x.",
      example: "kommunepanel | where aar == 2022 | extend andel = round(100 * share(befolkning) over region, 2) | select kommune, andel | take 3"),
    .init(name: "change", kind: .window, syntax: "change(x) over KEY order by PERIOD",
      summary: "x minus its value in the previous row (period) of the partition.",
      example: "kommunepanel | extend ændring = change(fuldtidsledige) over kommune order by aar | select kommune, aar, ændring | take 3"),
  ]
}
