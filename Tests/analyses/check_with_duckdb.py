#!/usr/bin/env python3
"""Checks peers, bench and decompose against an independent SQL computation in DuckDB.

Usage: python3 Tests/analyses/check_with_duckdb.py [path/to/trappe]
Fails (exit 1) when the duckdb package is not installed (Scripts/ensure-deps --with-duckdb).
Runs Trappe in csv mode on the built-in datasets and recomputes the same figures from
Datasets/*.csv in SQL; no number Trappe prints is used as an input to the expected values.
"""
import checklib
from checklib import DATA, close, csv_rows, duckdb, finish

trappe = checklib.binary_argument()


def run_trappe(statement):
    """Trappe's csv output of one statement; a non-zero exit or any error or warning fails."""
    return csv_rows(trappe, [statement], exit_on_failure=False) or []


con = duckdb.connect()
con.execute(f"create table r as select * from read_csv_auto('{DATA}/resultater.csv')")
con.execute(f"create table k as select * from read_csv_auto('{DATA}/kommuner.csv')")
con.execute(f"create table kp as select * from read_csv_auto('{DATA}/kommunepanel.csv')")


def check_number(label, got, want):
    if want is None and got in ("", None):
        ok = True
    else:
        ok = want is not None and got not in ("", None) and close(got, want)
    checklib.check(label, ok, f"trappe {got!r}, duckdb {want!r}")


def check_rows(label, got, want):
    """Row counts must agree before rows are compared pairwise (zip would drop the extra ones)."""
    return checklib.check(f"{label} row count", len(got) == len(want), f"trappe {len(got)}, duckdb {len(want)}")


# peers: the k nearest municipalities by Euclidean distance between z-scores (sample sd) of the
# variables in the earliest year of kommunepanel; ledighed_pct and kh_pct are 100 * x / befolkning.
# The VIP2 method municipalities (grupper's vip2_metode) are no candidates unless exclude none;
# the z-scores are over all municipalities.
VARIABLES = {
    "befolkning": "befolkning::double",
    "ledighed_pct": "100.0 * fuldtidsledige / befolkning",
    "kh_pct": "100.0 * kontanthjaelp_jan / befolkning",
}


def peers_sql(kommune, k, variables, year=None, exclude=True):
    """year None: the earliest year of the panel (what peers reads when not filtered)."""
    method = (f" and z.kommune not in (select kommune from read_csv_auto('{checklib.DATA}/grupper.csv') "
              "where gruppe = 'vip2_metode')") if exclude else ""
    raw = ", ".join(f"{VARIABLES[v]} as {v}" for v in variables)
    when = "(select min(aar) from kp)" if year is None else str(year)
    z = ", ".join(f"({v} - avg({v}) over ()) / stddev_samp({v}) over () as z_{v}" for v in variables)
    distance = " + ".join(f"(z.z_{v} - c.z_{v}) ^ 2" for v in variables)
    return f"""
      with p as (select kommune, kommunekode, {raw} from kp where aar = {when}),
      z as (select *, {z} from p),
      c as (select * from z where kommune = '{kommune}')
      select z.kommune, z.kommunekode, sqrt({distance}) as distance, {", ".join("z." + v for v in variables)}
      from z, c where z.kommune <> c.kommune{method} order by distance, z.kommune limit {k}"""


def check_peers(statement, got, want, variables):
    if check_rows(statement, got, want):
        for rank, (g, w) in enumerate(zip(got, want), start=1):
            checklib.check(f"{statement} rank {rank}",
                           g["kommune"] == w[0] and int(g["kommunekode"]) == w[1] and int(g["rank"]) == rank,
                           f"trappe {g['kommune']} ({g['kommunekode']}), duckdb {w[0]} ({w[1]})")
            check_number(f"{statement} {w[0]} distance", g["distance"], w[2])
            for v, value in zip(variables, w[3:]):
                check_number(f"{statement} {w[0]} {v}", g[v], value)


for kommune, k, on in [("Slagelse", 5, None), ("Aarhus", 10, None), ("Slagelse", 3, ["befolkning", "kh_pct"]),
                       ("København", 4, ["ledighed_pct"])]:
    variables = on or ["befolkning", "ledighed_pct", "kh_pct"]
    want = con.execute(peers_sql(kommune, k, variables)).fetchall()
    statement = f"peers {kommune}" + ("" if k == 10 else f" k={k}") + (f" on ({', '.join(on)})" if on else "")
    got = run_trappe(statement)
    check_peers(statement, got, want, variables)


# exclude none: the method municipalities are candidates again (Gladsaxe is Aabenraa's fifth).
statement = "peers Aabenraa k=6 exclude none"
check_peers(statement, run_trappe(statement),
            con.execute(peers_sql("Aabenraa", 6, list(VARIABLES), exclude=False)).fetchall(), list(VARIABLES))

# A filtered panel: peers uses the year left in its input (here 2009), not 2007.
statement = "kommunepanel | where aar == 2009 | peers Aabenraa k=6"
check_peers(statement, run_trappe(statement), con.execute(peers_sql("Aabenraa", 6, list(VARIABLES), 2009)).fetchall(),
            list(VARIABLES))


