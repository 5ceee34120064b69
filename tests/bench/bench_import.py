"""Import speed: MSRA train variant (50k sentences, 2.2M chars), one document per sentence, no suggestions.

Target (issue 2): under 30 s on the 2-core machine.
    python tests/bench/bench_import.py [--db URL] [--file PATH]
"""

from __future__ import annotations

import argparse
import statistics
import tempfile
import time
from pathlib import Path

from common import shared_file
from sqlalchemy import make_url

from storage.db import create_db_engine, quick_check
from storage.formats.conll import Grouping
from storage.project import Project


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--db", help="database URL (default: a new SQLite file in a temp folder)")
    parser.add_argument("--file", type=Path, default=None)
    args = parser.parse_args()
    path = args.file or shared_file("msra/train_variant.bio")
    with tempfile.TemporaryDirectory() as tmp:
        url = args.db or f"sqlite:///{Path(tmp) / 'bench.db'}"
        with Project.open(url) as project:
            t0 = time.perf_counter()
            report = project.importer.import_file(path, grouping=Grouping.SENTENCE)
            elapsed = time.perf_counter() - t0
            chars = sum(len(d.text) for d in project.documents.all())
        if report.error:
            raise SystemExit(f"import failed: {report.error}")
        print(f"file:       {path}")
        print(f"database:   {url.split('://')[0]}")
        print(f"documents:  {report.imported:,} imported, {report.skipped:,} duplicate sentences skipped")
        print(f"spans:      {report.spans:,}")
        print(f"warnings:   {'; '.join(report.warnings) or 'none'}")
        print(f"import time: {elapsed:.2f} s  ({chars / elapsed:,.0f} chars/s)  target < 30 s")
        if url.startswith("sqlite"):
            bench_quick_check(url)


def bench_quick_check(url: str, runs: int = 7) -> None:
    """What opening the database costs for its integrity check (``PRAGMA quick_check``), on this file."""
    engine = create_db_engine(url)
    try:
        times = []
        for _ in range(runs):
            engine.dispose()  # a fresh connection, as a new process opening the file has
            t0 = time.perf_counter()
            quick_check(engine)
            times.append((time.perf_counter() - t0) * 1000)
    finally:
        engine.dispose()
    size = Path(make_url(url).database or "").stat().st_size / 1e6
    print(f"quick_check on open ({size:,.0f} MB file): median {statistics.median(times):.0f} ms, "
          f"max {max(times):.0f} ms over {runs} runs  target well under 1 s")


if __name__ == "__main__":
    main()
