"""``newstag import`` and ``newstag stats``: bringing documents into the project, and its figures."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

from gui.cli import positive_int
from model.tagging import IPolicy
from storage.types import Format, Grouping, SpansAs

AddDb = Callable[[argparse.ArgumentParser], None]


def register(sub: Any, add_db: AddDb) -> None:
    p = sub.add_parser("import", help="import .txt articles, doccano JSONL or character-level CoNLL")
    p.add_argument("paths", nargs="+", type=Path, metavar="PATH",
                   help="files or folders (searched recursively)")
    p.add_argument("--format", choices=[f.value for f in Format], default="auto")
    p.add_argument(
        "--group", choices=[g.value for g in Grouping], default="auto",
        help="CoNLL: how sentences form documents (auto: by -DOCSTART- if present, else one per sentence)",
    )
    p.add_argument("--sentences-per-document", type=positive_int, metavar="N",
                   help="CoNLL: N consecutive sentences form one document")
    p.add_argument("--strict-tags", action="store_true",
                   help="CoNLL: refuse an I-/E- tag that continues no entity (default: read it as a start)")
    p.add_argument("--spans-as", choices=[s.value for s in SpansAs], default="gold",
                   help="labels in the files become the gold layer (default) or suggestions to confirm")
    p.add_argument("--quiet", action="store_true", help="no progress bar")
    add_db(p)
    p.set_defaults(handler=cmd_import)

    p = sub.add_parser("stats", help="documents, spans by label and status, progress per annotator")
    add_db(p)
    p.set_defaults(handler=cmd_stats)


def cmd_import(args: argparse.Namespace, url: str | None) -> int:
    from tqdm import tqdm

    from storage.project import Importer, Project

    fmt = Format(args.format)
    files = Importer.expand_paths(args.paths, fmt)
    if not files:
        print("newstag import: no importable files found", file=sys.stderr)
        return 1
    grouping = Grouping(args.group)
    failed = 0
    with Project.open(url) as project:
        for path in files:
            with tqdm(desc=path.name, unit=" doc", disable=args.quiet or None, leave=False,
                      file=sys.stderr) as bar:
                report = project.importer.import_file(
                    path, fmt, grouping=grouping,
                    policy=IPolicy.REJECT if args.strict_tags else IPolicy.REPAIR,
                    spans_as=SpansAs(args.spans_as), progress=bar.update,
                    sentences_per_document=args.sentences_per_document,
                )
            if report.error:
                failed += 1
                print(f"FAILED   {report.error}  (nothing from this file was imported)")
                continue
            print(f"imported {path}: {report.imported} document(s), {report.spans} span(s); "
                  f"skipped {report.skipped} duplicate(s)")
            for warning in report.warnings:
                print(f"  warning: {warning}")
            if report.new_labels:
                print(f"  new label(s) added to the label set: {', '.join(report.new_labels)}")
        print(f"{len(files) - failed} file(s) imported, {failed} failed, into {project.url}")
    return 1 if failed else 0


def cmd_stats(_args: argparse.Namespace, url: str | None) -> int:
    from storage.project import Project

    with Project.open(url) as project:
        print(project.stats().render())
    return 0
