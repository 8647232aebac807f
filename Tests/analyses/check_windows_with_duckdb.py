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

from checklib import DATA, binary_argument, check, csv_rows, duckdb, finish

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
finish(lambda passed, failed: f"windows: {passed + failed} function × window combinations checked against DuckDB, "
                              f"{passed} passed, {failed} failed")
