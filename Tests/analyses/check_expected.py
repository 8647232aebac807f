#!/usr/bin/env python3
"""Checks `expected` (WLS of the municipalities' values on framework variables) against statsmodels.

Usage: check_expected.py PATH-TO-TRAPPE

Independently of Trappe: the municipalities' values are computed from Datasets/*.csv with DuckDB
SQL (scale · sum(numerator) / sum(denominator) per municipality), the design (intercept, numbers,
a 0/1 column per text value but the first, values sorted) is built in numpy, and the model is
fitted with statsmodels WLS (weights = the denominators; classical standard errors, its default).
Trappe's expected values, diff, rank (1 = furthest on the better side), n, and with `model` the
coefficients, standard errors, t values, R² and the number of municipalities must agree to 1e-9
(relative; absolute below 1). Also: the Y30R21 dataset's measure y30_andel reproduces the
published shares, bench ... against expected reproduces the published expected shares and the
benchmark places, a collinear design is refused naming the variable, and a municipality with a
missing variable is left out. Prints "N passed, M failed"; exits 1 on any mismatch, also when
statsmodels, numpy or duckdb is missing (Scripts/ensure-deps --with-duckdb installs them).
"""
import sys

from checklib import DATA, binary_argument, check, close, csv_rows, duckdb, finish, run

try:
    import numpy as np
    import statsmodels.api as sm
except ImportError as error:
    print(f"FAIL: {error.name} is missing, so this cross-check cannot run (Scripts/ensure-deps --with-duckdb installs it)")
    sys.exit(1)

KH = "measure kh = 1000 * sum(kontanthjaelp_jan) / sum(befolkning) better lower"
PANEL = ("kommunepanel | where aar between 2007 and 2009 | join (kommuner | select kommune, areal_km2) on kommune"
         " | extend ledighed_pct = 100.0 * fuldtidsledige / befolkning, taethed = ln(befolkning / areal_km2)")


def panel_rows(years):
    """(kommune, aar, region, kh, n, ledighed_pct, taethed, befolkning) from the CSVs, in DuckDB."""
    return duckdb.sql(f"""
        select p.kommune, p.aar, p.region, 1000.0 * sum(p.kontanthjaelp_jan) / sum(p.befolkning) as kh,
               sum(p.befolkning) as n, 100.0 * any_value(p.fuldtidsledige) / any_value(p.befolkning) as ledighed_pct,
               ln(any_value(p.befolkning) / any_value(k.areal_km2)) as taethed, any_value(p.befolkning)::double as befolkning
        from read_csv_auto('{DATA}/kommunepanel.csv') p join read_csv_auto('{DATA}/kommuner.csv') k using (kommune)
        where p.aar in ({", ".join(map(str, years))})
        group by p.kommune, p.aar, p.region order by p.aar, p.kommune""").fetchall()


def design(rows, variables):
    """The design matrix and term names: intercept, numbers, text as 0/1 columns but the first value."""
    columns, terms = [np.ones(len(rows))], ["intercept"]
    for name, values in variables:
        if isinstance(values[0], str):
            levels = sorted(set(values))
            for level in levels[1:]:
                columns.append(np.array([1.0 if v == level else 0.0 for v in values]))
                terms.append(f"{name}={level}")
        else:
            columns.append(np.array(values, dtype=float))
            terms.append(name)
    return np.column_stack(columns), terms


def rank_range(diffs, lower_better, tolerance):
    """Per difference the ranks it may have: 1 + the number better by more than tolerance, up to that plus
    the number tied with it within tolerance (equal in exact arithmetic, e.g. two municipalities of one region
    with the same published share, which rounding may order either way)."""
    out = []
    for d in diffs:
        better = sum(1 for e in diffs if (e < d - tolerance if lower_better else e > d + tolerance))
        tied = sum(1 for e in diffs if abs(e - d) <= tolerance) - 1
        out.append((1 + better, 1 + better + tied))
    return out


