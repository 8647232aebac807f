#!/usr/bin/env python3
"""Checks window functions against DuckDB: every aggregate as a running window (SQL's default
frame, peers included) and the row-based functions, over partitions with ties, desc keys,
several keys and NULL inputs.

Usage: python3 Tests/analyses/check_windows_with_duckdb.py [path/to/trappe]
Exit 1 on any difference (or when duckdb is missing). The SQL reproduces Trappe's choices:
row-based functions break ties by input row order (`rn`, the file row number, as the last
ORDER BY key); first/last over a frame with tied rows take the first/last non-NULL value in
(order keys, input order), i.e. arg_min/arg_max(x, (keys..., rn)) FILTER (WHERE x IS NOT NULL).
"""
import itertools, math

from checklib import DATA, ROOT, binary_argument, check, csv_rows, duckdb, finish

trappe = binary_argument()
con = duckdb.connect()
con.execute("create table kommunepanel as select row_number() over () as rn, * "
            f"from read_csv('{DATA}/kommunepanel.csv')")

BASE = ("kommunepanel | where aar <= 2009 and kommunekode < 400 "
        "| extend x = case when aar == 2008 then null else kontanthjaelp_jan end")
SQL_BASE = ("select *, case when aar = 2008 then null else kontanthjaelp_jan end x "
            "from kommunepanel where aar <= 2009 and kommunekode < 400")
# (Trappe window, SQL window, SQL window with the input-order tie-break, SQL sort key of the frame order)
WINDOWS = [
    ("over region order by aar", "partition by region order by aar", "partition by region order by aar, rn", "(aar, rn)"),
    ("over region order by aar desc", "partition by region order by aar desc",
     "partition by region order by aar desc, rn", "(-aar, rn)"),
    ("order by (aar, region)", "order by aar, region", "order by aar, region, rn", "(aar, region, rn)"),
    ("over (region, vip2) order by (aar desc, kommune)", "partition by region, vip2 order by aar desc, kommune",
     "partition by region, vip2 order by aar desc, kommune, rn", "(-aar, kommune, rn)"),
    ("over region", "partition by region", "partition by region order by rn", "rn"),
]
# Running aggregates: {W} the window, {K} the frame-order key.
AGGREGATES = [
    ("sum(befolkning)", "sum(befolkning) over ({W})"), ("count()", "count(*) over ({W})"),
    ("count(x)", "count(x) over ({W})"), ("avg(befolkning)", "avg(befolkning) over ({W})"),
    ("min(kommune)", "min(kommune) over ({W})"), ("max(fuldtidsledige)", "max(fuldtidsledige) over ({W})"),
    ("median(fuldtidsledige)", "median(fuldtidsledige) over ({W})"),
    ("stdev(fuldtidsledige)", "stddev_samp(fuldtidsledige) over ({W})"),
    ("count_distinct(region)", "count(distinct region) over ({W})"), ("stdev(x)", "stddev_samp(x) over ({W})"),
    ("percentile(befolkning, 90)", "quantile_cont(befolkning, 0.9) over ({W})"),
    ("first(x)", "arg_min(x, {K}) filter (where x is not null) over ({W})"),
    ("last(x)", "arg_max(x, {K}) filter (where x is not null) over ({W})"),
]
# Row-based functions: {R} the window with the tie-break.
ROW_BASED = [
    ("prev(x)", "lag(x) over ({R})"), ("next(x, 2)", "lead(x, 2) over ({R})"),
    ("change(x)", "x - lag(x) over ({R})"),
    ("running_sum(x)", "sum(x) over ({R} rows between unbounded preceding and current row)"),
    ("row_number()", "row_number() over ({R})"), ("rank()", "rank() over ({W})"),
    ("dense_rank()", "dense_rank() over ({W})"), ("percent_rank()", "percent_rank() over ({W})"),
    # A 3-row moving average: NULL until the window holds 3 rows, the mean of its non-NULL values.
    ("moving_avg(x, 3)", "case when count(*) over ({R} rows 2 preceding) = 3 then avg(x) over ({R} rows 2 preceding) end"),
]


def trappe_column(query):
    """{id: w} of Trappe's csv result; a failure counts and gives None. Warnings are allowed: the
    partitions tie on purpose, and prev/next/change warn about rows less than a period apart."""
    rows = csv_rows(trappe, [query], warnings_fail=False, exit_on_failure=False)
    return None if rows is None else {r["id"]: r["w"] for r in rows}


def same(want, got):
    if want is None:
        return got in ("", "NULL")
    if got in ("", "NULL", None):
        return False
    if isinstance(want, (int, float)):
        return math.isclose(float(got), float(want), rel_tol=1e-9, abs_tol=1e-9)
    return str(want) == got


