#!/usr/bin/env python3
"""Checks bench's 95 % intervals (`ci`) against statsmodels and textbook formulas in numpy,
with the pooled numerators and denominators summed by DuckDB over Datasets/*.csv.

Usage: python3 Tests/analyses/check_intervals.py [path/to/trappe]

What is checked (issue 14, item 1), to 1e-9:
- i_gang (persons who started / persons): value_lo/hi, peer_value_lo/hi, national_value_lo/hi by
  statsmodels proportion_confint(method="wilson") on the pooled sums.
- selvforsoergende (person-weeks): Wilson with the effective n = weeks / 52 and x = share · n.
- kh (per 1000 inhabitants): the Poisson score interval (x + z²/2 ∓ z√(x + z²/4)) / E · 1000.
- diff_peers, diff_national: Newcombe's hybrid score interval (Newcombe 1998, method 10),
  lower = d − √((p1 − l1)² + (u2 − p2)²), upper = d + √((u1 − p1)² + (p2 − l2)²); _sig when 0 is outside.
- did_peers, did_national (by runde): the same square-and-add over the four values (MOVER).
No number Trappe prints is used as an input to the expected values.
"""
import math

import numpy as np
from statsmodels.stats.proportion import proportion_confint

import checklib
from checklib import DATA, close, csv_rows, duckdb, finish

trappe = checklib.binary_argument()
Z = 1.959963984540054  # scipy.stats.norm.ppf(0.975)

con = duckdb.connect()
con.execute(f"create table r as select * from read_csv_auto('{DATA}/resultater.csv')")
con.execute(f"create table kp as select * from read_csv_auto('{DATA}/kommunepanel.csv')")

PEERS = ["Sorø", "Næstved", "Ringsted", "Holbæk"]


def sums(table, num, den, period, where_kommune=None):
    """{period: (numerator, denominator)} pooled over the municipalities (all when None)."""
    where = ""
    if where_kommune is not None:
        where = "where kommune in (" + ", ".join(f"'{k}'" for k in where_kommune) + ")"
    rows = con.execute(
        f"select {period}, sum({num})::double, sum({den})::double from {table} {where} group by 1 order by 1").fetchall()
    return {p: (n, d) for p, n, d in rows}


def wilson_pct(x, n):
    lo, hi = proportion_confint(x, n, alpha=0.05, method="wilson")
    return 100 * lo, 100 * hi


def weeks_pct(x, weeks):
    n = weeks / 52.0
    share = x / weeks
    lo, hi = proportion_confint(share * n, n, alpha=0.05, method="wilson")
    return 100 * lo, 100 * hi


def poisson_score(x, exposure, scale):
    half = Z * np.sqrt(x + Z * Z / 4)
    return scale * (x + Z * Z / 2 - half) / exposure, scale * (x + Z * Z / 2 + half) / exposure


def newcombe(p1, ci1, p2, ci2):
    d = p1 - p2
    return d - math.sqrt((p1 - ci1[0]) ** 2 + (ci2[1] - p2) ** 2), d + math.sqrt((ci1[1] - p1) ** 2 + (p2 - ci2[0]) ** 2)


def mover(terms):
    """terms: (sign, estimate, (lo, hi)); independent terms, square-and-add of the distances."""
    d = sum(s * e for s, e, _ in terms)
    below = sum(((e - ci[0]) if s > 0 else (ci[1] - e)) ** 2 for s, e, ci in terms)
    above = sum(((ci[1] - e) if s > 0 else (e - ci[0])) ** 2 for s, e, ci in terms)
    return d - math.sqrt(below), d + math.sqrt(above)


def check_number(label, got, want):
    ok = got not in ("", None) and close(got, want)
    checklib.check(label, ok, f"trappe {got!r}, expected {want!r}")


def check_measure(setup, statement, table, num, den, period, scale, interval):
    got = csv_rows(trappe, setup + [statement], exit_on_failure=False) or []
    own = sums(table, num, den, period, ["Slagelse"])
    peer = sums(table, num, den, period, PEERS)
    nat = sums(table, num, den, period)
    keys = sorted(own)
    if not checklib.check(f"{statement} row count", len(got) == len(keys), f"trappe {len(got)}, expected {len(keys)}"):
        return
    previous = None
    for g, p in zip(got, keys):
        at = f"{statement} [{p}]"
        rows = {}
        for name, cell in [("value", own[p]), ("peer_value", peer[p]), ("national_value", nat[p])]:
            est = scale * cell[0] / cell[1]
            ci = interval(cell[0], cell[1])
            rows[name] = (est, ci)
            check_number(f"{at} {name}", g[name], est)
            check_number(f"{at} {name}_lo", g[f"{name}_lo"], ci[0])
            check_number(f"{at} {name}_hi", g[f"{name}_hi"], ci[1])
        for diff, other in [("diff_peers", "peer_value"), ("diff_national", "national_value")]:
            lo, hi = newcombe(rows["value"][0], rows["value"][1], rows[other][0], rows[other][1])
            check_number(f"{at} {diff}_lo", g[f"{diff}_lo"], lo)
            check_number(f"{at} {diff}_hi", g[f"{diff}_hi"], hi)
            sig = "true" if (lo > 0 or hi < 0) else "false"
            checklib.check(f"{at} {diff}_sig", g[f"{diff}_sig"] == sig, f"trappe {g[f'{diff}_sig']}, expected {sig}")
        if previous is not None:
            for did, other in [("did_peers", "peer_value"), ("did_national", "national_value")]:
                lo, hi = mover([(1, *rows["value"]), (-1, *previous["value"]), (-1, *rows[other]), (1, *previous[other])])
                check_number(f"{at} {did}_lo", g[f"{did}_lo"], lo)
                check_number(f"{at} {did}_hi", g[f"{did}_hi"], hi)
        elif "did_peers_lo" in g:
            checklib.check(f"{at} did_peers_lo NULL in the first period", g["did_peers_lo"] == "", g["did_peers_lo"])
        previous = rows


