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
import csv, io, itertools, math, os, subprocess, sys

try:
    import duckdb
except ImportError:
    print("FAIL: the python module duckdb is missing (Scripts/test installs it in .build/venv)")
    sys.exit(1)

root = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
trappe = sys.argv[1] if len(sys.argv) > 1 else os.path.join(root, ".build/debug/trappe")
con = duckdb.connect()
con.execute("create table kommunepanel as select row_number() over () as rn, * "
            f"from read_csv('{root}/Datasets/kommunepanel.csv')")

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
    out = subprocess.run([trappe, "--format", "csv", "-c", query], capture_output=True, text=True, cwd=root,
                         timeout=120)
    rows = list(csv.reader(io.StringIO(out.stdout)))
    if len(rows) < 2:
        print("FAIL: no result for", query, out.stderr[:300])
        return None
    return {r[0]: r[1] for r in rows[1:]}


def same(want, got):
    if want is None:
        return got in ("", "NULL")
    if got in ("", "NULL", None):
        return False
    if isinstance(want, (int, float)):
        return math.isclose(float(got), float(want), rel_tol=1e-9, abs_tol=1e-9)
    return str(want) == got


checked = failed = 0
for (function, sql), (window, w, r, k) in itertools.product(AGGREGATES + ROW_BASED, WINDOWS):
    if window == "over region" and (function, sql) in ROW_BASED:
        continue  # rank & co. without order by: every row ties; covered by the golden cases
    got = trappe_column(f"{BASE} | extend w = {function} {window} | select id = kommunekode * 10000 + aar, w")
    expression = sql.format(W=w, R=r, K=k)
    want = con.execute(f"select kommunekode * 10000 + aar, {expression} from ({SQL_BASE})").fetchall()
    checked += 1
    bad = [(key, value, got.get(str(key)) if got else None) for key, value in want
           if got is None or not same(value, got.get(str(key)))]
    if bad:
        failed += 1
        print(f"FAIL: {function} {window}: {len(bad)} rows differ, e.g. id {bad[0][0]}: DuckDB {bad[0][1]}, "
              f"Trappe {bad[0][2]}")
print(f"windows: {checked} function × window combinations checked against DuckDB, {failed} differ")
sys.exit(1 if failed else 0)
