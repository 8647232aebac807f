
/// The `.help chart` text: the stage, its options, and an example of every kind (the tests run them).
package enum ChartHelp {
  /// One working example per kind.
  static let examples: [(ChartKind, String)] = [
    (.bar, "kommuner | summarize kommuner = count() by region | chart bar"),
    (.grouped, "resultater | where runde == 5 and kommune in (\"Gladsaxe\", \"Slagelse\") | summarize startet = sum(startet) by kommune, herkomst | chart grouped"),
    (.stacked, "resultater | where runde == 5 and kommune in (\"Gladsaxe\", \"Slagelse\", \"Aarhus\") | summarize personer = sum(personer) by kommune, herkomst | chart stacked"),
    (.column, "jobpakker | summarize jobpakker = sum(jobpakker) by runde | chart column x=runde"),
    (.line, "bench i_gang for Slagelse against peers by runde | chart line x=runde y=value,peer_value,national_value target=25"),
    (.step, "survival for kontanthjælp by herkomst | chart step x=week y=still_on_pct series=herkomst"),
    (.sparkline, "kommunepanel | where vip2 | chart sparkline x=aar y=fuldtidsledige series=kommune"),
    (.histogram, "kommunepanel | where aar == 2022 | extend pct = 100.0 * fuldtidsledige / befolkning | select pct | chart histogram bins=8"),
    (.scatter, "kommunepanel | where aar == 2008 | extend ledige_pct = 100.0 * fuldtidsledige / befolkning, kh_pct = 100.0 * kontanthjaelp_jan / befolkning | chart scatter x=ledige_pct y=kh_pct highlight=Slagelse"),
    (.heatmap, "flow from 1 to 5 | chart heatmap x=from_status series=to_status y=row_pct"),
    (.box, "kommunepanel | where aar == 2022 | extend pct = 100.0 * fuldtidsledige / befolkning | chart box x=region y=pct"),
    (.funnel, "resultater | where runde == 5 | summarize value = 100.0 * sum(startet) / sum(personer), n = sum(personer) by kommune | chart funnel x=n y=value label=kommune highlight=Slagelse"),
  ]

  /// The text `.help chart` prints.
  package static var manual: String {
    var lines = [
      "... | chart [KIND] [x=COLUMN] [y=COLUMN[,COLUMN...]] [series=COLUMN] [title=TEXT]",
      "              [target=N] [highlight=NAME] [label=COLUMN] [width=N] [height=N]",
      "              [bins=N] [top=N] [rows=N]",
      "",
      "Draw the result in the terminal; chart is the last stage of any pipeline, also after",
      "bench, gap, flow and survival. y=a,b,c draws one series per column (wide columns).",
      "Every chart has a title (title=, default: the query), axis titles, and the unit of the",
      "measure (unit \"%\" gives 'value (%)'); each axis and label column keeps one number of",
      "decimals. Series differ by marker letter (V, P, N), by shade (█▓▒░) and, with",
      ".charset ascii, by line character (. * x ~); the legend names them. Without KIND:",
      "  bench … by runde   lines over runde: value, peer_value, national_value for one",
      "                     municipality, value per municipality for several",
      "  survival … by G    a step curve of still_on_pct over week, one per group",
      "  gap                bars of value per measure and municipality, target (threshold) ┃",
      "  gap … by runde     lines over runde of one measure: value and threshold for one",
      "                     municipality, value per municipality for several",
      "  flow               a heatmap from_status × to_status of row_pct",
      "  otherwise          a time column gives a line, a category with a value gives bars;",
      "                     when a category repeats, chart refuses and names a chart to ask for.",
      "The line under the chart says which default was drawn. target draws a reference line,",
      "highlight marks one category. Charts fit the terminal's width (or width=) and, in the",
      "shell, its height: the plot shrinks so the title, the axis top and the footer stay on",
      "screen (or height=). They use the locale (.locale da) and the charset (.charset ascii),",
      "and are readable without colour. Bar, grouped, stacked, column,",
      "sparkline and heatmap charts draw the first 1,000 rows and say how many they left out;",
      "rows=N draws more (or fewer), top=N keeps the N largest categories. Ctrl-C stops a chart.",
      "chart funnel draws a share (y=, default value) by its denominator (x=, default n) with",
      "control limits p0 ± z·√(p0(1−p0)/n) at 95 % (z = 1.96) and 99.8 % (z = 3.09) around the",
      "pooled share p0 (national_value of a bench result, else Σ y·n / Σ n), clipped to 0–100 %;",
      "points outside are drawn with other glyphs; overdispersion is not adjusted for.",
      "",
      "Kinds: " + ChartKind.allCases.map(\.rawValue).joined(separator: ", "),
      "",
      "Examples:",
    ]
    for (kind, example) in examples {
      lines.append("  \(kind.rawValue):")
      lines.append("    \(example)")
    }
    return lines.joined(separator: "\n")
  }
}