def bench_sql(kommune, group):
    """bench i_gang for KOMMUNE against GROUP (a query of kommune names) by runde, pooled ratios;
    the top 10 are the highest among municipalities with d >= 100 (bench's default min_n)."""
    return f"""
with t as (select kommune, runde, sum(startet)::double n, sum(personer)::double d from r group by all),
v as (select *, 100 * n / d val from t),
ranked as (select *, case when d >= 100 then row_number() over (
    partition by runde, d >= 100 order by val desc, kommune) end pos from v),
grp as ({group}),
per as (
  select runde,
    max(val) filter (where kommune = '{kommune}') val,
    max(d) filter (where kommune = '{kommune}') den,
    100 * sum(n) filter (where kommune in (select kommune from grp) and kommune <> '{kommune}')
        / sum(d) filter (where kommune in (select kommune from grp) and kommune <> '{kommune}') peer,
    100 * sum(n) / sum(d) nat,
    100 * sum(n) filter (where pos <= 10) / sum(d) filter (where pos <= 10) top10
  from ranked group by runde)
select p.*, 1 + (select count(*) from v where v.runde = p.runde and v.val > p.val) rank_nat,
  1 + (select count(*) from v where v.runde = p.runde and v.val > p.val
       and v.kommune in (select kommune from grp)) rank_peers,
  val - lag(val) over (order by runde) change,
  (val - lag(val) over (order by runde)) - (peer - lag(peer) over (order by runde)) did_peers,
  (val - lag(val) over (order by runde)) - (nat - lag(nat) over (order by runde)) did_nat
from per p order by runde
"""


def check_bench(statement, want):
    got = run_trappe(statement)
    if not check_rows(statement, got, want):
        return
    for g, w in zip(got, want):
        runde, val, den, peer, nat, top10, rank_nat, rank_peers, change, did_peers, did_nat = w
        checklib.check(f"{statement} round", g["runde"] == str(runde), f"trappe {g['runde']}, duckdb {runde}")
        for column, value in [("value", val), ("n", den), ("peer_value", peer), ("national_value", nat),
                              ("top10_value", top10), ("rank_national", rank_nat), ("rank_peers", rank_peers),
                              ("diff_peers", val - peer), ("diff_national", val - nat), ("change", change),
                              ("did_peers", did_peers), ("did_national", did_nat)]:
            check_number(f"{statement} runde {runde} {column}", g[column], value)


# bench i_gang for Slagelse against region by runde
region = "select kommune from k where region = (select region from k where kommune = 'Slagelse')"
check_bench("bench i_gang for Slagelse against region by runde", con.execute(bench_sql("Slagelse", region)).fetchall())
# against peers, the default: the 10 nearest municipalities of kommunepanel (computed above in SQL)
for kommune in ["Slagelse", "Aarhus"]:
    peers = f"select kommune from ({peers_sql(kommune, 10, list(VARIABLES))})"
    check_bench(f"bench i_gang for {kommune} by runde", con.execute(bench_sql(kommune, peers)).fetchall())

# unweighted: plain means of the municipalities' rates
sql = """
with v as (select kommune, 100 * sum(uger_aktivering) / sum(uger_i_alt) val, sum(uger_i_alt) d from r group by all),
t as (select * from v where d >= 100 order by val desc, kommune limit 10)
select (select avg(val) from v where kommune in ('Gladsaxe', 'Aarhus')),
       (select avg(val) from v), (select avg(val) from t)
"""
peer, nat, top10 = con.execute(sql).fetchone()
statement = "bench aktivering for Aabenraa against (Gladsaxe, Aarhus, Aabenraa) unweighted"
got = run_trappe(statement)
if check_rows(statement, got, [(peer, nat, top10)]):
    check_number("unweighted peer_value", got[0]["peer_value"], peer)
    check_number("unweighted national_value", got[0]["national_value"], nat)
    check_number("unweighted top10_value", got[0]["top10_value"], top10)

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
statement = "resultater | where runde == 5 | decompose i_gang for Slagelse against region by herkomst"
want = con.execute(sql).fetchall()
got = run_trappe(statement)
if check_rows(statement, got, want + [("total",)]):
    for g, w in zip(got, want):
        checklib.check("decompose group", g["herkomst"] == w[0], f"trappe {g['herkomst']}, duckdb {w[0]}")
        for column, value in zip(["share", "rate", "peer_share", "peer_rate", "composition", "rate_part"], w[1:]):
            check_number(f"decompose {w[0]} {column}", g[column], value)
    # The total row against DuckDB's own totals: the overall rates, the summed parts, and their sum
    # equal to the overall gap (computed from the rates, not from trappe's parts).
    own_rate, peer_rate = con.execute("""
      with reg as (select kommune from k where region = (select region from k where kommune = 'Slagelse')
                   and kommune <> 'Slagelse')
      select 100.0 * sum(startet) filter (where kommune = 'Slagelse') / sum(personer) filter (where kommune = 'Slagelse'),
             100.0 * sum(startet) filter (where kommune in (select kommune from reg))
                   / sum(personer) filter (where kommune in (select kommune from reg))
      from r where runde = 5""").fetchone()
    total = got[-1]
    checklib.check("decompose last row", total["herkomst"] == "total", f"{total['herkomst']!r}, not total")
    check_number("decompose total rate", total["rate"], own_rate)
    check_number("decompose total peer_rate", total["peer_rate"], peer_rate)
    check_number("decompose total composition", total["composition"], sum(w[5] for w in want))
    check_number("decompose total rate_part", total["rate_part"], sum(w[6] for w in want))
    check_number("decompose total gap", float(total["composition"]) + float(total["rate_part"]), own_rate - peer_rate)

finish(lambda passed, failed: f"peers, bench (against region, peers, a list) and decompose: "
                              f"{passed} passed, {failed} failed")
