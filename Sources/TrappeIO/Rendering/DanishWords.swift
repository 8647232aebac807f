/// The Danish display words of `.lang da`, in one table: column headers of analysis output,
/// trend and funnel words, and yes/no for booleans. Display only: queries keep the English
/// column names (`| where value > 10`), and CSV, TSV and JSON keep names and values as they are.
package enum DanishWords {
  /// Column name → Danish header.
  package static let headers: [String: String] = [
    "value": "værdi",
    "peer_value": "sammenlignelige",
    "national_value": "landsgennemsnit",
    "top10_value": "top_10",
    "diff_peers": "forskel_sammenlignelige",
    "diff_national": "forskel_land",
    "rank_peers": "rang_sammenlignelige",
    "rank_national": "rang_land",
    "change": "ændring",
    "did_peers": "did_sammenlignelige",
    "did_national": "did_land",
    "funnel": "tragt",
    "expected": "forventet",
    "expected_value": "forventet",
    "threshold": "målværdi",
    "gap_pp": "afstand_pp",
    "met": "nået",
    "short": "mangler",
    "rounds_to_target": "runder_til_mål",
    "trend": "tendens",
    "distance": "afstand",
    "rank": "rang",
    "persons": "personer",
    "row_pct": "række_pct",
    "from_status": "fra_status",
    "to_status": "til_status",
    "stock_start": "bestand_start",
    "inflow": "tilgang",
    "outflow": "afgang",
    "net": "netto",
    "stock_end": "bestand_slut",
    "peer_persons": "sammenlignelige_personer",
    "peer_row_pct": "sammenlignelige_række_pct",
    "diff_pct": "forskel_pct",
    "week": "uge",
    "at_risk": "i_risiko",
    "events": "hændelser",
    "censored": "censureret",
    "survival": "overlevelse",
    "median_weeks": "median_uger",
  ]

  /// Text cell → Danish text, in the columns of ``valueColumns`` only (a municipality is never renamed).
  package static let values: [String: String] = [
    "met": "nået",
    "approaching": "nærmer sig",
    "moving away": "fjerner sig",
    "inside": "inden for",
    "above 95 %": "over 95 %",
    "above 99.8 %": "over 99,8 %",
    "below 95 %": "under 95 %",
    "below 99.8 %": "under 99,8 %",
    "yes": "ja",
    "no": "nej",
  ]

  /// The columns whose text cells are analysis words (``values``).
  package static let valueColumns: Set<String> = ["trend", "funnel"]

  /// How booleans read: `true` → ja, `false` → nej.
  package static let yes = "ja"
  package static let no = "nej"
}
