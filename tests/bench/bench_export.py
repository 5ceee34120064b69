"""Export speed and memory: the MSRA train variant (50k documents, one per sentence) as character-level BIO.

Target (issue 5): under 10 s on the 2-core machine, memory flat (documents are streamed in batches).
    python tests/bench/bench_export.py [--db URL] [--file PATH] [--format conll|conll-word|jsonl|brat]

Without --db the corpus is imported first into a new SQLite file in a temp folder (not timed). The export
runs twice: once timed, once under tracemalloc for the peak of Python allocations during the export.
"""

from __future__ import annotations

import argparse
import resource
import tempfile
import time
import tracemalloc
from pathlib import Path

from common import shared_file

from storage.export import ExportFormat, ExportOptions
from storage.formats.conll import Grouping
from storage.project import Project


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--db", help="an existing database URL (default: import --file into a temp SQLite)")
    parser.add_argument("--file", type=Path, default=None)
    parser.add_argument("--format", choices=[f.value for f in ExportFormat], default="conll")
    args = parser.parse_args()
    options = ExportOptions(format=ExportFormat(args.format), skip_unlabelled=False)
    with tempfile.TemporaryDirectory() as tmp:
        url = args.db or f"sqlite:///{Path(tmp) / 'bench.db'}"
        with Project.open(url) as project:
            if not args.db:
                path = args.file or shared_file("msra/train_variant.bio")
                t0 = time.perf_counter()
                report = project.importer.import_file(path, grouping=Grouping.SENTENCE)
                if report.error:
                    raise SystemExit(f"import failed: {report.error}")
                took = time.perf_counter() - t0
                print(
                    f"imported {path.name}: {report.imported:,} documents in {took:.1f} s "
                    "(not part of the export time)"
                )
            out = Path(tmp) / ("export" if args.format == "brat" else f"export.{args.format}")
            rss_before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
            t0 = time.perf_counter()
            summary = project.export.run(options, out)
            elapsed = time.perf_counter() - t0
            rss_after = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
            size = sum(f.stat().st_size for f in out.rglob("*")) if out.is_dir() else out.stat().st_size
            tracemalloc.start()
            project.export.run(options, out, overwrite=True)  # the same export again, replacing the first
            _, peak = tracemalloc.get_traced_memory()
            tracemalloc.stop()
        print(f"database:    {url.split('://')[0]}")
        print(
            f"exported:    {summary.total_documents:,} documents, {summary.sentences:,} sentences, "
            f"{sum(summary.entities.values()):,} entities, {size / 1e6:.1f} MB written"
        )
        print(f"export time: {elapsed:.2f} s  (target < 10 s)")
        print(f"peak Python allocations during export (tracemalloc): {peak / 1e6:.1f} MB")
        print(
            f"peak RSS of the process: {rss_after / 1024:.0f} MB "
            f"(grew by {(rss_after - rss_before) / 1024:.0f} MB during the export)"
        )


if __name__ == "__main__":
    main()
