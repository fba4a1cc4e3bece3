#!/usr/bin/env python3
"""The provider's report with DuckDB over a folder of citizens' CSV exports.

    python3 report/report.py <folder of CSV files> <first week> <last week>

prints every figure as JSON: {"citizens": 1000, "band:0:2": null, ...}; null where fewer
than five citizens stand behind a figure (the report's "< 5"). The figures and their
definitions are those of the app's report (src/domain/report.rs); report.sql computes them.
Needs the Python package duckdb (pinned in scripts/tools.sh, installed into target/py).
"""
import json
import pathlib
import sys

import duckdb


def figures(folder, first_week, last_week):
    con = duckdb.connect()
    for name, value in (("files", str(pathlib.Path(folder) / "*.csv")), ("first_week", first_week), ("last_week", last_week)):
        con.execute(f"SET VARIABLE {name} = ?", [value])
    sql = pathlib.Path(__file__).with_name("report.sql").read_text(encoding="utf-8")
    rows = con.execute(sql).fetchall()
    return {figure: value for figure, value in rows}


if __name__ == "__main__":
    if len(sys.argv) != 4:
        sys.exit(__doc__)
    print(json.dumps(figures(*sys.argv[1:]), sort_keys=True))
