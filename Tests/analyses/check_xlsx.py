"""Reads back `.save TABLE FILE.xlsx` with openpyxl (PyPI) and compares it cell by cell with the
CSV export of the same table: the workbook must be a valid ZIP (stored entries, CRC-32 that
Python's zipfile verifies), have the same header and rows, numbers as numbers (int where the
column is whole numbers, float where it is a double, as DuckDB reads the dataset's own CSV),
strings as strings, NULL as an empty cell, and an illustrative table must carry its label.

    python3 Tests/analyses/check_xlsx.py .build/debug/trappe
"""
import csv
import os
import tempfile
import zipfile

from checklib import check, duckdb, finish, binary_argument, run

try:
    import openpyxl
except ImportError:
    print("FAIL: the python module openpyxl is missing, so this cross-check cannot run "
          "(Scripts/ensure-deps --with-duckdb installs it in .build/venv)")
    raise SystemExit(1)

binary = binary_argument()
work = tempfile.mkdtemp(prefix="check_xlsx.")
NOTICE = "Illustrative data, not real results"


def duckdb_kinds(path):
    """Column name → 'int', 'float', 'bool' or 'str', as DuckDB's sniffer types the CSV."""
    kinds = {}
    for name, type_, *_ in duckdb.sql(f"DESCRIBE SELECT * FROM read_csv('{path}', comment='#')").fetchall():
        if type_ in ("BIGINT", "INTEGER", "SMALLINT", "TINYINT", "HUGEINT"):
            kinds[name] = "int"
        elif type_ in ("DOUBLE", "FLOAT") or type_.startswith("DECIMAL"):
            kinds[name] = "float"
        elif type_ == "BOOLEAN":
            kinds[name] = "bool"
        else:
            kinds[name] = "str"
    return kinds


def compare(label, table, setup, rows, illustrative, sheet_title=None):
    xlsx = os.path.join(work, f"{label}.xlsx")
    exported = os.path.join(work, f"{label}.csv")
    result = run(binary, setup + [f".save {table} {xlsx}", f".save {table} {exported} protect=off"])
    if not check(f"{label}: trappe ran", result.returncode == 0, result.stderr):
        return
    with zipfile.ZipFile(xlsx) as z:
        check(f"{label}: every entry's CRC-32 is right", z.testzip() is None)
        methods = {info.compress_type for info in z.infolist()}
        check(f"{label}: entries are stored", methods == {zipfile.ZIP_STORED}, str(methods))
        names = set(z.namelist())
        for part in ("[Content_Types].xml", "_rels/.rels", "xl/workbook.xml", "xl/worksheets/sheet1.xml"):
            check(f"{label}: has {part}", part in names, str(sorted(names)))
    # The types as DuckDB's sniffer reads the CSV export (true/false as BOOLEAN, 0/1 as BIGINT).
    kinds = duckdb_kinds(exported)
    with open(exported, newline="", encoding="utf-8") as f:
        lines = [line for line in f if not line.startswith("# ")]
    expected = list(csv.reader(lines))
    # A CSV of generated data carries the label as a last column data_notice on every row (the
    # workbook has it on its "Kilde" sheet and page header instead): check it, then compare the rest.
    if expected and expected[0] and expected[0][-1] == "data_notice":
        check(f"{label}: the CSV's data_notice column holds the label on every row",
              illustrative and all(row[-1].startswith(NOTICE) for row in expected[1:]))
        expected = [row[:-1] for row in expected]
        kinds.pop("data_notice", None)
    else:
        check(f"{label}: the CSV of generated data has its data_notice column", not illustrative)
    book = openpyxl.load_workbook(xlsx)
    sheet = book.worksheets[0]
    check(f"{label}: sheet named after the table", sheet.title == (sheet_title or table), sheet.title)
    got = [list(r) for r in sheet.iter_rows(values_only=True)]
    check(f"{label}: header", got[0] == expected[0], f"{got[0]} != {expected[0]}")
    check(f"{label}: {rows} rows under the header", len(got) - 1 == rows == len(expected) - 1,
          f"xlsx {len(got) - 1}, csv {len(expected) - 1}")
    header = expected[0]
    bad = 0
    for r, (xrow, crow) in enumerate(zip(got[1:], expected[1:]), start=2):
        for name, x, c in zip(header, xrow, crow):
            kind = kinds.get(name, "str")
            if c == "":
                ok = x is None
            elif kind == "int":
                ok = type(x) is int and x == int(c)
            elif kind == "float":
                ok = type(x) is float and x == float(c)
            elif kind == "bool":
                ok = type(x) is bool and x == (c == "true")
            else:
                ok = type(x) is str and x == c
            if not ok:
                bad += 1
                if bad <= 5:
                    check(f"{label}: row {r} column {name} ({kind})", False, f"xlsx {x!r}, csv {c!r}")
    check(f"{label}: every cell equals the CSV export, typed", bad == 0, f"{bad} cells differ")
    if illustrative:
        check(f"{label}: a 'Kilde' sheet", book.sheetnames[1:] == ["Kilde"], str(book.sheetnames))
        first = book["Kilde"]["A1"].value if "Kilde" in book.sheetnames else None
        check(f"{label}: 'Kilde' starts with the illustrative label", str(first).startswith(NOTICE), repr(first))
        check(f"{label}: printed page header has the label", NOTICE in (sheet.oddHeader.center.text or ""))
    else:
        check(f"{label}: one sheet", book.sheetnames == [sheet_title or table], str(book.sheetnames))


# The acceptance case: kommunepanel (int, string and bool columns, 1568 rows).
compare("kommunepanel", "kommunepanel", [], 1568, illustrative=False)
# Doubles and the illustrative label: resultater (generated data, 2940 rows).
compare("resultater", "resultater", [], 2940, illustrative=True)
# NULLs, fractions and a long name (Excel's 31-character sheet names) in a computed table.
long = "andel_ledige_per_kommune_og_aar_2007"
compare("computed", long, [
    f"let {long} = kommunepanel | extend andel = if(aar > 2020, null, fuldtidsledige / befolkning * 100) "
    "| select kommune, aar, andel"], 1568, illustrative=False, sheet_title=long[:31])

# Display settings reach the workbook: labels and .lang da words in the header row, format as
# Excel's number format, and the cells keep every digit (equal to the CSV export's values).
book_path = os.path.join(work, "labels.xlsx")
csv_path = os.path.join(work, "labels.csv")
result = run(binary, ['.lang da', 'label runde = "Runde"', "format value 1",
                      "let b = bench i_gang for Slagelse by runde", f".save b {book_path}", f".save b {csv_path}"])
if check("labels: trappe ran", result.returncode == 0, result.stderr):
    sheet = openpyxl.load_workbook(book_path)["b"]
    header = [c.value for c in sheet[1]]
    check("labels: header has the label and the Danish words",
          header[:5] == ["kommune", "Runde", "værdi", "sammenlignelige", "landsgennemsnit"], str(header[:5]))
    with open(csv_path, encoding="utf-8") as f:
        exported = list(csv.DictReader(line for line in f if not line.startswith("# ")))
    values = [row[2].value for row in sheet.iter_rows(min_row=2)]
    check("labels: value keeps every digit", values == [float(r["value"]) for r in exported], str(values))
    formats = {row[2].number_format for row in sheet.iter_rows(min_row=2)}
    check("labels: format value 1 is the number format #,##0.0", formats == {"#,##0.0"}, str(formats))
    check("labels: other columns stay General", sheet["D2"].number_format == "General", sheet["D2"].number_format)
finish()
