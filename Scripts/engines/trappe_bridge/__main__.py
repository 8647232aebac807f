"""The engine bridge: `PYTHON -m trappe_bridge --engine duckdb|spark [OPTIONS]`.

Trappe starts one bridge per attached engine and keeps it for the session. The adapters
(`duckdb_engine.Engine`, `spark_engine.Engine`) implement the interface in docs/engines.md
and /work/notes/bridge.md; this file owns the wire protocol, cancellation and stdout.

Protocol (UTF-8, one JSON value per line):

* On start the bridge writes a hello line: {"ok": true, "engine": NAME, "version": TEXT}, or
  {"ok": false, "error": TEXT, "missing_module": NAME} when the engine's Python package is not
  importable (then it exits), or {"ok": false, "error": TEXT} when the engine fails to start.
* Requests, one line each: {"op": "version"}, {"op": "tables"}, {"op": "row_counts"},
  {"op": "columns", "relation": SQL}, {"op": "query", "sql": SQL, "max_rows": N},
  {"op": "execute", "sql": SQL}, {"op": "close"}.
* Every reply is one header line, then the rows it announces:
  {"ok": true, "columns": [[NAME, TYPE], ...], "rows": N} and N lines, each a JSON array of
  the row's values, or {"ok": false, "error": TEXT, "cancelled": BOOL, "too_large": BOOL}.
  `tables` replies with the column [name, VARCHAR]; `row_counts` with [name, VARCHAR],
  [rows, BIGINT] for the tables whose count the engine's metadata holds (none for Spark); `columns` with [name, VARCHAR],
  [type, VARCHAR]; `version`, `execute` and `close` with no columns and no rows
  (`version` adds "version": TEXT to the header).
* Values: null, true/false, integers and finite floats as JSON numbers, a non-finite float
  as the string "nan", "inf" or "-inf", a DATE as "YYYY-MM-DD", anything else as text.
  Types are the engine's names in upper case (BIGINT, DOUBLE, VARCHAR, DATE, ...).
* `query` with "max_rows": N fetches at most N + 1 rows; a result with more than N rows is
  refused with "too_large": true, so a large result is never sent.

The bridge exits when stdin closes or when its parent (Trappe) has gone.
SIGINT while a request runs calls the adapter's cancel() (DuckDB: connection.interrupt(),
Spark: cancelAllJobs()); the request then fails with "cancelled": true and the bridge stays
usable. SIGINT between requests is ignored. File descriptor 1 is the protocol channel only:
it is duplicated and fd 1 is pointed at stderr before any engine is imported, so anything an
engine prints goes to stderr.
"""

import argparse
import datetime
import decimal
import importlib
import inspect
import json
import math
import os
import signal
import sys
import threading

from trappe_bridge import TooLarge


def protect_stdout():
    """The protocol stream on a private descriptor; fd 1 (and sys.stdout) become stderr."""
    channel = os.dup(1)
    os.dup2(2, 1)
    sys.stdout = sys.stderr
    return os.fdopen(channel, "w", encoding="utf-8", newline="\n", buffering=1 << 16)


def encode(value):
    """A value as JSON wants it (see the module docstring)."""
    if value is None or isinstance(value, (bool, int, str)):
        return value
    if isinstance(value, float):
        if math.isnan(value):
            return "nan"
        if math.isinf(value):
            return "inf" if value > 0 else "-inf"
        return value
    if isinstance(value, decimal.Decimal):
        return encode(float(value))
    if isinstance(value, datetime.datetime):
        return value.isoformat(sep=" ")
    if isinstance(value, datetime.date):
        return value.isoformat()
    return str(value)


