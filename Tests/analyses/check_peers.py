#!/usr/bin/env python3
"""Checks `peers` (exclusions, stability, the poor-match warning), `bench ... against
kommunegruppe` and forloeb's comparison municipalities against an independent computation.

Usage: check_peers.py PATH-TO-TRAPPE

The z-scores (sample sd over all 98 municipalities of one year) are computed in DuckDB SQL from
Datasets/kommunepanel.csv; the Euclidean k-NN, with the VIP2 method municipalities
(Datasets/grupper.csv, vip2_metode) left out as candidates, in plain Python. Checked:
- peers M (k=10, 2007) for the five method municipalities: names in order and distances, and
  none of them another method municipality; `exclude none` lets them back in;
- peers M stability: for every year 2007-2022 the number of peers, kept, kept_share, new and
  dropped against the 2007 peers;
- the poor-match warning appears exactly when the mean distance of the k peers is over 3 times
  the median of every municipality's mean distance;
- bench i_gang against kommunegruppe: peer_value = pooled startet / personer (Datasets/resultater.csv)
  over the other members of the municipality's own group in Datasets/kommunegrupper.csv, less the
  method municipalities;
- forloeb's comparison municipalities (Datasets/forloeb.csv) = the union of the 3 nearest of each
  method municipality.
Prints "N passed, M failed"; exits 1 on a mismatch.
"""
import math

from checklib import DATA, binary_argument, check, close, csv_rows, duckdb, finish, run

Z_SQL = """
with p as (
  select kommune, aar, cast(befolkning as double) as b,
    100.0 * fuldtidsledige / befolkning as l, 100.0 * kontanthjaelp_jan / befolkning as k
  from read_csv_auto('{data}/kommunepanel.csv')),
s as (select aar, avg(b) mb, stddev_samp(b) sb, avg(l) ml, stddev_samp(l) sl, avg(k) mk, stddev_samp(k) sk
      from p group by aar)
select p.kommune, p.aar, (b - mb) / sb, (l - ml) / sl, (k - mk) / sk from p join s using (aar)
"""


def load():
    z = {}
    for kommune, aar, *scores in duckdb.sql(Z_SQL.format(data=DATA)).fetchall():
        z.setdefault(aar, {})[kommune] = scores
    method = [r[0] for r in duckdb.sql(
        f"select kommune from read_csv_auto('{DATA}/grupper.csv') where gruppe = 'vip2_metode'").fetchall()]
    return z, method


def nearest(z_year, target, k, excluded):
    centre = z_year[target]
    found = sorted(
        (math.sqrt(sum((a - b) ** 2 for a, b in zip(scores, centre))), name)
        for name, scores in z_year.items() if name != target and name not in excluded)
    return found[:k]


