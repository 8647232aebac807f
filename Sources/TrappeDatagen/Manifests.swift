
/// The manifests of the three generated datasets.
enum Manifests {
  /// The manifest of `resultater`.
  static func resultater(rows: Int, seed: UInt64, longTermShare: Double) -> String {
    let share = GeneratorText.round(longTermShare * 1000)
    return ManifestText(
      name: "resultater",
      title: "Ny Chance-målgruppen og resultater efter kommune, evalueringsrunde, ydelse og herkomst (illustrativ)",
      rows: rows,
      calibratedTo:
        "kontanthjaelp.csv (January 2007–2010 interpolated to each round), kommuner.csv, befolkning.csv, "
        + "shared/data/ny_chance_reference.csv and the VIP2 seeds",
      seed: seed, period: "2007–2009, rounds September 2007 to March 2009",
      definition:
        "Per municipality and round (1 Sep 2007, 2 Jan 2008, 3 Mar 2008, 4 Sep 2008, 5 Mar 2009): the Ny Chance "
        + "target group (long-term recipients) by benefit and origin; started and weeks refer to the 12 months before the round",
      notes: [
        "Target group = real kontanthjælp recipients × 0.\(share) (Odense: 2,591 in the target group / 8,942 recipients, January 2007), "
          + "× a long-term factor per round; it is the stock at each round, not a fixed cohort, and its national size was not checked against the official count",
        "Kontant- and starthjælp only: no source puts introduktionsydelse recipients in the Ny Chance target group (ydelser.ny_chance)",
        "Method municipalities: the minority part (indvandrer, efterkommer) falls by seed 001's amount for ethnic-minority citizens on public support "
          + "(Slagelse a fifth; Gladsaxe, Aabenraa, Aarhus about 15 %; Fredensborg, outside \"hovedparten\", 8 %; which one falls less is invented)",
        "Minority shares and employment rates per method municipality are illustrative: seed 002 gives only the ranges (a quarter to a half; 43–57 %)",
        "National started share is 13 % at round 1, whose 12 months (Sep 2006 – Aug 2007) are nearest the Ny Chance first year (Jul 2006 – Jun 2007); "
          + "Odense's is 9/13 of the national share in every round (ny_chance_reference.csv: 9 % against 13 %); round 4 is the boom peak, round 5 the downturn",
        "Sorø, Jammerbugt and Hedensted self-supporting time shares (43, 26, 22 %) were published for 1½ years (Jul 2006 – Dec 2007); "
          + "they are placed in round 2, whose window is the 12 months Jan – Dec 2007",
        "jobpakke is cumulative (persons who started a jobpakke since April 2007) and 0 outside the five method municipalities",
      ],
      columns: [
        ("kommunekode", "int | code | Municipality code"),
        ("kommune", "string | - | Municipality name"),
        ("runde", "int | round | Evaluation round 1–5 (Sep 2007, Jan 2008, Mar 2008, Sep 2008, Mar 2009)"),
        ("ydelse", "string | - | kontanthjælp or starthjælp"),
        ("herkomst", "string | - | dansk, indvandrer or efterkommer"),
        ("personer", "int | persons | Persons in the Ny Chance target group at the round"),
        ("startet", "int | persons | Persons who started a job or an education in the 12 months before the round"),
        ("uger_selvforsoergende", "double | person-weeks | Weeks self-supporting in the 12 months before the round"),
        ("uger_aktivering", "double | person-weeks | Weeks in activation in the 12 months before the round"),
        ("uger_i_alt", "double | person-weeks | All weeks in the target group in the 12 months before the round"),
        ("jobpakke", "int | persons | Persons who have started a jobpakke since the project start (method municipalities only)"),
      ]
    ).text
  }