class Bridge:
    def __init__(self, out, engine):
        self.out = out
        self.engine = engine
        self.busy = False
        self.cancelled = False
        # An adapter whose query() takes max_rows stops fetching there; others are checked after.
        self.limited = len(inspect.signature(engine.query).parameters) >= 2

    def on_interrupt(self, signum, frame):
        if self.busy:
            self.cancelled = True
            try:
                self.engine.cancel()
            except Exception as error:  # the reply says what happened
                print(f"trappe bridge: cancel failed: {error}", file=sys.stderr)

    def write(self, obj):
        self.out.write(json.dumps(obj, ensure_ascii=False, allow_nan=False) + "\n")

    def reply(self, columns, rows, extra=None):
        header = {"ok": True, "columns": [list(c) for c in columns], "rows": len(rows)}
        if extra:
            header.update(extra)
        self.write(header)
        for row in rows:
            self.write([encode(v) for v in row])
        self.out.flush()

    def fail(self, message, cancelled=False, too_large=False):
        self.write({"ok": False, "error": message, "cancelled": cancelled, "too_large": too_large})
        self.out.flush()

    def perform(self, request):
        """Runs one request and returns (columns, rows, extra)."""
        op = request.get("op")
        if op == "version":
            return [], [], {"version": self.engine.version()}
        if op == "tables":
            return [("name", "VARCHAR")], [(t,) for t in self.engine.tables()], None
        if op == "row_counts":
            # Tables whose row count the engine keeps in its metadata (nothing is scanned);
            # an engine without such metadata answers no rows and `.tables` shows "?".
            counts = getattr(self.engine, "row_counts", None)
            return [("name", "VARCHAR"), ("rows", "BIGINT")], (counts() if counts else []), None
        if op == "columns":
            return [("name", "VARCHAR"), ("type", "VARCHAR")], self.engine.columns(request["relation"]), None
        if op == "query":
            limit = request.get("max_rows")
            if limit is None:
                columns, rows = self.engine.query(request["sql"])
            elif self.limited:
                columns, rows = self.engine.query(request["sql"], limit)
            else:
                columns, rows = self.engine.query(request["sql"])
                if len(rows) > limit:
                    raise TooLarge(f"the result has more than {limit} rows")
            return columns, rows, None
        if op == "execute":
            self.engine.execute(request["sql"])
            return [], [], None
        raise ValueError(f"unknown request {op!r}")

    def run_one(self, request):
        """Runs a request on a worker thread so that SIGINT reaches the main thread meanwhile."""
        result = {}

        def work():
            try:
                result["value"] = self.perform(request)
            except BaseException as error:  # reported to Trappe, never fatal to the bridge
                result["error"] = error

        self.busy, self.cancelled = True, False
        worker = threading.Thread(target=work, daemon=True)
        worker.start()
        while worker.is_alive():
            worker.join(0.05)
        self.busy = False
        if "error" in result:
            error = result["error"]
            if isinstance(error, TooLarge):
                self.fail(str(error), too_large=True)
            else:
                message = str(error).strip() or type(error).__name__
                self.fail(message, cancelled=self.cancelled)
            return
        columns, rows, extra = result["value"]
        self.reply(columns, rows, extra)

    def serve(self, requests):
        for line in requests:
            line = line.strip()
            if not line:
                continue
            try:
                request = json.loads(line)
            except ValueError as error:
                self.fail(f"bad request: {error}")
                continue
            if request.get("op") == "close":
                self.reply([], [])
                break
            self.run_one(request)


def watch_parent(engine):
    """Cancels and exits when Trappe has gone (the bridge runs in its own process group, so a
    Ctrl-C that ends Trappe does not reach it; a closed stdin is only read between requests)."""
    parent = os.getppid()

    def watch():
        while True:
            threading.Event().wait(0.5)
            if os.getppid() != parent:
                try:
                    engine.cancel()
                finally:
                    os._exit(0)

    threading.Thread(target=watch, daemon=True).start()


def options_of(pairs):
    options = {}
    for pair in pairs:
        key, _, value = pair.partition("=")
        options[key.lstrip("-").replace("-", "_")] = value
    return options


def main():
    out = protect_stdout()
    parser = argparse.ArgumentParser(prog="trappe_bridge")
    parser.add_argument("--engine", required=True, choices=["duckdb", "spark"])
    known, rest = parser.parse_known_args()
    # --database FILE, --master URL, --connect URL (as --key VALUE or --key=VALUE)
    pairs, i = [], 0
    while i < len(rest):
        item = rest[i]
        if "=" in item or i + 1 >= len(rest) or rest[i + 1].startswith("--"):
            pairs.append(item if "=" in item else item + "=")
            i += 1
        else:
            pairs.append(item + "=" + rest[i + 1])
            i += 2
    hello = {"ok": True, "engine": known.engine}
    try:
        module = importlib.import_module(f"trappe_bridge.{known.engine}_engine")
        engine = module.Engine(options_of(pairs))
        hello["version"] = engine.version()
    except ModuleNotFoundError as error:
        out.write(json.dumps({"ok": False, "error": str(error), "missing_module": error.name or ""}) + "\n")
        out.flush()
        return 1
    except Exception as error:
        out.write(json.dumps({"ok": False, "error": str(error).strip() or type(error).__name__}) + "\n")
        out.flush()
        return 1
    bridge = Bridge(out, engine)
    signal.signal(signal.SIGINT, bridge.on_interrupt)
    watch_parent(engine)
    out.write(json.dumps(hello) + "\n")
    out.flush()
    try:
        bridge.serve(sys.stdin)
    finally:
        try:
            engine.close()
        except Exception:
            pass
    return 0


if __name__ == "__main__":
    sys.exit(main())