def exact_coefficients(y, weights, X):
    """The WLS coefficients in exact rational arithmetic (normal equations, Gaussian elimination on
    Fractions of the doubles): the reference both Trappe and statsmodels are measured against."""
    from fractions import Fraction as F
    n, p = X.shape
    xs = [[F(float(X[i][j])) for j in range(p)] for i in range(n)]
    ws = [F(float(v)) for v in weights]
    ys = [F(float(v)) for v in y]
    m = [[sum(ws[i] * xs[i][a] * xs[i][b] for i in range(n)) for b in range(p)]
         + [sum(ws[i] * xs[i][a] * ys[i] for i in range(n))] for a in range(p)]
    for k in range(p):
        for i in range(k + 1, p):
            f = m[i][k] / m[k][k]
            m[i] = [m[i][j] - f * m[k][j] for j in range(p + 1)]
    beta = [F(0)] * p
    for k in reversed(range(p)):
        beta[k] = (m[k][p] - sum(m[k][j] * beta[j] for j in range(k + 1, p))) / m[k][k]
    return [float(b) for b in beta]


def compare_model(label, rows, y, weights, X, terms, got_rows, got_model, lower_better=True):
    fit = sm.WLS(np.array(y), X, weights=np.array(weights)).fit()
    names = [r[0] for r in rows]
    check(f"{label}: municipalities", sorted(g["kommune"] for g in got_rows) == sorted(names),
          f"{len(got_rows)} vs {len(names)}")
    by_name = {g["kommune"]: g for g in got_rows}
    diffs = list(np.array(y) - fit.fittedvalues)
    scale = max(1.0, max(abs(v) for v in y))
    want_ranks = rank_range(diffs, lower_better, 1e-9 * scale)
    worst = 0.0
    for i, name in enumerate(names):
        g = by_name.get(name)
        if g is None:
            continue
        for column, want in (("actual", y[i]), ("expected", fit.fittedvalues[i]), ("n", weights[i])):
            ok = close(g[column], want)
            worst = max(worst, abs(float(g[column]) - want) / max(1.0, abs(want)))
            check(f"{label} {name} {column}", ok, f"{g[column]} vs {want!r}")
        # diff = actual - expected: a difference of two values of the size of y, so its error is
        # measured against that size (1e-9 of the largest value), not against the small difference.
        check(f"{label} {name} diff", abs(float(g["diff"]) - diffs[i]) <= 1e-9 * scale, f"{g['diff']} vs {diffs[i]!r}")
        low, high = want_ranks[i]
        check(f"{label} {name} rank", low <= int(g["rank"]) <= high, f"{g['rank']} vs {low}..{high}")
    exact = exact_coefficients(y, weights, X)
    for j, m in enumerate(got_model[:len(terms)]):
        check(f"{label} {m['term']} coef against exact arithmetic", close(m["coef"], exact[j], rel=1e-12),
              f"{m['coef']} vs {exact[j]!r}")
    check(f"{label}: terms", [m["term"] for m in got_model] == terms, f"{[m['term'] for m in got_model]} vs {terms}")
    for j, m in enumerate(got_model[:len(terms)]):
        for column, want in (("coef", fit.params[j]), ("std_err", fit.bse[j]), ("t", fit.tvalues[j]),
                             ("r2", fit.rsquared)):
            worst = max(worst, abs(float(m[column]) - want) / max(1.0, abs(want)))
            check(f"{label} {m['term']} {column}", close(m[column], want), f"{m[column]} vs {want!r}")
        check(f"{label} {m['term']} municipalities", int(m["municipalities"]) == len(rows))
    print(f"{label}: {len(rows)} municipalities, {len(terms)} terms, R² {fit.rsquared:.4f}, "
          f"largest relative difference from statsmodels {worst:.1e}")


def panel_checks(binary):
    # One year, numbers and a text variable (region: four 0/1 columns).
    spec = "expected kh on (ledighed_pct, taethed, region)"
    rows = [r for r in panel_rows([2009])]
    X, terms = design(rows, [("ledighed_pct", [r[5] for r in rows]), ("taethed", [r[6] for r in rows]),
                             ("region", [r[2] for r in rows])])
    got = csv_rows(binary, [KH, f"{PANEL} | where aar == 2009 | {spec}"])
    model = csv_rows(binary, [KH, f"{PANEL} | where aar == 2009 | {spec} model"])
    compare_model("kh 2009 on (ledighed_pct, taethed, region)", rows, [r[3] for r in rows], [r[4] for r in rows],
                  X, terms, got, model)
    # by aar: one model per year, on a large-valued variable (befolkning) next to the intercept.
    spec = "expected kh on (befolkning, ledighed_pct) by aar"
    got = csv_rows(binary, [KH, f"{PANEL} | {spec}"])
    model = csv_rows(binary, [KH, f"{PANEL} | {spec} model"])
    for year in (2007, 2008, 2009):
        rows = [r for r in panel_rows([year])]
        X, terms = design(rows, [("befolkning", [r[7] for r in rows]), ("ledighed_pct", [r[5] for r in rows])])
        compare_model(f"kh {year} on (befolkning, ledighed_pct)", rows, [r[3] for r in rows], [r[4] for r in rows],
                      X, terms, [g for g in got if g["aar"] == str(year)], [m for m in model if m["aar"] == str(year)])


