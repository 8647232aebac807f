#!/usr/bin/env python3
"""Checks bench and decompose against an independent SQL computation in DuckDB.

Usage: python3 Tests/analyses/check_with_duckdb.py [path/to/trappe]
Fails (exit 1) when the duckdb package is not installed (Scripts/ensure-deps --with-duckdb). Runs Trappe in csv mode on
the built-in datasets and recomputes the same figures from Datasets/*.csv in SQL.
"""
import csv, io, os, subprocess, sys

try:
    import duckdb
except ImportError:
    print("FAIL: the python module duckdb is missing, so this cross-check cannot run "
          "(Scripts/test installs it in .build/venv)")
    sys.exit(1)

root = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
trappe = sys.argv[1] if len(sys.argv) > 1 else os.path.join(root, ".build/debug/trappe")
data = os.path.join(root, "Datasets")


def run_trappe(statement):
    out = subprocess.run([trappe], input=".mode csv\n" + statement + "\n", capture_output=True, text=True,
                         cwd=root, timeout=120).stdout
    lines = [l for l in out.splitlines() if "," in l]
    return list(csv.DictReader(io.StringIO("\n".join(lines))))


con = duckdb.connect()
con.execute(f"create table r as select * from read_csv_auto('{data}/resultater.csv')")
con.execute(f"create table k as select * from read_csv_auto('{data}/kommuner.csv')")
failures = 0


def check(label, got, want):
    global failures
    if want is None and got in ("", None):
        return
    if want is None or got in ("", None) or abs(float(got) - want) > 1e-9:
        failures += 1
        print(f"MISMATCH {label}: trappe {got!r}, duckdb {want!r}")


# bench i_gang for Slagelse against region by runde
sql = """
with t as (select kommune, runde, sum(startet)::double n, sum(personer)::double d from r group by all),
v as (select *, 100 * n / d val from t),
ranked as (select *, row_number() over (partition by runde order by val desc, kommune) pos from v),
reg as (select kommune from k where region = (select region from k where kommune = 'Slagelse')),
per as (
  select runde,
    max(val) filter (where kommune = 'Slagelse') val,
    max(d) filter (where kommune = 'Slagelse') den,
    100 * sum(n) filter (where kommune in (select kommune from reg) and kommune <> 'Slagelse')
        / sum(d) filter (where kommune in (select kommune from reg) and kommune <> 'Slagelse') peer,
    100 * sum(n) / sum(d) nat,
    100 * sum(n) filter (where pos <= 10) / sum(d) filter (where pos <= 10) top10
  from ranked group by runde)
select p.*, 1 + (select count(*) from v where v.runde = p.runde and v.val > p.val) rank_nat,
  1 + (select count(*) from v where v.runde = p.runde and v.val > p.val
       and v.kommune in (select kommune from reg)) rank_peers,
  val - lag(val) over (order by runde) change,
  (val - lag(val) over (order by runde)) - (peer - lag(peer) over (order by runde)) did_peers,
  (val - lag(val) over (order by runde)) - (nat - lag(nat) over (order by runde)) did_nat
from per p order by runde
"""
want = con.execute(sql).fetchall()
got = run_trappe("bench i_gang for Slagelse against region by runde")
assert len(got) == len(want) == 5, (got, want)
for g, w in zip(got, want):
    runde, val, den, peer, nat, top10, rank_nat, rank_peers, change, did_peers, did_nat = w
    for column, value in [("value", val), ("n", den), ("peer_value", peer), ("national_value", nat),
                          ("top10_value", top10), ("rank_national", rank_nat), ("rank_peers", rank_peers),
                          ("diff_peers", val - peer), ("diff_national", val - nat), ("change", change),
                          ("did_peers", did_peers), ("did_national", did_nat)]:
        check(f"bench runde {runde} {column}", g[column], value)

# unweighted: plain means of the municipalities' rates
sql = """
with v as (select kommune, 100 * sum(uger_aktivering) / sum(uger_i_alt) val from r group by all),
t as (select * from v order by val desc, kommune limit 10)
select (select avg(val) from v where kommune in ('Gladsaxe', 'Aarhus')),
       (select avg(val) from v), (select avg(val) from t)
"""
peer, nat, top10 = con.execute(sql).fetchone()
got = run_trappe("bench aktivering for Aabenraa against (Gladsaxe, Aarhus, Aabenraa) unweighted")
check("unweighted peer_value", got[0]["peer_value"], peer)
check("unweighted national_value", got[0]["national_value"], nat)
check("unweighted top10_value", got[0]["top10_value"], top10)

# decompose i_gang for Slagelse against region by herkomst, round 5
sql = """
with reg as (select kommune from k where region = (select region from k where kommune = 'Slagelse')
             and kommune <> 'Slagelse'),
own as (select herkomst, sum(startet)::double n, sum(personer)::double d from r
        where runde = 5 and kommune = 'Slagelse' group by all),
peer as (select herkomst, sum(startet)::double n, sum(personer)::double d from r
         where runde = 5 and kommune in (select kommune from reg) group by all),
j as (select o.herkomst, o.d / sum(o.d) over () p, 100 * o.n / o.d r_,
             q.d / sum(q.d) over () big_p, 100 * q.n / q.d big_r from own o join peer q using (herkomst))
select herkomst, 100 * p, r_, 100 * big_p, big_r, (p - big_p) * big_r, p * (r_ - big_r) from j order by herkomst
"""
want = con.execute(sql).fetchall()
got = run_trappe("resultater | where runde == 5 | decompose i_gang for Slagelse against region by herkomst")
for g, w in zip(got, want):
    for column, value in zip(["share", "rate", "peer_share", "peer_rate", "composition", "rate_part"], w[1:]):
        check(f"decompose {w[0]} {column}", g[column], value)
total = got[-1]
check("decompose total gap", float(total["composition"]) + float(total["rate_part"]),
      float(total["rate"]) - float(total["peer_rate"]))

if failures:
    print(f"{failures} mismatches")
    sys.exit(1)
print("bench and decompose agree with DuckDB")
