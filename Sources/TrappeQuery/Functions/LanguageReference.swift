
/// The `.help` entries for the query language: every stage and function, with an example
/// and the example's expected output.
///
/// The examples run against the built-in datasets: the stage and function examples (and
/// `peers`) on `kommunepanel` and `kommuner` (real figures), the other analyses on the
/// illustrative `resultater` and `forloeb` (generated, not real results). ``result`` is what
/// `trappe --format csv -c EXAMPLE` prints, computed independently of Trappe (with DuckDB
/// by `Tests/analyses/help_examples.py`, or by hand); `LanguageReferenceTests` runs every
/// example and compares.
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
  /// What `trappe --format csv -c EXAMPLE` prints (a CSV header and rows, or the message
  /// of a statement without a table), without the final newline; nil only for `chart`,
  /// whose output is a drawing.
  package let result: String?

  package init(name: String, kind: Kind, syntax: String, summary: String, example: String, result: String?) {
    self.name = name
    self.kind = kind
    self.syntax = syntax
    self.summary = summary
    self.example = example
    self.result = result
  }

  /// The text `.help NAME` prints.
  package var manual: String {
    var text = "\(syntax)    (\(kind.rawValue))\n\n\(summary)\n\nExample:\n  \(example)"
    if let result {
      text += "\n\nResult:\n" + result.split(separator: "\n", omittingEmptySubsequences: false).map { "  " + $0 }
        .joined(separator: "\n")
    }
    return text
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
      example: "from kommunepanel | take 3",
      result: "kommunekode,kommune,region,vip2,aar,befolkning,fuldtidsledige,kontanthjaelp_jan\n101,København,Region Hovedstaden,false,2007,503699,16752,27929\n101,København,Region Hovedstaden,false,2008,509861,12802,26952\n101,København,Region Hovedstaden,false,2009,518574,18184,31623"),
    .init(
      name: "where", kind: .stage, syntax: "| where CONDITION",
      summary: "Keep the rows where the condition is true (NULL counts as not true).",
      example: "kommunepanel | where aar == 2008 and region == \"Region Sjælland\" | count",
      result: "count\n17"),
    .init(
      name: "select", kind: .stage, syntax: "| select COLUMN, NAME = EXPRESSION, ...",
      summary: "Keep only these columns, or compute new ones, in this order.",
      example: "kommunepanel | select kommune, aar, ledige = fuldtidsledige | take 3",
      result: "kommune,aar,ledige\nKøbenhavn,2007,16752\nKøbenhavn,2008,12802\nKøbenhavn,2009,18184"),
    .init(
      name: "extend", kind: .stage, syntax: "| extend NAME = EXPRESSION, ...",
      summary: "Add columns (or replace one with the same name), keeping all the others.",
      example: "kommunepanel | extend pct = round(100.0 * fuldtidsledige / befolkning, 2) | take 3",
      result: "kommunekode,kommune,region,vip2,aar,befolkning,fuldtidsledige,kontanthjaelp_jan,pct\n101,København,Region Hovedstaden,false,2007,503699,16752,27929,3.33\n101,København,Region Hovedstaden,false,2008,509861,12802,26952,2.51\n101,København,Region Hovedstaden,false,2009,518574,18184,31623,3.51"),
    .init(
      name: "summarize", kind: .stage, syntax: "| summarize NAME = AGGREGATE(EXPRESSION), ... [by KEY, ...]",
      summary: "One row per combination of the keys, with aggregates over its rows. Ratios: divide sums, not averages.",
      example: "kommunepanel | where aar == 2008 | summarize ledige = sum(fuldtidsledige), indbyggere = sum(befolkning) by region",
      result: "region,ledige,indbyggere\nRegion Hovedstaden,26038,1645729\nRegion Sjælland,10459,819427\nRegion Syddanmark,14031,1194659\nRegion Midtjylland,13126,1237041\nRegion Nordjylland,9036,578839"),
    .init(
      name: "sort", kind: .stage, syntax: "| sort by EXPRESSION [asc|desc], ...",
      summary: "Order the rows (ascending by default; NULLs last; text in Danish order: æ, ø, å after z).",
      example: "kommunepanel | where aar == 2022 | sort by befolkning desc | select kommune, befolkning | take 3",
      result: "kommune,befolkning\nKøbenhavn,644431\nAarhus,355238\nAalborg,221082"),
    .init(
      name: "top", kind: .stage, syntax: "| top N by EXPRESSION [asc|desc], ...",
      summary: "The first N rows by the keys (descending by default), without sorting everything.",
      example: "kommunepanel | where aar == 2022 | top 3 by befolkning | select kommune, befolkning",
      result: "kommune,befolkning\nKøbenhavn,644431\nAarhus,355238\nAalborg,221082"),
    .init(
      name: "take", kind: .stage, syntax: "| take N",
      summary: "The first N rows (also: limit N).",
      example: "kommuner | take 3",
      result: "kommunekode,kommunekode_4,kommune,region,regionskode,nuts2,areal_km2,vip2\n101,0101,København,Region Hovedstaden,1084,DK01,86.6,false\n147,0147,Frederiksberg,Region Hovedstaden,1084,DK01,8.7,false\n151,0151,Ballerup,Region Hovedstaden,1084,DK01,34.0,false"),
    .init(
      name: "distinct", kind: .stage, syntax: "| distinct [COLUMN, ...]",
      summary: "One row per distinct combination of the columns (all columns when none are named).",
      example: "kommuner | distinct region",
      result: "region\nRegion Hovedstaden\nRegion Sjælland\nRegion Syddanmark\nRegion Midtjylland\nRegion Nordjylland"),
    .init(
      name: "count", kind: .stage, syntax: "| count",
      summary: "The number of rows, as a one-row table.",
      example: "kommuner | where vip2 | count",
      result: "count\n5"),
    .init(
      name: "join", kind: .stage, syntax: "| join [kind=inner|left|anti] (PIPELINE) on KEY, ... | on left.A == right.B",
      summary: "Combine with another table on equal keys. left keeps unmatched rows (NULLs on the right), anti keeps only them.",
      example: "kommunepanel | where aar == 2008 | join (kommuner | select kommunekode, nuts2) on kommunekode | take 3",
      result: "kommunekode,kommune,region,vip2,aar,befolkning,fuldtidsledige,kontanthjaelp_jan,nuts2\n101,København,Region Hovedstaden,false,2008,509861,12802,26952,DK01\n147,Frederiksberg,Region Hovedstaden,false,2008,93444,1499,2550,DK01\n151,Ballerup,Region Hovedstaden,false,2008,47116,436,1371,DK01"),
    .init(
      name: "union", kind: .stage, syntax: "| union (PIPELINE)",
      summary: "The rows of both; columns are matched by name and missing ones are NULL.",
      example: "kommuner | where kommune == \"Aarhus\" | union (kommuner | where kommune == \"Slagelse\")",
      result: "kommunekode,kommunekode_4,kommune,region,regionskode,nuts2,areal_km2,vip2\n751,0751,Aarhus,Region Midtjylland,1082,DK04,467.9,true\n330,0330,Slagelse,Region Sjælland,1085,DK02,568.0,true"),
    .init(
      name: "pivot", kind: .stage, syntax: "| pivot KEY values AGGREGATE(EXPRESSION) [by COLUMN, ...]",
      summary: "A wide table: one column per distinct KEY value (e.g. one per aar or round). Later stages can use the new columns (the pivot then runs while the query is bound; explain shows it). A value named like a by column (or NULL next to the text \"null\") gets _2.",
      example: "kommunepanel | where aar between 2007 and 2009 | pivot aar values sum(fuldtidsledige) by region | sort by region",
      result: "region,2007,2008,2009\nRegion Hovedstaden,34930,26038,40306\nRegion Midtjylland,18704,13126,27922\nRegion Nordjylland,13033,9036,15742\nRegion Sjælland,14241,10459,18292\nRegion Syddanmark,19878,14031,27255"),
    .init(
      name: "unpivot", kind: .stage, syntax: "| unpivot COLUMN, ... [into NAME, VALUE]",
      summary: "The reverse of pivot: one row per input row and named column.",
      example: "kommunepanel | where aar == 2008 | select kommune, befolkning, fuldtidsledige | unpivot befolkning, fuldtidsledige into measure, value | take 4",
      result: "kommune,measure,value\nKøbenhavn,befolkning,509861\nKøbenhavn,fuldtidsledige,12802\nFrederiksberg,befolkning,93444\nFrederiksberg,fuldtidsledige,1499"),
    .init(
      name: "rename", kind: .stage, syntax: "| rename NEW = OLD, ...",
      summary: "Give columns new names.",
      example: "kommuner | rename navn = kommune | take 2",
      result: "kommunekode,kommunekode_4,navn,region,regionskode,nuts2,areal_km2,vip2\n101,0101,København,Region Hovedstaden,1084,DK01,86.6,false\n147,0147,Frederiksberg,Region Hovedstaden,1084,DK01,8.7,false"),
    .init(
      name: "chart", kind: .stage, syntax: "| chart [KIND] [x=COL] [y=COL[,COL...]] [series=COL] [title=TEXT] [target=N] [highlight=NAME] ...",
      summary: "Draw the result as a bar, grouped, stacked, column, line, step, sparkline, histogram, scatter, heatmap, box or funnel chart, with a title, axis titles and the measure's unit; without KIND, analysis results get their own default (bench by runde: lines, survival: step curves, gap: bars against targets, gap by runde: lines of one measure, flow: heatmap) (.help chart).",
      example: "kommuner | summarize kommuner = count() by region | chart bar",
      result: nil),
    .init(
      name: "let", kind: .stage, syntax: "let NAME = PIPELINE",
      summary: "Keep a result as a table called NAME, for later pipelines.",
      example: "let sjaelland = kommuner | where region == \"Region Sjælland\"",
      result: "created sjaelland: 17 rows, 8 columns"),
    .init(
      name: "explain", kind: .stage, syntax: "explain PIPELINE",
      summary: "Show the plan the pipeline runs as, after filters and column choices are pushed down.",
      example: "explain kommunepanel | where aar == 2008 | summarize n = sum(befolkning) by region",
      result: "project region, n = #a0\n└─ aggregate #a0 = sum(befolkning) by region\n   └─ filter (aar == 2008)\n      └─ scan kommunepanel [region, aar, befolkning] (3 of 8 columns)"),
    .init(
      name: "label", kind: .stage, syntax: "label COLUMN = \"TEXT\" | label COLUMN = none",
      summary: "Show COLUMN under the header TEXT in every later table, chart (axis and legend titles), Markdown output, record and .xlsx header row, for the rest of the session; none removes it. Display only: queries, CSV, TSV and JSON keep the name. A label wins over .lang da.",
      example: "label value = \"Andel i gang (%)\"",
      result: "label value = \"Andel i gang (%)\" (display only: queries still use value)"),
    .init(
      name: "format", kind: .stage, syntax: "format COLUMN DECIMALS | format COLUMN none",
      summary: "Show COLUMN's numbers with exactly DECIMALS decimals (0–10, rounded half away from zero, in the .locale style) in every later table and Markdown output, and as the column's number format in .save FILE.xlsx, for the rest of the session; none removes it. Display only: the values, exports and charts keep every digit.",
      example: "format value 1",
      result: "format value 1: 1 decimal shown (display only)"),
  ]

  package static let scalars: [LanguageEntry] = [
    .init(
      name: "round", kind: .scalar, syntax: "round(x [, digits])",
      summary: "x rounded half away from zero to digits decimals (default 0).",
      example: "kommunepanel | select kommune, aar, pct = round(100.0 * fuldtidsledige / befolkning, 1) | take 3",
      result: "kommune,aar,pct\nKøbenhavn,2007,3.3\nKøbenhavn,2008,2.5\nKøbenhavn,2009,3.5"),
    .init(name: "abs", kind: .scalar, syntax: "abs(x)", summary: "The absolute value.",
      example: "kommunepanel | extend d = abs(change(befolkning) over kommune order by aar) | select kommune, aar, d | take 3",
      result: "kommune,aar,d\nKøbenhavn,2007,\nKøbenhavn,2008,6162\nKøbenhavn,2009,8713"),
    .init(name: "floor", kind: .scalar, syntax: "floor(x)", summary: "The largest int not above x (an int); NULL with a warning when x is NaN or beyond the 64-bit range.",
      example: "kommunepanel | select kommune, aar, k = floor(befolkning / 1000.0) | take 3",
      result: "kommune,aar,k\nKøbenhavn,2007,503\nKøbenhavn,2008,509\nKøbenhavn,2009,518"),
    .init(name: "ceil", kind: .scalar, syntax: "ceil(x)", summary: "The smallest int not below x (an int); NULL with a warning when x is NaN or beyond the 64-bit range.",
      example: "kommunepanel | select kommune, aar, k = ceil(befolkning / 1000.0) | take 3",
      result: "kommune,aar,k\nKøbenhavn,2007,504\nKøbenhavn,2008,510\nKøbenhavn,2009,519"),
    .init(name: "ln", kind: .scalar, syntax: "ln(x)", summary: "The natural logarithm; NULL (with a warning) for x <= 0.",
      example: "kommunepanel | select kommune, aar, l = round(ln(befolkning), 3) | take 3",
      result: "kommune,aar,l\nKøbenhavn,2007,13.13\nKøbenhavn,2008,13.142\nKøbenhavn,2009,13.159"),
    .init(name: "sqrt", kind: .scalar, syntax: "sqrt(x)", summary: "The square root; NULL (with a warning) for x < 0.",
      example: "kommunepanel | select kommune, aar, s = round(sqrt(befolkning), 1) | take 3",
      result: "kommune,aar,s\nKøbenhavn,2007,709.7\nKøbenhavn,2008,714.0\nKøbenhavn,2009,720.1"),
    .init(name: "lower", kind: .scalar, syntax: "lower(text)", summary: "Text in lower case (æøå too).",
      example: "kommuner | select k = lower(kommune) | take 3",
      result: "k\nkøbenhavn\nfrederiksberg\nballerup"),
    .init(name: "upper", kind: .scalar, syntax: "upper(text)", summary: "Text in upper case (ÆØÅ too).",
      example: "kommuner | select k = upper(kommune) | take 3",
      result: "k\nKØBENHAVN\nFREDERIKSBERG\nBALLERUP"),
    .init(name: "contains", kind: .scalar, syntax: "contains(text, part)", summary: "Whether text contains part (case-sensitive).",
      example: "kommuner | where contains(kommune, \"borg\") | select kommune",
      result: "kommune\nFredensborg\nKalundborg\nGuldborgsund\nVordingborg\nFaaborg-Midtfyn\nNyborg\nSvendborg\nSønderborg\nSilkeborg\nSkanderborg\nViborg\nAalborg"),
    .init(name: "startswith", kind: .scalar, syntax: "startswith(text, part)", summary: "Whether text starts with part.",
      example: "kommuner | where startswith(kommune, \"Fre\") | select kommune",
      result: "kommune\nFrederiksberg\nFredensborg\nFrederikssund\nFredericia\nFrederikshavn"),
    .init(name: "endswith", kind: .scalar, syntax: "endswith(text, part)", summary: "Whether text ends with part.",
      example: "kommuner | where endswith(kommune, \"sund\") | select kommune",
      result: "kommune\nFrederikssund\nGuldborgsund"),
    .init(name: "length", kind: .scalar, syntax: "length(text)", summary: "The number of characters.",
      example: "kommuner | top 3 by length(kommune) | select kommune",
      result: "kommune\nRingkøbing-Skjern\nFaaborg-Midtfyn\nVesthimmerlands"),
    .init(name: "year", kind: .scalar, syntax: "year(period)", summary: "The year of a period.",
      example: "kommunepanel | select aar, y = year(period(aar)) | take 2",
      result: "aar,y\n2007,2007\n2008,2008"),
    .init(name: "quarter", kind: .scalar, syntax: "quarter(period)", summary: "The quarter (1-4) of a quarter, month or week period (a week: the quarter of its Thursday, as for month()).",
      example: "kommuner | select q = quarter(2008K3) | take 1",
      result: "q\n3"),
    .init(name: "month", kind: .scalar, syntax: "month(period)",
      summary: "The month (1-12) of a month or week period. A week belongs to the month of its Thursday (the day that also decides its ISO year), so every week is counted in exactly one month: month(2009W01) is 1 although the week starts on 29 December 2008; month(2009W14) is 4. NULL for years and quarters. A seasonal profile averages by it: the example is the weekly inflow to kontanthjælp by calendar month (weeks from 2007W02, since 2007W01 holds the spells already running; uger counts the weeks with an inflow in that month over the years).",
      example: "forloeb | where status == \"kontanthjælp\" and start_uge >= 2007W02 | summarize tilgang = count(), uger = count_distinct(start_uge) by m = month(start_uge) | extend pr_uge = round(tilgang / uger, 1) | sort by m",
      result: "m,tilgang,uger,pr_uge\n1,5415,13,416.5\n2,5083,12,423.6\n3,5688,13,437.5\n4,5767,13,443.6\n5,6116,14,436.9\n6,5183,12,431.9\n7,3638,9,404.2\n8,3718,9,413.1\n9,3259,8,407.4\n10,3699,9,411.0\n11,3686,9,409.6\n12,3555,8,444.4"),
    .init(name: "week", kind: .scalar, syntax: "week(period)", summary: "The ISO week (1-53) of a week period.",
      example: "kommuner | select w = week(2008W12) | take 1",
      result: "w\n12"),
    .init(name: "period", kind: .scalar, syntax: "period(x)",
      summary: "A period from a aar number or from text like \"2008K3\"; p - 1 is the period before p.",
      example: "kommunepanel | select p = period(aar), forrige = period(aar) - 1 | take 2",
      result: "p,forrige\n2007,2006\n2008,2007"),
    .init(name: "string", kind: .scalar, syntax: "string(x)", summary: "x as text.",
      example: "kommuner | select s = string(kommunekode) | take 2",
      result: "s\n101\n147"),
    .init(name: "int", kind: .scalar, syntax: "int(x)", summary: "x as a whole number (truncated; NULL if text does not parse).",
      example: "kommuner | select k = int(kommunekode_4) | take 2",
      result: "k\n101\n147"),
    .init(name: "double", kind: .scalar, syntax: "double(x)", summary: "x as a decimal number.",
      example: "kommuner | select k = double(kommunekode) | take 2",
      result: "k\n101.0\n147.0"),
    .init(name: "if", kind: .scalar, syntax: "if(condition, then, else)", summary: "then where the condition is true, else otherwise.",
      example: "kommuner | select kommune, gruppe = if(vip2, \"metode\", \"øvrige\") | take 3",
      result: "kommune,gruppe\nKøbenhavn,øvrige\nFrederiksberg,øvrige\nBallerup,øvrige"),
    .init(name: "coalesce", kind: .scalar, syntax: "coalesce(a, b, ...)  or  a ?? b", summary: "The first value that is not NULL.",
      example: "kommunepanel | extend forrige = prev(befolkning) over kommune order by aar | select aar, f = forrige ?? 0 | take 2",
      result: "aar,f\n2007,0\n2008,503699"),
    .init(name: "pow", kind: .scalar, syntax: "pow(x, y)",
      summary: "x to the power y, as a double; a result that is not a finite number (pow(0, -1), pow(-8, 1/3)) is NULL with a warning.",
      example: "kommuner | select kommune, areal_km2, kvadrat = round(pow(areal_km2, 2), 1), rod = round(pow(areal_km2, 0.5), 3) | take 2",
      result: "kommune,areal_km2,kvadrat,rod\nKøbenhavn,86.6,7499.6,9.306\nFrederiksberg,8.7,75.7,2.95"),
    .init(name: "exp", kind: .scalar, syntax: "exp(x)",
      summary: "e to the power x, as a double; a result too large for a double is NULL with a warning.",
      example: "kommuner | select kommune, e = round(exp(areal_km2 / 100), 4) | take 2",
      result: "kommune,e\nKøbenhavn,2.3774\nFrederiksberg,1.0909"),
    .init(name: "concat", kind: .scalar, syntax: "concat(a, b, ...)  or  a + b",
      summary: "The texts joined; concat skips NULLs and converts numbers as string() does, while text + text is NULL when either is NULL.",
      example: "kommuner | select navn = concat(kommune, \" (\", kommunekode, \")\") | take 2",
      result: "navn\nKøbenhavn (101)\nFrederiksberg (147)"),
    .init(name: "substr", kind: .scalar, syntax: "substr(text, start [, length])",
      summary: "Part of the text from character start (1 is the first; negative counts from the end), length characters long (default: to the end).",
      example: "kommuner | select kommune, kort = substr(kommune, 1, 3), slut = substr(kommune, -3) | take 2",
      result: "kommune,kort,slut\nKøbenhavn,Køb,avn\nFrederiksberg,Fre,erg"),
    .init(name: "replace", kind: .scalar, syntax: "replace(text, from, to)",
      summary: "The text with every occurrence of from replaced by to.",
      example: "kommuner | select r = replace(region, \"Region \", \"\") | distinct r",
      result: "r\nHovedstaden\nSjælland\nSyddanmark\nMidtjylland\nNordjylland"),
    .init(name: "trim", kind: .scalar, syntax: "trim(text)", summary: "The text without spaces at either end.",
      example: "kommuner | select t = trim(\"  \" + kommune + \" \") | take 2",
      result: "t\nKøbenhavn\nFrederiksberg"),
    .init(name: "greatest", kind: .scalar, syntax: "greatest(a, b, ...)",
      summary: "The largest of the numbers in the row, skipping NULLs (NULL only when all are NULL).",
      example: "kommunepanel | select aar, g = greatest(fuldtidsledige, kontanthjaelp_jan) | take 2",
      result: "aar,g\n2007,27929\n2008,26952"),
    .init(name: "least", kind: .scalar, syntax: "least(a, b, ...)",
      summary: "The smallest of the numbers in the row, skipping NULLs (NULL only when all are NULL).",
      example: "kommunepanel | select aar, l = least(fuldtidsledige, kontanthjaelp_jan, 20000) | take 2",
      result: "aar,l\n2007,16752\n2008,12802"),
  ]

  package static let aggregates: [LanguageEntry] = [
    .init(name: "count", kind: .aggregate, syntax: "count()  count(*)  count(x)",
      summary: "The number of rows, always an int; count(x) counts rows where x is not NULL. With order by as a window: the running count.",
      example: "kommuner | summarize n = count() by region",
      result: "region,n\nRegion Hovedstaden,29\nRegion Sjælland,17\nRegion Syddanmark,22\nRegion Midtjylland,19\nRegion Nordjylland,11"),
    .init(name: "count_distinct", kind: .aggregate, syntax: "count_distinct(x)", summary: "The number of distinct non-NULL values.",
      example: "kommunepanel | summarize kommuner = count_distinct(kommune) by region",
      result: "region,kommuner\nRegion Hovedstaden,29\nRegion Sjælland,17\nRegion Syddanmark,22\nRegion Midtjylland,19\nRegion Nordjylland,11"),
    .init(name: "sum", kind: .aggregate, syntax: "sum(x)", summary: "The total; NULLs are skipped, NULL when all are NULL. Ints sum exactly to an int (the order of the rows does not matter); a total outside 64 bits (or a double sum beyond the double range) gives NULL with a warning. With over ... order by: the running total (rows that tie on the order keys included).",
      example: "kommunepanel | summarize indbyggere = sum(befolkning) by aar | take 3",
      result: "aar,indbyggere\n2007,5446989\n2008,5475695\n2009,5511355"),
    .init(name: "avg", kind: .aggregate, syntax: "avg(x)",
      summary: "The mean of the values (for a ratio, divide two sums instead of averaging percentages).",
      example: "kommunepanel | where aar == 2022 | summarize gennemsnit = round(avg(befolkning), 1) by region",
      result: "region,gennemsnit\nRegion Hovedstaden,64408.8\nRegion Sjælland,49618.4\nRegion Syddanmark,55834.6\nRegion Midtjylland,70624.1\nRegion Nordjylland,53794.5"),
    .init(name: "min", kind: .aggregate, syntax: "min(x)", summary: "The smallest value.",
      example: "kommunepanel | summarize fra = min(aar), til = max(aar)",
      result: "fra,til\n2007,2022"),
    .init(name: "max", kind: .aggregate, syntax: "max(x)", summary: "The largest value.",
      example: "kommunepanel | summarize største = max(befolkning) by region",
      result: "region,største\nRegion Hovedstaden,644431\nRegion Sjælland,89447\nRegion Syddanmark,205978\nRegion Midtjylland,355238\nRegion Nordjylland,221082"),
    .init(name: "median", kind: .aggregate, syntax: "median(x)", summary: "The middle value (mean of the two middle ones).",
      example: "kommunepanel | where aar == 2022 | summarize median = median(befolkning) by region",
      result: "region,median\nRegion Hovedstaden,41402.0\nRegion Sjælland,45352.0\nRegion Syddanmark,46130.0\nRegion Midtjylland,48880.0\nRegion Nordjylland,38187.0"),
    .init(name: "percentile", kind: .aggregate, syntax: "percentile(x, p)",
      summary: "The p-th percentile (0-100), interpolating linearly between values.",
      example: "kommunepanel | where aar == 2022 | summarize p90 = percentile(befolkning, 90)",
      result: "p90\n95164.2"),
    .init(name: "stdev", kind: .aggregate, syntax: "stdev(x)", summary: "The sample standard deviation (n - 1).",
      example: "kommunepanel | where aar == 2022 | summarize sd = round(stdev(befolkning), 1) by region",
      result: "region,sd\nRegion Hovedstaden,113152.6\nRegion Sjælland,21490.9\nRegion Syddanmark,45345.2\nRegion Midtjylland,74800.6\nRegion Nordjylland,57976.0"),
    .init(name: "first", kind: .aggregate, syntax: "first(x)", summary: "The first non-NULL value in row order; as a window with order by, the first non-NULL value in the window's order up to this row (ties included).",
      example: "kommunepanel | summarize første = first(befolkning) by kommune | take 3",
      result: "kommune,første\nKøbenhavn,503699\nFrederiksberg,92234\nBallerup,46914"),
    .init(name: "last", kind: .aggregate, syntax: "last(x)", summary: "The last non-NULL value in row order; as a window with order by, the last non-NULL value up to and including this row's ties.",
      example: "kommunepanel | summarize seneste = last(befolkning) by kommune | take 3",
      result: "kommune,seneste\nKøbenhavn,644431\nFrederiksberg,103608\nBallerup,49274"),
    .init(name: "count_if", kind: .aggregate, syntax: "count_if(condition)",
      summary: "The number of rows where the condition is true; sum and avg of a condition count true as 1 and false as 0.",
      example: "kommunepanel | where aar == 2022 | summarize store = count_if(befolkning > 100000), metode = sum(vip2) by region",
      result: "region,store,metode\nRegion Hovedstaden,2,2\nRegion Sjælland,0,1\nRegion Syddanmark,3,1\nRegion Midtjylland,1,1\nRegion Nordjylland,1,0"),
    .init(name: "corr", kind: .aggregate, syntax: "corr(x, y)",
      summary: "The Pearson correlation of x and y over the rows where both are not NULL; NULL with fewer than 2 such rows or when x or y does not vary.",
      example: "kommunepanel | where aar == 2022 | summarize r = round(corr(befolkning, fuldtidsledige), 4) by region",
      result: "region,r\nRegion Hovedstaden,0.9957\nRegion Sjælland,0.972\nRegion Syddanmark,0.9741\nRegion Midtjylland,0.9877\nRegion Nordjylland,0.9942"),
    .init(name: "arg_max", kind: .aggregate, syntax: "arg_max(x, by)",
      summary: "x at the row with the largest by (rows with a NULL by are skipped; ties go to the first row).",
      example: "kommunepanel | where aar == 2022 | summarize størst = arg_max(kommune, befolkning) by region",
      result: "region,størst\nRegion Hovedstaden,København\nRegion Sjælland,Roskilde\nRegion Syddanmark,Odense\nRegion Midtjylland,Aarhus\nRegion Nordjylland,Aalborg"),
    .init(name: "arg_min", kind: .aggregate, syntax: "arg_min(x, by)",
      summary: "x at the row with the smallest by (rows with a NULL by are skipped; ties go to the first row).",
      example: "kommunepanel | where aar == 2022 | summarize mindst = arg_min(kommune, befolkning) by region",
      result: "region,mindst\nRegion Hovedstaden,Dragør\nRegion Sjælland,Stevns\nRegion Syddanmark,Fanø\nRegion Midtjylland,Samsø\nRegion Nordjylland,Læsø"),
  ]

  package static let windows: [LanguageEntry] = [
    .init(name: "prev", kind: .window, syntax: "prev(x [, n]) over KEY|(KEY, ...) order by KEY|(KEY [desc], ...)",
      summary: "x from n rows (default 1) earlier in the partition; NULL before the first. Ordered by a period or year column, a warning counts rows compared with a row not n periods away.",
      example: "kommunepanel | extend forrige = prev(befolkning) over kommune order by aar | select kommune, aar, forrige | take 3",
      result: "kommune,aar,forrige\nKøbenhavn,2007,\nKøbenhavn,2008,503699\nKøbenhavn,2009,509861"),
    .init(name: "next", kind: .window, syntax: "next(x [, n]) over KEY|(KEY, ...) order by KEY|(KEY [desc], ...)",
      summary: "x from n rows later in the partition; NULL after the last. Ordered by a period or year column, a warning counts rows compared with a row not n periods away.",
      example: "kommunepanel | extend næste = next(befolkning) over kommune order by aar | select kommune, aar, næste | take 3",
      result: "kommune,aar,næste\nKøbenhavn,2007,509861\nKøbenhavn,2008,518574\nKøbenhavn,2009,528208"),
    .init(name: "lag", kind: .window, syntax: "lag(x [, n]) over KEY|(KEY, ...) order by KEY|(KEY [desc], ...)",
      summary: "The same as prev: x from n rows (default 1) earlier in the partition (SQL's LAG).",
      example: "kommunepanel | extend før = lag(befolkning, 2) over kommune order by aar | select kommune, aar, før | take 3",
      result: "kommune,aar,før\nKøbenhavn,2007,\nKøbenhavn,2008,\nKøbenhavn,2009,503699"),
    .init(name: "lead", kind: .window, syntax: "lead(x [, n]) over KEY|(KEY, ...) order by KEY|(KEY [desc], ...)",
      summary: "The same as next: x from n rows later in the partition (SQL's LEAD).",
      example: "kommunepanel | extend efter = lead(befolkning) over kommune order by aar | select kommune, aar, efter | take 3",
      result: "kommune,aar,efter\nKøbenhavn,2007,509861\nKøbenhavn,2008,518574\nKøbenhavn,2009,528208"),
    .init(name: "rank", kind: .window, syntax: "rank() over KEY|(KEY, ...) order by KEY [desc]|(KEY [desc], ...)",
      summary: "1 + the number of rows before this one; ties share a rank and leave a gap.",
      example: "kommunepanel | where aar == 2022 | extend r = rank() over region order by befolkning desc | where r <= 2 | select region, kommune, r | take 4",
      result: "region,kommune,r\nRegion Hovedstaden,København,1\nRegion Hovedstaden,Frederiksberg,2\nRegion Sjælland,Roskilde,1\nRegion Sjælland,Næstved,2"),
    .init(name: "dense_rank", kind: .window, syntax: "dense_rank() over KEY|(KEY, ...) order by KEY|(KEY [desc], ...)",
      summary: "Like rank, without gaps after ties.",
      example: "kommuner | extend r = dense_rank() order by region | distinct region, r",
      result: "region,r\nRegion Hovedstaden,1\nRegion Sjælland,4\nRegion Syddanmark,5\nRegion Midtjylland,2\nRegion Nordjylland,3"),
    .init(name: "percent_rank", kind: .window, syntax: "percent_rank() over KEY|(KEY, ...) order by KEY|(KEY [desc], ...)",
      summary: "(rank - 1) / (rows - 1): 0 for the first, 1 for the last.",
      example: "kommunepanel | where aar == 2022 | extend pr = round(percent_rank() order by befolkning, 3) | top 3 by pr | select kommune, pr",
      result: "kommune,pr\nKøbenhavn,1.0\nAarhus,0.99\nAalborg,0.979"),
    .init(name: "row_number", kind: .window, syntax: "row_number() over KEY|(KEY, ...) order by KEY|(KEY [desc], ...)",
      summary: "1, 2, 3, ... in the partition's order.",
      example: "kommunepanel | extend n = row_number() over kommune order by aar | select kommune, aar, n | take 3",
      result: "kommune,aar,n\nKøbenhavn,2007,1\nKøbenhavn,2008,2\nKøbenhavn,2009,3"),
    .init(name: "ntile", kind: .window, syntax: "ntile(n) over KEY|(KEY, ...) order by KEY|(KEY [desc], ...)",
      summary: "The row's bucket 1...n when the partition, in its order, is split into n parts whose sizes differ by at most one (larger parts first).",
      example: "kommunepanel | where aar == 2022 | extend kvartil = ntile(4) order by befolkning | summarize n = count(), fra = min(befolkning), til = max(befolkning) by kvartil | sort by kvartil",
      result: "kvartil,n,fra,til\n1,25,1769,30646\n2,25,31344,43596\n3,24,44375,60310\n4,24,61718,644431"),
    .init(name: "running_sum", kind: .window, syntax: "running_sum(x) over KEY|(KEY, ...) order by KEY|(KEY [desc], ...)",
      summary: "The sum of x up to and including this row, row by row (tied rows in input order); an int total outside 64 bits gives NULL on that row, with a warning (later rows whose total is back inside have it again).",
      example: "kommunepanel | where kommune == \"Aarhus\" | extend total = running_sum(fuldtidsledige) order by aar | select aar, fuldtidsledige, total | take 3",
      result: "aar,fuldtidsledige,total\n2007,6131,6131\n2008,4114,10245\n2009,6777,17022"),
    .init(name: "share", kind: .window, syntax: "share(x) over KEY|(KEY, ...)",
      summary: "x divided by the partition's total of x.",
      example: "kommunepanel | where aar == 2022 | extend andel = round(100 * share(befolkning) over region, 2) | select kommune, andel | take 3",
      result: "kommune,andel\nKøbenhavn,34.5\nFrederiksberg,5.55\nBallerup,2.64"),
    .init(name: "change", kind: .window, syntax: "change(x) over KEY|(KEY, ...) order by PERIOD",
      summary: "x minus its value in the previous row of the partition (row-based, like SQL lag); ordered by a period or year column it warns when rows compare with a row that is not one period away.",
      example: "kommunepanel | extend ændring = change(fuldtidsledige) over kommune order by aar | select kommune, aar, ændring | take 3",
      result: "kommune,aar,ændring\nKøbenhavn,2007,\nKøbenhavn,2008,-3950\nKøbenhavn,2009,5382"),
    .init(name: "yoy", kind: .window, syntax: "yoy(x) over KEY|(KEY, ...) order by PERIOD",
      summary: "x minus x of the same period a year earlier, found by value in the partition (not by position): the one order key is the period column and its unit sets the year: 12 months, 4 quarters, 1 year (a year period or an int year), the same ISO week number of the ISO year before (2009W05 against 2008W05; week 53 has no counterpart after a 52-week year). NULL when no row, or more than one row, holds that period (summarize to one row per period first) or either value is NULL. For a seasonal profile, average by the month of the year: summarize snit = avg(x) by m = month(maaned) (for weekly data month() gives the month of the week's Thursday; see .help month).",
      example: "forloeb | where status == \"kontanthjælp\" | summarize tilgang = count() by start_uge | extend ændring = yoy(tilgang) order by start_uge | where start_uge >= 2009W01 | sort by start_uge | take 3",
      result: "start_uge,tilgang,ændring\n2009W01,449,49\n2009W02,455,61\n2009W03,475,53"),
    .init(name: "moving_avg", kind: .window, syntax: "moving_avg(x, n) over KEY|(KEY, ...) order by KEY|(KEY [desc], ...)",
      summary: "The mean of x over this row and the n - 1 rows before it in the partition's order (row-based, tied rows in input order); NULL on each partition's first n - 1 rows (fewer than n periods is not an n-period average) and when the window holds only NULLs, whose rows are otherwise skipped. Rows are periods only when there is one row per period: summarize first.",
      example: "forloeb | where status == \"kontanthjælp\" and start_uge >= 2007W02 | summarize tilgang = count() by start_uge | extend snit4 = round(moving_avg(tilgang, 4) order by start_uge, 1) | sort by start_uge | take 5",
      result: "start_uge,tilgang,snit4\n2007W02,333,\n2007W03,350,\n2007W04,385,\n2007W05,366,358.5\n2007W06,385,371.5"),
  ]
}