against = "against (" + ", ".join(PEERS) + ")"
check_measure([], f"bench i_gang for Slagelse {against} by runde ci", "r", "startet", "personer", "runde", 100,
              wilson_pct)
check_measure([".ci on"], f"bench selvforsoergende for Slagelse {against} by runde", "r", "uger_selvforsoergende",
              "uger_i_alt", "runde", 100, weeks_pct)
check_measure(["measure kh = 1000 * sum(kontanthjaelp_jan) / sum(befolkning) better lower"],
              f"kommunepanel | bench kh for Slagelse {against} by aar ci", "kp", "kontanthjaelp_jan", "befolkning",
              "aar", 1000, lambda x, e: poisson_score(x, e, 1000))

# Without ci (and .ci off) there are no interval columns.
plain = csv_rows(trappe, [".ci on", ".ci off", f"bench i_gang for Slagelse {against}"], exit_on_failure=False) or [{}]
checklib.check("no interval columns after .ci off", "value_lo" not in plain[0], str(list(plain[0])))

# gap … ci: value_lo/value_hi per target from the pooled sums (rolling measures on resultater, round 5).
got = csv_rows(trappe, ["resultater | where runde == 5 | gap for Slagelse, Aarhus ci"], exit_on_failure=False) or []
targets = {"i_gang": ("startet", "personer", wilson_pct),
           "selvforsoergende": ("uger_selvforsoergende", "uger_i_alt", weeks_pct),
           "aktivering": ("uger_aktivering", "uger_i_alt", weeks_pct)}
checklib.check("gap ci row count", len(got) == 6, str(len(got)))
for g in got:
    num, den, method = targets[g["maal"]]
    x, n = con.execute(f"select sum({num})::double, sum({den})::double from r where runde = 5 and kommune = ?",
                       [g["kommune"]]).fetchone()
    lo, hi = method(x, n)
    check_number(f"gap {g['kommune']} {g['maal']} value_lo", g["value_lo"], lo)
    check_number(f"gap {g['kommune']} {g['maal']} value_hi", g["value_hi"], hi)

# gap … cohort ci: the counts are the cohort's (check_cohort.py recomputes them from forloeb); the
# interval is recomputed here from them: Wilson for i_gang; for person-weeks Wilson with
# n = min(the cohort's persons = i_gang's denominator, weeks / 52) and x = share · n.
got = csv_rows(trappe, ["gap cohort for Slagelse, Aarhus by runde ci"], exit_on_failure=False) or []
persons = {(g["kommune"], g["runde"]): float(g["denominator"]) for g in got if g["maal"] == "i_gang" and g["denominator"]}
checklib.check("gap cohort ci has rows", len(got) > 0, str(len(got)))
for g in got:
    at = f"gap cohort {g['kommune']} runde {g['runde']} {g['maal']}"
    if g["value"] == "":
        checklib.check(f"{at} value_lo NULL", g["value_lo"] == "", g["value_lo"])
        continue
    x, n = float(g["numerator"]), float(g["denominator"])
    if g["maal"] == "i_gang":
        lo, hi = wilson_pct(x, n)
    else:
        eff = min(persons[(g["kommune"], g["runde"])], n / 52.0)
        lo, hi = proportion_confint(x / n * eff, eff, alpha=0.05, method="wilson")
        lo, hi = 100 * lo, 100 * hi
    check_number(f"{at} value_lo", g["value_lo"], lo)
    check_number(f"{at} value_hi", g["value_hi"], hi)

# expected … ci: expected ∓ z · se of the fitted mean, se from statsmodels WLS get_prediction (se_mean),
# on kh 2009 regressed on the unemployment share and region, weighted by the population.
import statsmodels.api as sm

KH = "measure kh = 1000 * sum(kontanthjaelp_jan) / sum(befolkning) better lower"
PANEL = "kommunepanel | where aar == 2009 | extend ledighed_pct = 100.0 * fuldtidsledige / befolkning"
rows = con.execute("""
    select kommune, region, 1000.0 * sum(kontanthjaelp_jan) / sum(befolkning), sum(befolkning)::double,
           100.0 * any_value(fuldtidsledige) / any_value(befolkning)
    from kp where aar = 2009 group by kommune, region order by kommune""").fetchall()
levels = sorted({r[1] for r in rows})
X = np.column_stack([np.ones(len(rows)), [r[4] for r in rows]]
                    + [[1.0 if r[1] == level else 0.0 for r in rows] for level in levels[1:]])
fit = sm.WLS(np.array([r[2] for r in rows]), X, weights=np.array([r[3] for r in rows])).fit()
prediction = fit.get_prediction(X)
want = {r[0]: (fit.fittedvalues[i], prediction.se_mean[i]) for i, r in enumerate(rows)}
got = csv_rows(trappe, [KH, f"{PANEL} | expected kh on (ledighed_pct, region) ci"], exit_on_failure=False) or []
checklib.check("expected ci row count", len(got) == len(rows), f"trappe {len(got)}, expected {len(rows)}")
for g in got:
    e, se = want[g["kommune"]]
    check_number(f"expected {g['kommune']} expected", g["expected"], e)
    check_number(f"expected {g['kommune']} expected_lo", g["expected_lo"], e - Z * se)
    check_number(f"expected {g['kommune']} expected_hi", g["expected_hi"], e + Z * se)

finish()
