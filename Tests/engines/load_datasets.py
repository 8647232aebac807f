"""Loads the project's datasets (Datasets/*.manifest and their CSV files) into a DuckDB file,
with the types their manifests declare, periods as the dialect's representation: a week, month
or quarter as its first day (a DATE), bools from Trappe's spellings.

Usage: PYTHON Tests/engines/load_datasets.py OUT.duckdb [NAME ...]   (default: every dataset)
Written independently of Trappe's SQL compiler, so the engine suite compares two routes.
"""

import os
import sys

import duckdb

ROOT = os.path.normpath(os.path.join(os.path.dirname(__file__), "..", ".."))


def manifest(path):
    info = {"columns": []}
    with open(path, encoding="utf-8") as f:
        for line in f:
            line = line.rstrip("\n")
            if line.startswith("#") or ":" not in line:
                continue
            key, _, value = line.partition(":")
            if key.startswith("column "):
                name = key[len("column "):].strip()
                parts = [p.strip() for p in value.split("|")]
                info["columns"].append((name, parts[0], parts[1] if len(parts) > 1 else "-"))
            else:
                info[key.strip()] = value.strip()
    return info


def q(name):
    return '"' + name.replace('"', '""') + '"'


def converted(name, type_, unit):
    c = q(name)
    if type_ == "int":
        return f"CAST({c} AS BIGINT)"
    if type_ == "double":
        return f"CAST({c} AS DOUBLE)"
    if type_ == "bool":
        return (f"CASE WHEN lower({c}) IN ('true','ja','yes','1') THEN TRUE "
                f"WHEN lower({c}) IN ('false','nej','no','0') THEN FALSE END")
    if type_ == "period":
        year = f"CAST(substr({c}, 1, 4) AS INTEGER)"
        part = f"CAST(regexp_extract({c}, '([0-9]{{1,2}})$', 1) AS INTEGER)"
        u = unit.lower()
        if "week" in u:
            jan4 = f"make_date({year}, 1, 4)"
            return f"CAST({jan4} - CAST(isodow({jan4}) - 1 AS INTEGER) + 7 * ({part} - 1) AS DATE)"
        if "quarter" in u:
            return f"make_date({year}, ({part} - 1) * 3 + 1, 1)"
        if "month" in u:
            return f"make_date({year}, {part}, 1)"
        return f"CAST({c} AS INTEGER)"
    return c


def main():
    out = sys.argv[1]
    wanted = set(sys.argv[2:])
    if os.path.exists(out):
        os.remove(out)
    con = duckdb.connect(out)
    folder = os.path.join(ROOT, "Datasets")
    for entry in sorted(os.listdir(folder)):
        if not entry.endswith(".manifest"):
            continue
        info = manifest(os.path.join(folder, entry))
        name = info["name"]
        if wanted and name not in wanted:
            continue
        comma = info.get("decimal") == "comma"
        delimiter = info.get("delimiter", ";" if comma else ",")
        if comma:
            continue  # not needed by the suite
        csv = os.path.join(folder, info["file"])
        select = ", ".join(f"{converted(n, t, u)} AS {q(n)}" for n, t, u in info["columns"])
        con.execute(
            f"CREATE TABLE {q(name)} AS SELECT {select} FROM read_csv(?, header = true, all_varchar = true, "
            f"delim = ?, quote = '\"', nullstr = ['', '..'])",
            [csv, delimiter],
        )
    con.close()


if __name__ == "__main__":
    main()