Y30 = ('jobindsats_y30r21 | where periode == "2022QMAT04" and ydelsesgruppe == "Kontanthjælp mv."'
       ' | join (kommuner | select kommune, region) on kommune')


def y30_checks(binary):
    rows = duckdb.sql(f"""
        select y.kommune, y.faktisk_andel_pct, y.forventet_andel_pct, y.placering, y.befolkning_16_66, k.region
        from read_csv_auto('{DATA}/jobindsats_y30r21.csv') y join read_csv_auto('{DATA}/kommuner.csv') k using (kommune)
        where y.periode = '2022QMAT04' and y.ydelsesgruppe = 'Kontanthjælp mv.' order by y.kommune""").fetchall()
    check("Y30R21: 98 municipalities in 2022QMAT04, Kontanthjælp mv.", len(rows) == 98, str(len(rows)))
    # The added kommunekode names the same municipality as kommuner, in every row; 98 x 4 x 6 rows.
    bad, total = duckdb.sql(f"""
        select count(*) filter (where k.kommune is distinct from y.kommune), count(*)
        from read_csv_auto('{DATA}/jobindsats_y30r21.csv') y left join read_csv_auto('{DATA}/kommuner.csv') k
          on k.kommunekode = y.kommunekode""").fetchall()[0]
    check("Y30R21: kommunekode agrees with kommuner in every row", bad == 0 and total == 98 * 4 * 6, f"{bad} of {total}")
    got = csv_rows(binary, ["jobindsats_y30r21 | summarize rows = count(), kommuner = count_distinct(kommunekode),"
                            " perioder = count_distinct(periode)"])
    check("Y30R21 loads: 2352 rows, 98 municipalities, 6 periods",
          (got[0]["rows"], got[0]["kommuner"], got[0]["perioder"]) == ("2352", "98", "6"), str(got))
    # expected y30_andel on (region): the published shares regressed on region, weighted by the 16-66 population.
    X, terms = design(rows, [("region", [r[5] for r in rows])])
    got = csv_rows(binary, [f"{Y30} | expected y30_andel on (region)"])
    model = csv_rows(binary, [f"{Y30} | expected y30_andel on (region) model"])
    compare_model("y30_andel 2022QMAT04 kontanthjælp on (region)", rows, [r[1] for r in rows], [r[4] for r in rows],
                  X, terms, got, model)
    # bench against expected: peer_value is the published expected share, rank_peers the published place
    # (where the published shares, rounded to hundredths, do not tie).
    names = ", ".join(f'"{r[0]}"' for r in rows)
    bench = {g["kommune"]: g for g in csv_rows(binary, [f"{Y30} | bench y30_andel for {names} against expected"])}
    diffs = {r[0]: r[1] - r[2] for r in rows}
    mismatched = []
    for name, actual, expected, place, _, _ in rows:
        g = bench.get(name)
        if g is None:
            check(f"bench against expected {name}", False, "missing")
            continue
        check(f"bench against expected {name} value", close(g["value"], actual), f"{g['value']} vs {actual}")
        check(f"bench against expected {name} peer_value", close(g["peer_value"], expected), f"{g['peer_value']} vs {expected}")
        tied = sum(1 for d in diffs.values() if abs(d - diffs[name]) < 1e-9) > 1
        low = 1 + sum(1 for d in diffs.values() if d < diffs[name] - 1e-9)
        high = low + sum(1 for d in diffs.values() if abs(d - diffs[name]) <= 1e-9) - 1
        check(f"bench against expected {name} rank_peers", low <= int(g["rank_peers"]) <= high,
              f"{g['rank_peers']} vs {low}..{high}")
        if not tied and int(g["rank_peers"]) != place:
            mismatched.append(name)
    check("bench against expected: rank_peers = published placering where the rounded diffs do not tie",
          not mismatched, str(mismatched))


