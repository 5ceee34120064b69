"""Import speed and memory: the MSRA train variant (50k sentences, 2.2M chars, 14 MB), one document per
sentence; then a generated file of about 1 GB of the same shape, to show that memory stays flat.

Targets (issue 12): train variant under 2.5 s; peak memory under 150 MB for the 1 GB file.
    python tests/bench/bench_import.py [--db URL] [--file PATH] [--big-gb 1.0] [--no-big]

The CPU time of the import is printed beside the wall-clock time: on a machine shared with other jobs the
first grows with the load, the second much less. Each import runs in a fresh process, so that its peak
resident memory (ru_maxrss, which includes the Python interpreter and SQLAlchemy, about 60 MB) belongs to that
import alone. The big file repeats the corpus with its Chinese characters shifted in each copy (the tags and
the shape stay, no sentence repeats), in a temp folder.
"""

from __future__ import annotations

import argparse
import json
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from common import ROOT, shared_file

CJK_FIRST, CJK_COUNT = 0x4E00, 0x9FFF - 0x4E00 + 1


def one(path: Path, url: str) -> None:
    """Import ``path`` into ``url`` and print the figures as JSON (run in a child process)."""
    from storage.formats.options import Grouping
    from storage.project import Project

    with Project.open(url) as project:
        t0, c0 = time.perf_counter(), time.process_time()
        report = project.importer.import_file(path, grouping=Grouping.SENTENCE)
        elapsed, cpu = time.perf_counter() - t0, time.process_time() - c0
    if report.error:
        raise SystemExit(f"import failed: {report.error}")
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(
        json.dumps(
            {
                "seconds": elapsed,
                "cpu": cpu,
                "peak_mb": peak_mb,
                "documents": report.imported,
                "skipped": report.skipped,
                "spans": report.spans,
                "warnings": report.warnings,
            }
        )
    )


def measure(path: Path, url: str) -> dict[str, object]:
    result = subprocess.run(
        [sys.executable, __file__, "--one", str(path), "--db", url],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    )
    if result.returncode:
        raise SystemExit(result.stderr or result.stdout)
    figures: dict[str, object] = json.loads(result.stdout.strip().splitlines()[-1])
    return figures


def make_big(source: Path, target: Path, gigabytes: float) -> int:
    """Copies of ``source`` with every CJK character shifted by a different amount in each copy."""
    data = source.read_text(encoding="utf-8")
    cjk = [c for c in {ord(ch) for ch in data} if CJK_FIRST <= c < CJK_FIRST + CJK_COUNT]
    wanted = int(gigabytes * 1e9)
    size = copies = 0
    with target.open("w", encoding="utf-8") as out:
        while size < wanted:
            shift = copies * 7919 % CJK_COUNT
            table = {c: CJK_FIRST + (c - CJK_FIRST + shift) % CJK_COUNT for c in cjk}
            piece = data.translate(table)
            out.write(piece)
            size += len(piece.encode("utf-8"))
            copies += 1
    return copies


def report(name: str, figures: dict[str, object], target: str) -> None:
    print(
        f"{name}: {figures['documents']:,} documents, {figures['spans']:,} spans, "
        f"{figures['skipped']:,} duplicates skipped"
    )
    print(
        f"  import time {figures['seconds']:.2f} s (CPU {figures['cpu']:.2f} s), "
        f"peak memory {figures['peak_mb']:.0f} MB  ({target})"
    )


def bench_quick_check(url: str, runs: int = 7) -> None:
    """What opening the database costs for its integrity check (``PRAGMA quick_check``), on this file."""
    from sqlalchemy import make_url

    from storage.db import create_db_engine, quick_check

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
    print(
        f"quick_check on open ({size:,.0f} MB file): median {statistics.median(times):.0f} ms, "
        f"max {max(times):.0f} ms over {runs} runs  target well under 1 s"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--db", help="database URL (default: a new SQLite file in a temp folder)")
    parser.add_argument("--file", type=Path, default=None)
    parser.add_argument("--big-gb", type=float, default=1.0, help="size of the generated file (default 1)")
    parser.add_argument("--no-big", action="store_true", help="skip the generated file")
    parser.add_argument("--one", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.one:
        one(args.one, args.db)
        return
    path = args.file or shared_file("msra/train_variant.bio")
    with tempfile.TemporaryDirectory() as tmp:
        url = args.db or f"sqlite:///{Path(tmp) / 'bench.db'}"
        print(f"database: {url.split('://')[0]}")
        report(
            f"{path.name} ({path.stat().st_size / 1e6:.0f} MB)",
            measure(path, url),
            "targets: < 2.5 s, flat memory",
        )
        if url.startswith("sqlite"):
            bench_quick_check(url)
        if args.no_big:
            return
        big = Path(tmp) / "big.bio"
        t0 = time.perf_counter()
        copies = make_big(path, big, args.big_gb)
        print(
            f"generated {big.stat().st_size / 1e9:.2f} GB ({copies} shifted copies) in "
            f"{time.perf_counter() - t0:.0f} s"
        )
        big_url = args.db or f"sqlite:///{Path(tmp) / 'big.db'}"
        report(
            f"generated file ({big.stat().st_size / 1e9:.2f} GB)",
            measure(big, big_url),
            "target: peak memory < 150 MB",
        )


if __name__ == "__main__":
    main()
