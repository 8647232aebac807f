"""Trappe's engine bridge: one long-lived process between the Trappe shell and an engine (see __main__.py)."""


class TooLarge(Exception):
    """A query result with more rows than Trappe can take (adapters may raise it from query(sql, max_rows))."""