def error_checks(binary):
    result = run(binary, [KH, f"{PANEL} | where aar == 2009 | extend dobbelt = 2 * ledighed_pct"
                              f" | expected kh on (ledighed_pct, dobbelt)"])
    check("collinear design is refused naming the variable",
          result.returncode != 0 and "collinear" in result.stderr and "'dobbelt'" in result.stderr, result.stderr)
    got = csv_rows(binary, [KH, f"{PANEL} | where aar == 2009 | extend x = if(region == \"Region Nordjylland\", null, ledighed_pct)"
                                f" | expected kh on (x)"])
    rows = [r for r in panel_rows([2009]) if r[2] != "Region Nordjylland"]
    check("municipalities with a missing variable are left out", got is not None and len(got) == len(rows) == 87,
          f"{len(got or [])} vs {len(rows)}")
    X, terms = design(rows, [("x", [r[5] for r in rows])])
    model = csv_rows(binary, [KH, f"{PANEL} | where aar == 2009 | extend x = if(region == \"Region Nordjylland\", null, ledighed_pct)"
                                  f" | expected kh on (x) model"])
    compare_model("kh 2009 on (x), Nordjylland missing", rows, [r[3] for r in rows], [r[4] for r in rows], X, terms,
                  got, model)


def readme_checks(binary):
    """The README's comparison of Trappe's own model on public data with the official Y30R21 list: the
    model refitted with statsmodels, its benchmark places (1 = lowest actual - expected) correlated with
    the published places by scipy's Spearman, and the expected shares with the published ones (Pearson)."""
    from scipy import stats
    rows = duckdb.sql(f"""
        select y.kommune, y.faktisk_andel_pct, y.befolkning_16_66, y.placering, y.forventet_andel_pct, k.region,
               100.0 * p.fuldtidsledige / p.befolkning ledighed_pct, ln(p.befolkning / k.areal_km2) taethed
        from read_csv_auto('{DATA}/jobindsats_y30r21.csv') y join read_csv_auto('{DATA}/kommuner.csv') k using (kommune)
          join read_csv_auto('{DATA}/kommunepanel.csv') p using (kommune)
        where y.periode = '2022QMAT04' and y.ydelsesgruppe = 'Kontanthjælp mv.' and p.aar = 2022
        order by y.kommune""").fetchall()
    X, _ = design(rows, [("ledighed_pct", [r[6] for r in rows]), ("taethed", [r[7] for r in rows]),
                         ("region", [r[5] for r in rows])])
    fit = sm.WLS(np.array([r[1] for r in rows]), X, weights=np.array([r[2] for r in rows])).fit()
    diffs = np.array([r[1] for r in rows]) - fit.fittedvalues
    spearman = stats.spearmanr(diffs, [r[3] for r in rows]).statistic
    pearson = stats.pearsonr(fit.fittedvalues, [r[4] for r in rows]).statistic
    public = ("let public = kommunepanel | where aar == 2022 | join (kommuner | select kommune, areal_km2) on kommune"
              " | extend ledighed_pct = 100.0 * fuldtidsledige / befolkning, taethed = ln(befolkning / areal_km2)"
              " | select kommune, region, ledighed_pct, taethed")
    kh22 = 'let kh22 = jobindsats_y30r21 | where periode == "2022QMAT04" and ydelsesgruppe == "Kontanthjælp mv."'
    got = csv_rows(binary, [kh22, public,
                            "kh22 | join (public) on kommune | expected y30_andel on (ledighed_pct, taethed, region)"
                            " | join (kh22 | select kommune, forventet_andel_pct, placering) on kommune"
                            " | summarize spearman = corr(rank, placering), r_expected = corr(expected, forventet_andel_pct),"
                            " ranks = count_distinct(rank)"])
    check("README: Trappe's places are 1-98 without ties (so corr of the places is Spearman's)",
          got[0]["ranks"] == "98", got[0]["ranks"])
    check("README: Spearman of Trappe's and the official places (scipy)", close(got[0]["spearman"], spearman),
          f"{got[0]['spearman']} vs {spearman}")
    check("README: correlation of the expected shares (scipy)", close(got[0]["r_expected"], pearson),
          f"{got[0]['r_expected']} vs {pearson}")
    print(f"README: Spearman {spearman:.3f}, correlation of the expected shares {pearson:.3f}")


def main():
    binary = binary_argument()
    panel_checks(binary)
    y30_checks(binary)
    readme_checks(binary)
    error_checks(binary)
    finish()


if __name__ == "__main__":
    main()
