#!/usr/bin/env python3
"""Checks the funnel-plot limits (`bench … funnel` and `chart funnel`) against an independent
computation with numpy and scipy over Datasets/resultater.csv (summed in DuckDB).

Usage: python3 Tests/analyses/check_funnel.py [path/to/trappe]

What is checked (issue 14, item 2):
- For every round and every municipality of resultater, i_gang = 100 · Σ startet / Σ personer,
  the national pooled rate p0 = Σ startet / Σ personer over all municipalities of the round,
  and the limits p0 ± z·√(p0(1−p0)/n) with z from scipy's normal quantiles (0.975 and 0.999),
  clipped to [0, 1]; the band (above 99.8 %, above 95 %, inside, below 95 %, below 99.8 %) must
  equal trappe's `funnel` column of `bench i_gang for <all municipalities> by runde funnel`.
- Round 5: the counts `chart funnel` prints (inside, outside above/below, outside 99.8 %) for
  the round's summarize equal the counts from the same independent classification.
- The check also requires that round 5 has municipalities in at least three bands, so that the
  comparison can fail.
No number Trappe prints is used as an input to the expected values.
"""
import re

import checklib
from checklib import DATA, close, duckdb, finish

try:
    import numpy as np
    from scipy.stats import norm
except ImportError:
    print("FAIL: numpy and scipy are needed for this cross-check (Scripts/ensure-deps installs them)")
    raise SystemExit(1)

trappe = checklib.binary_argument()
con = duckdb.connect()
cells = con.execute(f"""
  select runde, kommune, sum(startet)::double as num, sum(personer)::double as den
  from read_csv_auto('{DATA}/resultater.csv') group by all order by runde, kommune""").fetchall()

z95 = norm.ppf(0.975)
z998 = norm.ppf(0.999)
checklib.check("z for 95 %", abs(z95 - 1.959964) < 1e-6, f"{z95}")
checklib.check("z for 99.8 %", abs(z998 - 3.090232) < 1e-6, f"{z998}")

expected = {}  # (runde, kommune) -> (value in %, band)
for runde in sorted({c[0] for c in cells}):
    rows = [c for c in cells if c[0] == runde]
    num = np.array([r[2] for r in rows])
    den = np.array([r[3] for r in rows])
    p0 = num.sum() / den.sum()
    with np.errstate(divide="ignore", invalid="ignore"):
        share = num / den
        sd = np.sqrt(p0 * (1 - p0) / den)
    lo95, hi95 = np.clip(p0 - z95 * sd, 0, 1), np.clip(p0 + z95 * sd, 0, 1)
    lo998, hi998 = np.clip(p0 - z998 * sd, 0, 1), np.clip(p0 + z998 * sd, 0, 1)
    for i, r in enumerate(rows):
        if r[3] <= 0:
            expected[(runde, r[1])] = (None, None)
            continue
        s = share[i]
        band = ("above 99.8 %" if s > hi998[i] else "above 95 %" if s > hi95[i]
                else "below 99.8 %" if s < lo998[i] else "below 95 %" if s < lo95[i] else "inside")
        expected[(runde, r[1])] = (100 * s, band)

names = sorted({c[1] for c in cells})
for_list = ", ".join('"' + n.replace('"', '""') + '"' for n in names)
got = checklib.csv_rows(
    trappe, [f"bench i_gang for {for_list} by runde funnel | select kommune, runde, value, n, funnel"],
    warnings_fail=False, exit_on_failure=False) or []
checklib.check("bench rows: one per municipality and round", len(got) == len(expected),
               f"trappe {len(got)}, expected {len(expected)}")
for g in got:
    key = (int(g["runde"]), g["kommune"])
    if not checklib.check(f"{key} is in resultater", key in expected):
        continue
    value, band = expected[key]
    if value is not None:
        checklib.check(f"{key} value", close(g["value"], value), f"trappe {g['value']}, numpy {value}")
    checklib.check(f"{key} funnel", (g["funnel"] or None) == band, f"trappe {g['funnel']!r}, numpy {band!r}")

bands5 = [b for (r, _), (_, b) in expected.items() if r == 5 and b]
checklib.check("round 5 spans at least three bands (the check can fail)", len(set(bands5)) >= 3, f"{set(bands5)}")

# The chart's own classification (FunnelChart counts its points) for round 5.
result = checklib.run(trappe, [
    "resultater | where runde == 5 | summarize value = 100.0 * sum(startet) / sum(personer), n = sum(personer) "
    "by kommune | chart funnel label=kommune width=200"], fmt="box")
text = " ".join(result.stdout.split())
m = re.search(r"(\d+) points: (\d+) inside the 95 % limits, (\d+) outside \((\d+) above, (\d+) below\), (\d+) of them "
              r"outside 99.8 %", text)
if checklib.check("chart funnel prints its counts", m is not None, result.stdout + result.stderr):
    points, inside, outside, above, below, outer = map(int, m.groups())
    want = (len(bands5), bands5.count("inside"), len(bands5) - bands5.count("inside"),
            sum(b.startswith("above") for b in bands5), sum(b.startswith("below") for b in bands5),
            sum(b.endswith("99.8 %") for b in bands5))
    checklib.check("chart funnel counts for round 5", (points, inside, outside, above, below, outer) == want,
                   f"trappe {(points, inside, outside, above, below, outer)}, numpy {want}")
finish()
