#!/usr/bin/env python3
"""Checks that the expected results of the .help examples, as docs/language.md shows them, are
DuckDB's: runs `help_examples.py --check` (Scripts/test passes the trappe path, unused here;
LanguageReferenceTests compares Trappe's output with the same texts)."""
import os, runpy, sys

sys.argv = [sys.argv[0], "--check"]
runpy.run_path(os.path.join(os.path.dirname(os.path.abspath(__file__)), "help_examples.py"), run_name="__main__")