def main():
    binary = binary_argument()
    z, method = load()
    check("five method municipalities in grupper", len(method) == 5, f"{method}")
    years = sorted(z)
    excluded = set(method)

    # peers M, with and without the exclusion.
    for name in method:
        want = nearest(z[2007], name, 10, excluded - {name})
        rows = csv_rows(binary, [f"peers {name}"], warnings_fail=False)
        got = [(float(r["distance"]), r["kommune"]) for r in rows]
        check(f"peers {name}: names", [n for _, n in got] == [n for _, n in want], f"{got} vs {want}")
        check(f"peers {name}: distances", all(close(g, w) for (g, _), (w, _) in zip(got, want)))
        check(f"peers {name}: no other method municipality", not ({n for _, n in got} & excluded))
        print(f"{name:<12} 2007 peers: {', '.join(n for _, n in want)}")
        everyone = nearest(z[2007], name, 10, set())
        rows = csv_rows(binary, [f"peers {name} exclude none"], warnings_fail=False)
        check(f"peers {name} exclude none", [r["kommune"] for r in rows] == [n for _, n in everyone],
              f"{[r['kommune'] for r in rows]} vs {everyone}")

    # stability.
    for name in method:
        base = [n for _, n in nearest(z[years[0]], name, 10, excluded - {name})]
        rows = csv_rows(binary, [f"peers {name} stability"], warnings_fail=False)
        check(f"peers {name} stability: one row per year", [int(r["aar"]) for r in rows] == years)
        kept_counts = []
        for row in rows:
            year = int(row["aar"])
            peers = [n for _, n in nearest(z[year], name, 10, excluded - {name})]
            kept = [n for n in peers if n in base]
            new = [n for n in peers if n not in base]
            dropped = [n for n in base if n not in peers]
            kept_counts.append(len(kept))
            label = f"peers {name} stability {year}"
            check(f"{label} peers", int(row["peers"]) == len(peers), f"{row['peers']} vs {len(peers)}")
            check(f"{label} kept", int(row["kept"]) == len(kept), f"{row['kept']} vs {len(kept)}")
            check(f"{label} kept_share", close(row["kept_share"], len(kept) / len(base)))
            check(f"{label} new", row["new"] == ", ".join(new), f"{row['new']!r} vs {new}")
            check(f"{label} dropped", row["dropped"] == ", ".join(dropped), f"{row['dropped']!r} vs {dropped}")
        print(f"{name:<12} kept of 10, 2007-2022: {kept_counts}")

    # the poor-match warning: mean distance over 3 times the median of every municipality's.
    for name, k in (("København", 3), ("Gladsaxe", 3), ("Aarhus", 10), ("Odense", 5)):
        means = sorted(sum(d for d, _ in nearest(z[2007], m, k, excluded - {name})) / k for m in z[2007])
        half = len(means) // 2
        median = means[half] if len(means) % 2 else (means[half - 1] + means[half]) / 2
        own = sum(d for d, _ in nearest(z[2007], name, k, excluded - {name})) / k
        # The footer (with the warning) is printed in box mode.
        output = run(binary, [".width 400", f"peers {name} k={k}"], "box")
        check(f"peers {name} k={k} runs", output.returncode == 0, output.stderr)
        warned = "warning: poor matches" in output.stdout + output.stderr
        check(f"peers {name} k={k}: warning iff mean > 3 x median ({own:.2f} vs {median:.2f})",
              warned == (own > 3 * median), f"warned={warned}")
        print(f"{name:<12} k={k}: mean distance {own:.2f}, median {median:.2f}, ratio {own / median:.1f}")

    # bench against kommunegruppe.
    pooled = duckdb.sql(f"""
      with g as (select kommune, kommunegruppe from read_csv_auto('{DATA}/kommunegrupper.csv')),
      r as (select kommune, sum(startet)::double s, sum(personer)::double p
            from read_csv_auto('{DATA}/resultater.csv') group by kommune)
      select t.kommune, 100 * sum(r.s) / sum(r.p)
      from g t join g o on o.kommunegruppe = t.kommunegruppe and o.kommune <> t.kommune
        join r on r.kommune = o.kommune
      where o.kommune not in ({", ".join("'" + m + "'" for m in method)})
      group by t.kommune""").fetchall()
    want = dict(pooled)
    targets = ["Gladsaxe", "Aarhus", "Odense", "Slagelse", "Dragør"]
    rows = csv_rows(binary, [f"bench i_gang for {', '.join(targets)} against kommunegruppe"])
    check("bench against kommunegruppe rows", [r["kommune"] for r in rows] == targets)
    for row in rows:
        check(f"bench {row['kommune']} against kommunegruppe peer_value",
              close(row["peer_value"], want[row["kommune"]]), f"{row['peer_value']} vs {want[row['kommune']]}")

    # forloeb's comparison municipalities.
    union = set()
    for name in method:
        union |= {n for _, n in nearest(z[2007], name, 3, excluded - {name})}
    found = {r[0] for r in duckdb.sql(
        f"select distinct kommune from read_csv_auto('{DATA}/forloeb.csv')").fetchall()} - set(method)
    check("forloeb comparables = union of the 3 nearest peers", found == union,
          f"forloeb {sorted(found)} vs peers {sorted(union)}")
    print(f"forloeb comparables ({len(found)}): {', '.join(sorted(found))}")
    finish()


if __name__ == "__main__":
    main()
