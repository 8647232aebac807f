"""The Spark adapter of the engine bridge (Scripts/engines/trappe_bridge, see __main__.py).

`Engine(options)` starts or connects to Spark:
  master=URL        a SparkSession on that master (default `local[*]`: Spark inside this process's JVM)
  connect=sc://H:P  Spark Connect to a running server (pyspark's Connect client; needs its extras)
  conf=K=V[;K=V…]   Spark settings for the session
Options may be spelled with or without leading dashes (`--master`, `master`).

Spark writes its start-up banner and log lines to stderr (the bridge keeps fd 1, its protocol,
away from the JVM before importing this module); the log level is set to ERROR and the console
progress bars are off. ANSI mode is on (Spark 4's default): the SQL Trappe writes for Spark
(Sources/TrappeQuery/SQL/SparkDialect.swift) turns every conversion that may fail into a
TRY_CAST, so a failure that remains is an error, never a silently wrapped number.

Values returned: int, float, bool, str, datetime.date, None (Decimal → float; timestamps as
datetime.datetime; arrays, maps and structs as their text).
"""

import datetime
import decimal
import os
import re

_INTERNAL_VIEW = "__trappe_csv_"


def _option(options, name, default=None):
    for key in (name, "--" + name, "-" + name):
        if key in options and options[key] not in (None, ""):
            return options[key]
    return default


def _type_name(data_type):
    """Spark's type → the upper-case engine type name of the bridge contract."""
    text = data_type.simpleString()
    names = {"bigint": "BIGINT", "int": "INTEGER", "smallint": "SMALLINT", "tinyint": "TINYINT",
             "double": "DOUBLE", "float": "FLOAT", "string": "VARCHAR", "boolean": "BOOLEAN",
             "date": "DATE", "timestamp": "TIMESTAMP", "timestamp_ntz": "TIMESTAMP", "binary": "BLOB",
             "void": "NULL"}
    if text in names:
        return names[text]
    if text.startswith("decimal"):
        return text.upper()
    if text.startswith("varchar") or text.startswith("char"):
        return "VARCHAR"
    return text.upper()


def _value(v):
    if v is None or isinstance(v, (bool, int, float, str)):
        return v
    if isinstance(v, decimal.Decimal):
        return float(v)
    if isinstance(v, (datetime.date, datetime.datetime)):
        return v
    if isinstance(v, (bytes, bytearray)):
        return bytes(v).hex()
    return str(v)


def split_setup(sql):
    """Trappe's Spark SQL for CSV files starts with `CREATE OR REPLACE TEMPORARY VIEW …;` lines
    (SQLCompiler.setup): → (those statements, the query)."""
    statements = []
    rest = sql.lstrip()
    while rest.upper().startswith("CREATE OR REPLACE TEMPORARY VIEW"):
        end = rest.find(";\n")
        if end < 0:
            break
        statements.append(rest[:end])
        rest = rest[end + 2:].lstrip()
    return statements, rest.rstrip().rstrip(";").rstrip()


class Engine:
    name = "spark"

    def __init__(self, options):
        options = dict(options or {})
        connect = _option(options, "connect")
        master = _option(options, "master", "local[*]")
        conf = {}
        for item in re.split(r"[;\n]", _option(options, "conf", "") or ""):
            if "=" in item:
                key, value = item.split("=", 1)
                conf[key.strip()] = value.strip()
        from pyspark.sql import SparkSession
        self.connected = connect is not None
        builder = SparkSession.builder.appName("trappe")
        if connect:
            builder = builder.remote(connect)
        else:
            # Local mode needs no network name; this also quiets Spark's loopback-address warning.
            if master.startswith("local"):
                os.environ.setdefault("SPARK_LOCAL_IP", "127.0.0.1")
            builder = builder.master(master)
            defaults = {"spark.ui.enabled": "false", "spark.ui.showConsoleProgress": "false",
                        "spark.sql.session.timeZone": "UTC", "spark.sql.ansi.enabled": "true"}
            if master.startswith("local"):
                # 200 shuffle partitions (Spark's default, for clusters) make small local queries slow.
                defaults["spark.sql.shuffle.partitions"] = str(max(2, 2 * (os.cpu_count() or 1)))
            for key, value in defaults.items():
                builder = builder.config(key, conf.pop(key, value))
        for key, value in conf.items():
            builder = builder.config(key, value)
        if self.connected:
            self.spark = builder.getOrCreate()
        else:
            self.spark = self._start_quietly(builder)
        if not self.connected:
            self.spark.sparkContext.setLogLevel("ERROR")
        else:
            self.spark.conf.set("spark.sql.ansi.enabled", "true")

    @staticmethod
    def _start_quietly(builder):
        """Starts the driver JVM with its standard error in a log file, so Spark's start-up
        chatter (log4j profile, incubator modules, native-hadoop warnings) stays off the user's
        terminal; a failure names the log."""
        import tempfile
        log_path = os.path.join(tempfile.gettempdir(), f"trappe-spark-{os.getpid()}.log")
        log_fd = os.open(log_path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        saved = os.dup(2)
        os.dup2(log_fd, 2)
        try:
            return builder.getOrCreate()
        except Exception as error:
            raise RuntimeError(f"{error} (Spark's own log: {log_path})") from error
        finally:
            os.dup2(saved, 2)
            os.close(saved)
            os.close(log_fd)

    def version(self):
        return "Spark " + self.spark.version

    def tables(self):
        """Temporary views and the default database's tables by name, other databases' as db.table."""
        names = []
        seen = set()
        current = self.spark.catalog.currentDatabase()
        databases = [current] + sorted(d.name for d in self.spark.catalog.listDatabases() if d.name != current)
        for database in databases:
            for t in self.spark.catalog.listTables(database):
                if t.name.startswith(_INTERNAL_VIEW):
                    continue
                qualified = t.name if (t.isTemporary or database == current) else database + "." + t.name
                if qualified not in seen:
                    seen.add(qualified)
                    names.append(qualified)
        return names

    def columns(self, relation_sql):
        """The columns of a table name or `(SELECT …)`: Spark analyses the query without running it."""
        setup, relation = split_setup(relation_sql)
        for statement in setup:
            self.spark.sql(statement)
        schema = self.spark.sql("SELECT * FROM " + relation).schema
        return [(f.name, _type_name(f.dataType)) for f in schema.fields]

    def query(self, sql):
        setup, statement = split_setup(sql)
        for s in setup:
            self.spark.sql(s)
        df = self.spark.sql(statement)
        columns = [(f.name, _type_name(f.dataType)) for f in df.schema.fields]
        rows = [tuple(_value(v) for v in row) for row in df.collect()]
        return columns, rows

    def execute(self, sql):
        """DDL. Spark has no temporary tables: `CREATE TEMP[ORARY] TABLE x AS …` becomes a temporary view."""
        setup, statement = split_setup(sql)
        for s in setup:
            self.spark.sql(s)
        statement = re.sub(r"^\s*CREATE\s+(OR\s+REPLACE\s+)?TEMP(ORARY)?\s+TABLE\s+",
                           "CREATE OR REPLACE TEMPORARY VIEW ", statement, flags=re.IGNORECASE)
        if statement:
            self.spark.sql(statement)

    def cancel(self):
        if self.connected:
            self.spark.interruptAll()
        else:
            self.spark.sparkContext.cancelAllJobs()

    def close(self):
        self.spark.stop()
