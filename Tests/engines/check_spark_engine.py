#!/usr/bin/env python3
"""Checks the Spark adapter of the engine bridge (Scripts/engines/trappe_bridge/spark_engine.py)
by calling its Engine class directly, in one local SparkSession: version, tables (a temporary
view, a table in the default database and one in another database as db.table), columns of a
table and of a subquery without running it, query values (Decimal → float, dates as
datetime.date, NULL as None, ints and bools), a CSV read through Trappe's
`CREATE OR REPLACE TEMPORARY VIEW …;` set-up lines, execute of CREATE TEMP TABLE … AS VALUES,
errors raised as exceptions, and cancel() stopping a running query.

    .build/venv/bin/python Tests/engines/check_spark_engine.py
Needs pyspark and java (Scripts/ensure-deps --engines). Exit 0 when all checks pass.
"""
import datetime
import os
import sys
import tempfile
import threading
import time

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
sys.path.insert(0, os.path.join(ROOT, "Scripts", "engines"))

from trappe_bridge.spark_engine import Engine, split_setup  # noqa: E402

failures = []


def check(ok, what):
    print(("ok   " if ok else "FAIL ") + what)
    if not ok:
        failures.append(what)


def main():
    work = tempfile.mkdtemp(prefix="trappe-spark-")
    started = time.time()
    engine = Engine({"master": "local[2]", "conf": "spark.sql.warehouse.dir=" + os.path.join(work, "warehouse")})
    print("start-up %.1f s" % (time.time() - started))
    check(engine.version().startswith("Spark 4."), "version: " + engine.version())

    check(split_setup("CREATE OR REPLACE TEMPORARY VIEW `v` (`a` STRING) USING csv OPTIONS (path 'x');\nSELECT 1;")
          == (["CREATE OR REPLACE TEMPORARY VIEW `v` (`a` STRING) USING csv OPTIONS (path 'x')"], "SELECT 1"),
          "split_setup separates the view statements from the query")

    engine.execute("CREATE DATABASE IF NOT EXISTS dream")
    engine.execute("CREATE TABLE dream.forloeb (person BIGINT, start DATE) USING parquet")
    engine.execute("INSERT INTO dream.forloeb VALUES (1, DATE '2008-01-07'), (2, NULL)")
    engine.execute("CREATE TABLE kommuner (navn STRING) USING parquet")
    engine.execute("CREATE TEMP TABLE lokal AS VALUES (1, 'a'), (2, 'b')")
    tables = engine.tables()
    check("dream.forloeb" in tables and "kommuner" in tables and "lokal" in tables,
          "tables lists dream.forloeb, kommuner and the temporary view lokal: %s" % tables)

    check(engine.columns("dream.forloeb") == [("person", "BIGINT"), ("start", "DATE")],
          "columns of a table: %s" % engine.columns("dream.forloeb"))
    sub = "(SELECT CAST(1.5 AS DECIMAL(18,3)) AS d, 'x' AS s, TRUE AS b, CAST(1 AS INT) AS i)"
    check(engine.columns(sub) == [("d", "DECIMAL(18,3)"), ("s", "VARCHAR"), ("b", "BOOLEAN"), ("i", "INTEGER")],
          "columns of a subquery: %s" % engine.columns(sub))

    columns, rows = engine.query(
        "SELECT CAST(1.25 AS DECIMAL(18,3)) AS d, DATE '2008-03-01' AS p, CAST(NULL AS BIGINT) AS n, "
        "CAST(9007199254740993 AS BIGINT) AS big, FALSE AS b, 'æøå' AS s;")
    check(columns == [("d", "DECIMAL(18,3)"), ("p", "DATE"), ("n", "BIGINT"), ("big", "BIGINT"), ("b", "BOOLEAN"),
                      ("s", "VARCHAR")], "query columns: %s" % columns)
    check(rows == [(1.25, datetime.date(2008, 3, 1), None, 9007199254740993, False, "æøå")]
          and isinstance(rows[0][0], float) and type(rows[0][3]) is int,
          "query values (Decimal → float, date, None, exact int, bool, text): %s" % rows)
    _, rows = engine.query("SELECT person, start FROM dream.forloeb ORDER BY person")
    check(rows == [(1, datetime.date(2008, 1, 7)), (2, None)], "a table in another database: %s" % rows)

    path = os.path.join(work, "t.csv")
    with open(path, "w", encoding="utf-8") as f:
        f.write('navn,antal\n"Ærø, ""by""",3\nÅrhus,..\n')
    view = ("CREATE OR REPLACE TEMPORARY VIEW `__trappe_csv_1` (`navn` STRING, `antal` STRING) USING csv "
            "OPTIONS (path '%s', header 'true', sep ',', quote '\"', escape '\"', multiLine 'true', "
            "mode 'FAILFAST', encoding 'UTF-8');\n" % path)
    _, rows = engine.query(view + "SELECT navn, CAST(nullif(antal, '..') AS BIGINT) AS antal FROM `__trappe_csv_1`;")
    check(rows == [('Ærø, "by"', 3), ("Århus", None)], "a CSV read through the set-up view: %s" % rows)
    check("__trappe_csv_1" not in engine.tables(), "the CSV views are not listed as tables")

    try:
        engine.query("SELECT no_such_column FROM kommuner")
        check(False, "an unknown column raises")
    except Exception as e:  # noqa: BLE001
        check("no_such_column" in str(e), "an unknown column raises: " + str(e).splitlines()[0][:120])

    result = {}

    def slow():
        try:
            engine.query("SELECT count(*) FROM range(0, 2000000000) a CROSS JOIN range(0, 100) b "
                         "WHERE (a.id * b.id) % 7 = 3")
            result["done"] = True
        except Exception as e:  # noqa: BLE001
            result["error"] = str(e)

    t = threading.Thread(target=slow)
    t.start()
    time.sleep(8)
    asked = time.time()
    engine.cancel()
    t.join(120)
    check(not t.is_alive() and "error" in result,
          "cancel() stops a running query (%.1f s after asking): %s"
          % (time.time() - asked, " ".join(result.get("error", "still running" if t.is_alive() else "finished").split())[:160]))
    started = time.time()
    _, rows = engine.query("SELECT 1 AS x")
    check(rows == [(1,)], "the session answers after a cancel (%.2f s)" % (time.time() - started))
    engine.close()
    print("%d checks failed" % len(failures) if failures else "all checks passed")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
