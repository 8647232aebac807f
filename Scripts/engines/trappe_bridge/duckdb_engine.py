"""The DuckDB adapter of the engine bridge (interface: __main__.py and docs/engines.md)."""

import duckdb

from trappe_bridge import TooLarge


def _type(name):
    return str(name).upper()


class Engine:
    name = "duckdb"

    def __init__(self, options):
        database = options.get("database") or ":memory:"
        self.connection = duckdb.connect(database)

    def version(self):
        return f"DuckDB {duckdb.__version__}"

    def tables(self):
        rows = self.connection.execute(
            "SELECT schema_name, table_name FROM duckdb_tables() WHERE NOT temporary "
            "UNION ALL SELECT schema_name, view_name FROM duckdb_views() WHERE NOT internal AND NOT temporary "
            "ORDER BY 1, 2"
        ).fetchall()
        return [table if schema == "main" else f"{schema}.{table}" for schema, table in rows]

    def row_counts(self):
        """The stored row count of each table (duckdb_tables().estimated_size: metadata, no scan;
        exact for committed rows). Views are left out: counting one would run it."""
        rows = self.connection.execute(
            "SELECT schema_name, table_name, estimated_size FROM duckdb_tables() WHERE NOT temporary"
        ).fetchall()
        return [(table if schema == "main" else f"{schema}.{table}", size) for schema, table, size in rows]

    def columns(self, relation_sql):
        described = self.connection.execute(f"DESCRIBE SELECT * FROM {relation_sql}").fetchall()
        return [(row[0], _type(row[1])) for row in described]

    def query(self, sql, max_rows=None):
        result = self.connection.execute(sql)
        columns = [(d[0], _type(d[1])) for d in result.description]
        if max_rows is None:
            return columns, result.fetchall()
        rows = result.fetchmany(max_rows + 1)
        if len(rows) > max_rows:
            raise TooLarge(f"the result has more than {max_rows} rows")
        return columns, rows

    def execute(self, sql):
        self.connection.execute(sql)

    def cancel(self):
        self.connection.interrupt()

    def close(self):
        self.connection.close()