for (function, sql), (window, w, r, k) in itertools.product(AGGREGATES + ROW_BASED, WINDOWS):
    if window == "over region" and (function, sql) in ROW_BASED:
        continue  # rank & co. without order by: every row ties; covered by the golden cases
    got = trappe_column(f"{BASE} | extend w = {function} {window} | select id = kommunekode * 10000 + aar, w")
    if got is None:
        continue
    expression = sql.format(W=w, R=r, K=k)
    want = con.execute(f"select kommunekode * 10000 + aar, {expression} from ({SQL_BASE})").fetchall()
    bad = [(key, value, got.get(str(key))) for key, value in want if not same(value, got.get(str(key)))]
    check(f"{function} {window}", len(got) == len(want) and not bad,
          f"{len(got)} rows from Trappe, {len(want)} from DuckDB, {len(bad)} rows differ" +
          (f", e.g. id {bad[0][0]}: DuckDB {bad[0][1]}, Trappe {bad[0][2]}" if bad else ""))

# yoy(x): x minus x of the one row of the same partition holding the same period a year earlier
# (NULL when none or several do), computed here by a correlated lookup on the period's parts,
# not by the RANGE frame of Trappe's SQL twin. Int years (kommunepanel's aar, with ties when
# partitioned by region), months, quarters and ISO weeks (the same week number of the ISO year
# before; 2010W53 does not exist, so 2009W53 has no successor) from a fixture with NULL values,
# NULL groups and a duplicated month and week.
con.execute(f"create table s as select * from read_csv('{ROOT}/Tests/analyses/fixtures/seasonal.csv', header = true, "
            "types = {'g': 'VARCHAR', 'maaned': 'VARCHAR', 'kvartal': 'VARCHAR', 'uge': 'VARCHAR', 'x': 'BIGINT', 'd': 'DOUBLE'})")
con.execute("""create view sp as select id, g, x, d,
  cast(substr(maaned, 1, 4) as int) * 12 + cast(substr(maaned, 6, 2) as int) m,
  cast(substr(kvartal, 1, 4) as int) * 4 + cast(substr(kvartal, 6, 1) as int) q,
  cast(substr(uge, 1, 4) as int) wy, cast(substr(uge, 6, 2) as int) ww from s""")


def yoy_sql(table, ident, group, value, same, earlier):
    """yoy by lookup: `same` matches t's period to the one a year before o's; `earlier` names it."""
    match = same if group is None else f"t.{group} is not distinct from o.{group} and {same}"
    return (f"select {ident}, case when o.{value} is null or {earlier} is null then null "
            f"when (select count(*) from {table} t where {match}) = 1 "
            f"then o.{value} - (select max(t.{value}) from {table} t where {match}) end from {table} o")


YOY = [
    ("kommunepanel | where kommunekode < 400 | extend w = yoy(fuldtidsledige) over kommune order by aar "
     "| select id = kommunekode * 10000 + aar, w",
     yoy_sql("(select * from kommunepanel where kommunekode < 400)", "o.kommunekode * 10000 + o.aar", "kommune",
             "fuldtidsledige", "t.aar = o.aar - 1", "o.aar")),
    ("kommunepanel | where kommunekode < 400 | extend w = yoy(befolkning) over region order by aar "
     "| select id = kommunekode * 10000 + aar, w",
     yoy_sql("(select * from kommunepanel where kommunekode < 400)", "o.kommunekode * 10000 + o.aar", "region",
             "befolkning", "t.aar = o.aar - 1", "o.aar")),
    ("s | extend w = yoy(x) over g order by maaned | select id, w", yoy_sql("sp", "o.id", "g", "x", "t.m = o.m - 12", "o.m")),
    ("s | extend w = yoy(d) over g order by maaned desc | select id, w", yoy_sql("sp", "o.id", "g", "d", "t.m = o.m - 12", "o.m")),
    ("s | extend w = yoy(x) order by kvartal | select id, w", yoy_sql("sp", "o.id", None, "x", "t.q = o.q - 4", "o.q")),
    ("s | extend w = yoy(x) over g order by uge | select id, w",
     yoy_sql("sp", "o.id", "g", "x", "t.wy = o.wy - 1 and t.ww = o.ww", "o.wy")),
    ("s | extend w = yoy(d) order by uge | select id, w",
     yoy_sql("sp", "o.id", None, "d", "t.wy = o.wy - 1 and t.ww = o.ww", "o.wy")),
    ("s | extend w = moving_avg(d, 4) over g order by uge | select id, w",
     "select id, case when count(*) over v = 4 then avg(d) over v end from sp "
     "window v as (partition by g order by wy, ww, id rows 3 preceding)"),
]
LOAD = ".load Tests/analyses/fixtures/seasonal.csv as s types=x:int,d:double"
for query, sql in YOY:
    rows = csv_rows(trappe, ([LOAD] if query.startswith("s |") else []) + [query], warnings_fail=False,
                    exit_on_failure=False)
    if rows is None:
        check(query, False, "Trappe failed")
        continue
    got = {r["id"]: r["w"] for r in rows}
    want = con.execute(sql).fetchall()
    bad = [(key, value, got.get(str(key))) for key, value in want if not same(value, got.get(str(key)))]
    check(query, len(got) == len(want) and not bad,
          f"{len(got)} rows from Trappe, {len(want)} from DuckDB, {len(bad)} rows differ" +
          (f", e.g. id {bad[0][0]}: DuckDB {bad[0][1]}, Trappe {bad[0][2]}" if bad else ""))

finish(lambda passed, failed: f"windows: {passed + failed} function × window combinations checked against DuckDB, "
                              f"{passed} passed, {failed} failed")
