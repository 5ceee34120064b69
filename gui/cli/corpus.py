"""``newstag import`` and ``newstag stats``: bringing documents into the project (its options, and the
report, or with ``--dry-run`` the preview, printed per file), and the project's figures."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from typing import Any

from gui.cli import positive_int, user_path
from model.tagging import IPolicy
from storage.types import (
    DEFAULT_TAG_MAP,
    TEXT_NAMES,
    Columns,
    Discontinuous,
    Duplicates,
    FileReport,
    Format,
    Grouping,
    ImportOptions,
    Join,
    OffsetUnit,
    ReadOptions,
    SpansAs,
)

AddDb = Callable[[argparse.ArgumentParser], None]


def register(sub: Any, add_db: AddDb) -> None:
    p = sub.add_parser(
        "import",
        help="import text, doccano/CLUENER/Label Studio JSON, CoNLL, brat or "
        "word/tag files (--dry-run: show what would be imported)",
    )
    add_import_options(p)
    p.add_argument("--quiet", action="store_true", help="no progress bar")
    add_db(p)
    p.set_defaults(handler=cmd_import)

    p = sub.add_parser("stats", help="documents, spans by label and status, progress per annotator")
    add_db(p)
    p.set_defaults(handler=cmd_stats, reads_project=True)


FORMATS_HELP = (
    "auto (default: by content, then suffix), txt, jsonl (doccano, CLUENER, Label Studio JSON-MIN "
    "lines), json (Label Studio JSON / JSON-MIN arrays), conll (any columns, CoNLL-U, Weibo NER), "
    "brat, wordtag (People's Daily / MSRA word/tag), ontonotes (OntoNotes 4/5 .name "
    "files), boson (BosonNLP_NER_6C.txt, {{person_name:…}} inline), webanno (WebAnno TSV 3.x, "
    "INCEpTION's export), yedda (YEDDA .ann, [@text#Label*] inline), csv (a CSV / TSV of texts with a "
    "text column, one document a row: doccano's CSV export), iob (spaCy's .iob: one sentence a line, "
    "word|TAG or word|POS|TAG)"
)


def add_import_options(p: argparse.ArgumentParser) -> None:
    p.add_argument(
        "paths", nargs="+", type=user_path, metavar="PATH", help="files or folders (searched recursively)"
    )
    p.add_argument("--format", choices=[f.value for f in Format], default="auto", help=FORMATS_HELP)
    p.add_argument(
        "--dry-run",
        action="store_true",
        help="show per file what would be imported (format, encoding, scheme, columns, offsets, "
        "documents, spans per label, new labels, duplicates, warnings) and write nothing",
    )
    p.add_argument(
        "--spans-as",
        choices=[s.value for s in SpansAs],
        default="gold",
        help="labels in the files become the gold layer (default) or suggestions to confirm",
    )
    p.add_argument(
        "--duplicates",
        choices=[d.value for d in Duplicates],
        default="skip",
        help="a text already stored: skip it (default; said when its labels differ) or keep it as its "
        "own document when its labels differ",
    )
    conll = p.add_argument_group("CoNLL")
    conll.add_argument(
        "--group",
        choices=[g.value for g in Grouping],
        default="auto",
        help="how sentences form documents (auto: by -DOCSTART- if present, else one per sentence)",
    )
    conll.add_argument(
        "--sentences-per-document",
        type=positive_int,
        metavar="N",
        help="N consecutive sentences (word/tag: lines) form one document",
    )
    conll.add_argument(
        "--strict-tags",
        action="store_true",
        help="refuse an I-/E- tag that continues no entity and a BIOES/BMES entity never closed "
        "(default: read such a tag as an entity start, as conlleval does)",
    )
    conll.add_argument(
        "--columns",
        metavar="SPEC",
        help="which columns hold the token and the tag: TOKEN,POS,CHUNK,TAG (one name per column) "
        "or TOKEN=2,TAG=10 (default: the first and the last; CoNLL-U: FORM and the last)",
    )
    conll.add_argument(
        "--join",
        choices=[j.value for j in Join],
        default="auto",
        help="how tokens become text (auto: characters and Chinese words without a space, Latin "
        "words with one)",
    )
    conll.add_argument(
        "--untyped-label",
        default="ENT",
        metavar="LABEL",
        help="the label of tags without a type (B, I, O); default ENT",
    )
    json_group = p.add_argument_group("JSON / JSONL")
    json_group.add_argument(
        "--offsets",
        choices=[o.value for o in OffsetUnit],
        default="auto",
        help="what offsets count: code points (doccano's API) or UTF-16 code units (doccano's "
        "annotation screen, Label Studio); auto: by each span's text where it has one",
    )
    p.add_argument(
        "--discontinuous",
        choices=[d.value for d in Discontinuous],
        default="split",
        help="brat: an entity in several fragments becomes one span per fragment, or the file is refused",
    )
    webanno = p.add_argument_group("WebAnno TSV (INCEpTION)")
    webanno.add_argument(
        "--layer",
        metavar="NAME",
        help="the span layer whose feature is the label, full or short name (webanno.custom.Entity or "
        "Entity); default: NamedEntity, else the only custom span layer with one feature",
    )
    webanno.add_argument(
        "--feature",
        metavar="NAME",
        help="that layer's feature holding the label, where it has several (NamedEntity: value)",
    )
    p.add_argument(
        "--text-column",
        metavar="NAME",
        help="a table of texts (CSV / TSV): the column holding the texts; default: text, else the one "
        "column named " + ", ".join(TEXT_NAMES),
    )
    p.add_argument(
        "--tag-map",
        metavar="TAG=LABEL,...",
        default=None,
        help="word/tag: which tags are entities (default "
        + ",".join(f"{k}={v}" for k, v in DEFAULT_TAG_MAP.items())
        + ")",
    )


def _tag_map(spec: str | None) -> dict[str, str]:
    if spec is None:
        return dict(DEFAULT_TAG_MAP)
    pairs = [p.strip() for p in spec.split(",") if p.strip()]
    if not pairs or not all("=" in p and all(s.strip() for s in p.split("=", 1)) for p in pairs):
        raise ValueError(f"--tag-map {spec!r}: expected TAG=LABEL pairs, e.g. nr=PER,ns=LOC,nt=ORG")
    tags = [p.split("=", 1)[0].strip() for p in pairs]
    if twice := next((t for t in tags if tags.count(t) > 1), None):
        raise ValueError(f"--tag-map {spec!r}: the tag {twice} is mapped twice; give it one label")
    return {tag.strip(): label.strip() for tag, label in (p.split("=", 1) for p in pairs)}


def import_options(args: argparse.Namespace) -> ImportOptions:
    """Raises ValueError with a message for the user on a bad option."""
    read = ReadOptions(
        grouping=Grouping(args.group),
        policy=IPolicy.REJECT if args.strict_tags else IPolicy.REPAIR,
        sentences_per_document=args.sentences_per_document,
        columns=Columns.parse(args.columns) if args.columns else None,
        join=Join(args.join),
        offsets=OffsetUnit(args.offsets),
        discontinuous=Discontinuous(args.discontinuous),
        untyped_label=args.untyped_label,
        tag_map=_tag_map(args.tag_map),
        webanno_layer=args.layer or None,
        webanno_feature=args.feature or None,
        text_column=(args.text_column or "").strip() or None,
    )
    return ImportOptions(
        format=Format(args.format),
        read=read,
        spans_as=SpansAs(args.spans_as),
        duplicates=Duplicates(args.duplicates),
    )


def render(report: FileReport) -> list[str]:
    """The lines printed for one file."""
    if report.error is not None:
        return [
            f"FAILED   {report.error}  (nothing from this file was "
            f"{'read' if report.dry_run else 'imported'})"
        ]
    if report.dry_run:
        head = (
            f"would import {report.path}: {report.imported} document(s), {report.spans} span(s); "
            f"would skip {report.skipped} duplicate(s)"
        )
    else:
        head = (
            f"imported {report.path}: {report.imported} document(s), {report.spans} span(s); "
            f"skipped {report.skipped} duplicate(s)"
        )
    lines = [head]
    shape = report.format + (f" ({report.variant})" if report.variant else "")
    details = [f"format {shape}", f"encoding {report.encoding or '?'}"]
    if report.scheme:
        details.append(f"scheme {report.scheme}")
    if report.columns:
        details.append(f"columns {report.columns}")
    if report.offset_unit:
        details.append(f"offsets {report.offset_unit}")
    lines.append("  " + "; ".join(details))
    if report.spans_per_label:
        lines.append(
            "  spans per label: "
            + ", ".join(f"{label} {n}" for label, n in sorted(report.spans_per_label.items()))
        )
    if report.kept:
        lines.append(f"  kept {report.kept} duplicate(s) with other labels as their own documents")
    for message in report.differing:
        lines.append(f"  duplicate with other labels: {message}")
    if report.differing_count > len(report.differing):
        lines.append(
            f"  … and {report.differing_count - len(report.differing)} more duplicate(s) with other labels"
        )
    if report.differing_count and not report.kept:
        lines.append("  (--duplicates keep imports a duplicate whose labels differ as its own document)")
    lines.extend(f"  note: {note}" for note in report.notes)
    lines.extend(f"  warning: {warning}" for warning in report.warnings)
    if report.new_labels:
        verb = "would be added" if report.dry_run else "added"
        lines.append(f"  new label(s) {verb} to the label set: {', '.join(report.new_labels)}")
    return lines


def cmd_import(args: argparse.Namespace, url: str | None) -> int:
    from tqdm import tqdm

    from gui.cli import absent_project
    from storage.project import Importer, Project
    from storage.types import DryRunMemory

    try:
        options = import_options(args)
    except ValueError as exc:
        print(f"newstag import: {exc}", file=sys.stderr)
        return 2
    files = Importer.expand_paths(args.paths, options.format, options.read.text_column)
    passed = Importer.passed_over(args.paths, files)
    if others := [p for p in passed if not Importer.unread_link(p)]:
        shown = ", ".join(str(p) for p in others[:3]) + (", …" if len(others) > 3 else "")
        print(
            f"note: {len(others)} file(s) in the folder(s) named were not read, their names not being of a "
            f"kind newstag imports ({shown}); name a file itself to import it"
        )
    if links := [p for p in passed if Importer.unread_link(p)]:
        shown = ", ".join(str(p) for p in links[:3]) + (", …" if len(links) > 3 else "")
        print(
            f"note: {len(links)} symbolic link(s) in the folder(s) named were not read: they lead to no file "
            f"(a broken link or a loop) or to a folder, which is not searched ({shown})"
        )
    if not files:
        print("newstag import: no importable files found", file=sys.stderr)
        return 1
    failed = 0
    missing = absent_project(url) if args.dry_run else None
    earlier = DryRunMemory()  # a dry run reads each file after the ones before it, as the import will
    # a dry run creates no database: read against an empty project in memory, said below
    with Project.open("sqlite://" if missing is not None else url) as project:
        for path in files:
            with tqdm(
                desc=path.name, unit=" doc", disable=args.quiet or None, leave=False, file=sys.stderr
            ) as bar:
                report = project.importer.import_file(
                    path, options=options, progress=bar.update, dry_run=args.dry_run, earlier=earlier
                )
            failed += report.failed
            print("\n".join(render(report)))
        if args.dry_run:
            where = project.url
            if missing is not None:
                state = "does not exist" if missing.file else "holds no newstag project"
                where = f"{missing}, which {state} yet (none was made)"
            readable = len(files) - failed
            print(
                f"{readable} file(s) readable, {failed} refused; nothing was written to {where} (--dry-run)"
            )
        else:
            print(f"{len(files) - failed} file(s) imported, {failed} failed, into {project.url}")
    return 1 if failed else 0


def cmd_stats(_args: argparse.Namespace, url: str | None) -> int:
    from storage.project import Project

    with Project.open(url) as project:
        print(project.stats().render())
    return 0