  /// The manifest of `jobpakker`.
  static func jobpakker(rows: Int, seed: UInt64) -> String {
    ManifestText(
      name: "jobpakker",
      title: "Jobpakker startet efter metodekommune, evalueringsrunde og jobområde (illustrativ)",
      rows: rows,
      calibratedTo: "the VIP2 seeds: 313 jobpakker by round 5, 126 (40 %) in the 12 start packages (seed 001); almost 200, about 55 % in new job areas (seed 000), placed by round 4 by assumption",
      seed: seed, period: "April 2007 – March 2009",
      definition: "Jobpakker started in the round (since the previous round; round 1 since April 2007); sum over rounds for cumulative figures",
      notes: [
        "Seed 001 gives the number of start packages (12), not their names: the 12 job areas marked startpakke = 1 are illustrative, "
          + "and so are the 8 new areas, except that seed 001 names health and pedagogical areas as new and warehouse work as touching the 12",
        "Seed 000 does not say which round its \"knap 200\" jobpakker belong to; placing them by round 4 (September 2008) is an assumption",
        "Cumulative totals: 195 by round 4 and 313 by round 5, 126 of them in start packages; the 118 of round 5 follow from the two totals",
        "One jobpakke is one person's course (resultater.jobpakke counts the same packages as persons); whether seed 001's 313 are agreements or persons is not stated",
      ],
      columns: [
        ("kommunekode", "int | code | Municipality code (the five method municipalities)"),
        ("kommune", "string | - | Municipality name"),
        ("runde", "int | round | Evaluation round 1–5"),
        ("jobomraade", "string | - | Job area"),
        ("startpakke", "bool | - | Whether the job area counts as one of the 12 start packages (which areas they are is illustrative)"),
        ("jobpakker", "int | packages | Jobpakker started in the round"),
      ]
    ).text
  }

  /// The manifest of `forloeb`.
  static func forloeb(rows: Int, seed: UInt64, comparables: String) -> String {
    ManifestText(
      name: "forloeb",
      title: "Ugentlige forløb på ydelser pr. person, metode- og sammenligningskommuner (illustrativt DREAM-udtræk)",
      rows: rows,
      calibratedTo:
        "kontanthjaelp.csv (persons per municipality ∝ January 2007 recipients), kommunepanel.csv (comparables), "
        + "the VIP2 seeds (minority shares, boom until autumn 2008 and downturn after)",
      seed: seed, period: "2007W01–2009W26",
      definition:
        "One row per spell: a person's consecutive weeks in one status; each person's spells cover 2007W01–2009W26 without gaps or overlaps",
      notes: [
        "slut_uge NULL = still in the status at 2009W26 (right-censored); spells starting 2007W01 began earlier (left-censored): start_faktisk gives an illustrative true start",
        "Comparable municipalities: \(ComparableMunicipalities.definition); so flow and survival compare with the peers bench uses (bench … against peers with k=10 adds more): \(comparables)",
        "Exits to work rise until 2008W36 and fall to about half by 2009W10; job losses triple over the same months",
        "Not calibrated to the Ny Chance results: the cohort on kontant-/starthjælp in 2007W01 (all recipients, the long-term "
          + "target group cannot be told apart) starts job or education far more often (about 39 % within 11 months) than the "
          + "published 13 % of the target group in the first year (TV2 Fyn); gap … cohort on forloeb shows the method, not the level",
      ],
      columns: [
        ("person", "int | id | Person number (illustrative)"),
        ("kommunekode", "int | code | Municipality code"),
        ("kommune", "string | - | Municipality name"),
        ("herkomst", "string | - | dansk, indvandrer or efterkommer"),
        ("aldersgruppe", "string | years | Age group in 2007: 16-24, 25-29, 30-39, 40-49 or 50-64"),
        ("koen", "string | - | kvinde or mand"),
        ("start_uge", "period | ISO week | First week of the spell"),
        ("slut_uge", "period | ISO week | Last week of the spell; NULL if still running at 2009W26"),
        ("status", "string | - | kontanthjælp, starthjælp, introduktionsydelse, aktivering, selvforsørgende, uddannelse, sygedagpenge, a-dagpenge or førtidspension"),
        ("start_faktisk", "period | ISO week | True first week of the spell: = start_uge, except for the spells running at 2007W01, whose earlier weeks are drawn (illustrative): weeks already on = geometric with the status's own weekly exit chance, at most back to 1991W01 (DREAM's start); for delayed entry: survival … entry start_faktisk"),
      ]
    ).text
  }
}
