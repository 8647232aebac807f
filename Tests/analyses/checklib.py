"""What the cross-checks in Tests/analyses share: duckdb (a missing module fails the check), the
repository's paths, a pass/fail tally and running trappe. Each check keeps its own independent
computation and its own comparisons; this module only runs and counts them.

    from checklib import duckdb, ROOT, DATA, check, csv_rows, finish

A check script runs as `python3 Tests/analyses/check_X.py PATH/TO/trappe` from the repository
root (Scripts/test), so this folder is on sys.path and `import checklib` finds this file.
"""
import csv
import io
import os
import subprocess
import sys

try:
    import duckdb  # noqa: F401  (re-exported for the checks)
except ImportError:
    print("FAIL: the python module duckdb is missing, so this cross-check cannot run "
          "(Scripts/test installs it in .build/venv)")
    sys.exit(1)

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
DATA = os.path.join(ROOT, "Datasets")
# Printed on stderr in csv and json mode when a result comes from the generated datasets.
NOTICE = "Illustrative data, not real results"

passed = failed = 0


def check(label, ok, detail=""):
    """Counts one comparison; a failed one prints `FAIL label detail`. Returns ok."""
    global passed, failed
    if ok:
        passed += 1
    else:
        failed += 1
        print(f"FAIL {label} {detail}".rstrip())
    return ok


def finish(summary=None):
    """Prints "N passed, M failed" (or summary(passed, failed)) and exits: 0 only when something
    was checked and nothing failed."""
    print(summary(passed, failed) if summary else f"{passed} passed, {failed} failed")
    sys.exit(1 if failed or passed == 0 else 0)


def binary_argument():
    """The trappe binary: the first argument, else ROOT/.build/debug/trappe; absolute, as the
    checks run it in ROOT."""
    return os.path.abspath(sys.argv[1] if len(sys.argv) > 1 else os.path.join(ROOT, ".build", "debug", "trappe"))


def run(binary, commands, fmt="csv", timeout=300):
    """Runs `trappe --format FMT -c C1 -c C2 ...` in ROOT. The result's stderr has the
    illustrative-data notice taken out, so it holds only what the commands said."""
    args = [binary, "--format", fmt]
    for command in commands:
        args += ["-c", command]
    result = subprocess.run(args, cwd=ROOT, capture_output=True, text=True, timeout=timeout)
    result.stderr = "".join(l for l in result.stderr.splitlines(keepends=True) if not l.startswith(NOTICE))
    return result


def complaints(stderr, warnings=True):
    """The error lines (and, with warnings, the warning lines) of trappe's stderr."""
    kinds = ("error", "warning") if warnings else ("error",)
    return [l for l in stderr.splitlines() if l.startswith(kinds) or ": error:" in l]


def csv_output(binary, commands, header=None, warnings_fail=True, exit_on_failure=True, timeout=300):
    """(rows, stderr lines) of the csv result of the commands: rows as dicts; with header, the
    rows of the last result whose header line is exactly that (results follow each other on
    stdout). A non-zero exit, an error on stderr, a warning unless warnings_fail=False, or a
    missing header is a failure: it prints the stderr and exits 1 (or, with
    exit_on_failure=False, counts a failure and returns None)."""
    result = run(binary, commands, "csv", timeout)
    text = result.stdout
    starts = []
    if header is not None:
        lines = text.splitlines()
        starts = [i for i, line in enumerate(lines) if line == header]
        text = "\n".join(lines[starts[-1]:]) if starts else ""
    if result.returncode != 0 or complaints(result.stderr, warnings_fail) or (header is not None and not starts):
        missing = f", no header {header!r} in stdout:\n{result.stdout}" if header is not None and not starts else ""
        check(f"{commands!r}", False, f"exit {result.returncode}{missing}, stderr:\n{result.stderr}")
        if exit_on_failure:
            finish()
        return None
    return list(csv.DictReader(io.StringIO(text))), result.stderr.splitlines()


def csv_rows(binary, commands, **options):
    """The rows of csv_output (None where that is None)."""
    output = csv_output(binary, commands, **options)
    return output and output[0]


def close(got, want, rel=1e-9):
    """|got - want| within rel of want (absolute for |want| < 1); got may be text."""
    return abs(float(got) - want) <= rel * max(1.0, abs(want))
