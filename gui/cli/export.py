"""``newstag export``: training data out of the project (CoNLL, word CoNLL, doccano JSONL, brat, WebAnno
TSV), and the summary text shared with the Export dialog."""

from __future__ import annotations

import argparse
import logging
import sys
from collections.abc import Callable

from gui.cli import user_path
from gui.cli.people import actor_name, add_actor, authorise
from model.reason_kinds import ReasonKind
from model.roles import Permission
from model.sentences import SentenceMode
from model.spans import DocState
from model.tagging import Scheme
from storage.types import (
    DEFAULT_PLACEHOLDER,
    ConllOptions,
    DocSeparator,
    ExportError,
    ExportFormat,
    ExportOptionError,
    ExportOptions,
    Source,
    SplitRatios,
    WhitespacePolicy,
)

logger = logging.getLogger(__name__)

SEPARATOR_NAMES = {"tab": "\t", "\\t": "\t", "space": " "}


def register(sub: argparse._SubParsersAction, add_db: Callable[[argparse.ArgumentParser], None]) -> None:
    p = sub.add_parser(
        "export",
        help="export training data: CoNLL (characters or words), JSONL, brat, WebAnno TSV (INCEpTION)",
        description="Export labels as training data. Suggestions nobody accepted are never exported.",
    )
    p.add_argument(
        "--format",
        choices=[f.value for f in ExportFormat],
        default="conll",
        help="conll: one character per line; conll-word: jieba words; jsonl: doccano; "
        "brat: .txt + .ann files in a folder; webanno: WebAnno TSV 3.3 .tsv files in a folder, for "
        "INCEpTION (default: conll)",
    )
    p.add_argument(
        "--out",
        type=user_path,
        required=True,
        metavar="PATH",
        help="the file to write (a folder for brat and webanno, or with --split); it must not exist yet (an "
        "empty folder will do)",
    )
    p.add_argument(
        "--overwrite",
        action="store_true",
        help="replace PATH if it exists: the old file, or the old folder with everything in it, "
        "is replaced as a whole once the export is complete",
    )
    p.add_argument(
        "--layer",
        choices=[s.value for s in Source],
        default="gold",
        help="whose labels: an annotator's, the adjudicated gold, or gold where a document is "
        "adjudicated and the annotator's elsewhere (default: gold)",
    )
    p.add_argument(
        "--annotator",
        metavar="NAME",
        default=argparse.SUPPRESS,
        help="the annotator for --layer annotator / gold-else-annotator and for state filters",
    )
    p.add_argument("--only-done", action="store_true", help="only documents the annotator marked done")
    p.add_argument(
        "--state",
        metavar="STATE[,STATE]",
        help=f"only documents in these states for the annotator ({', '.join(s.value for s in DocState)})",
    )
    p.add_argument("--labels", metavar="L1,L2", help="export only these labels (names after --map)")
    p.add_argument(
        "--map",
        action="append",
        default=[],
        metavar="OLD=NEW",
        help="rename a label (GPE=LOC), or drop it (MISC=); repeatable",
    )
    p.add_argument(
        "--keep-unlabelled",
        action="store_true",
        help="also write documents without any label (default: skip them)",
    )
    p.add_argument(
        "--split", metavar="TRAIN,DEV,TEST", help="split by document, e.g. 0.8,0.1,0.1 (or 80/10/10)"
    )
    p.add_argument("--seed", type=int, default=0, help="seed of the split (default 0)")
    conll = p.add_argument_group("CoNLL")
    conll.add_argument("--scheme", choices=[s.value for s in Scheme], default="bio")
    conll.add_argument(
        "--separator",
        default="tab",
        metavar="SEP",
        help="between token and tag: tab (default), space, or any string",
    )
    conll.add_argument(
        "--sentences",
        choices=[m.value for m in SentenceMode],
        default="punctuation",
        help="punctuation: after 。！？；… and at line breaks; lines: at line breaks only; "
        "document: one sentence per document (also for webanno)",
    )
    conll.add_argument(
        "--whitespace",
        choices=[w.value for w in WhitespacePolicy],
        default="skip",
        help="spaces, U+3000 and other blank characters: skipped (default) or written as --placeholder",
    )
    conll.add_argument("--placeholder", default=DEFAULT_PLACEHOLDER, help="default: %(default)s")
    conll.add_argument(
        "--doc-separator",
        choices=[d.value for d in DocSeparator],
        default="docstart",
        help="between documents: a -DOCSTART- line (default), an extra blank line, or nothing",
    )
    p.add_argument("--quiet", action="store_true", help="no progress bar")
    add_actor(p)
    add_db(p)
    p.set_defaults(handler=cmd_export, reads_project=True)


def _states(args: argparse.Namespace) -> frozenset[DocState] | None:
    if args.only_done:
        return frozenset({DocState.DONE})
    if not args.state:
        return None
    try:
        return frozenset(DocState(s.strip()) for s in args.state.split(",") if s.strip())
    except ValueError:
        raise ExportOptionError(
            f"unknown state in {args.state!r} (states: {', '.join(s.value for s in DocState)})"
        ) from None


def _label_map(items: list[str]) -> dict[str, str | None]:
    mapping: dict[str, str | None] = {}
    for item in items:
        old, sep, new = item.partition("=")
        if not sep or not old.strip():
            raise ExportOptionError(f"--map {item!r}: expected OLD=NEW, or OLD= to drop a label")
        old, target = old.strip(), new.strip() or None
        if old in mapping and mapping[old] != target:
            said = " and ".join(repr(t or "(dropped)") for t in (mapping[old], target))
            raise ExportOptionError(f"--map: {old} is mapped twice, to {said}; give one --map {old}=…")
        mapping[old] = target
    return mapping


def options_from_args(args: argparse.Namespace) -> ExportOptions:
    conll = ConllOptions(
        scheme=Scheme(args.scheme),
        separator=SEPARATOR_NAMES.get(args.separator, args.separator),
        sentences=SentenceMode(args.sentences),
        whitespace=WhitespacePolicy(args.whitespace),
        placeholder=args.placeholder,
        doc_separator=DocSeparator(args.doc_separator),
    )
    labels = frozenset(x.strip() for x in args.labels.split(",") if x.strip()) if args.labels else None
    return ExportOptions(
        format=ExportFormat(args.format),
        source=Source(args.layer),
        annotator=getattr(args, "annotator", None),
        states=_states(args),
        label_map=_label_map(args.map),
        labels=labels,
        skip_unlabelled=not args.keep_unlabelled,
        conll=conll,
        split=SplitRatios.parse(args.split) if args.split else None,
        seed=args.seed,
    )


def _hint(args: argparse.Namespace, exc: ExportOptionError) -> str:
    """An annotator needed: the option that names one. Nothing labelled: how to write the documents anyway
    (--keep-unlabelled), and where --annotator is given without --layer, that the layer is gold, which a team
    may not have yet."""
    refusal = getattr(exc, "refusal", None)
    if refusal is not None and refusal.kind is ReasonKind.EXPORT_NEEDS_ANNOTATOR:
        return ": name them with --annotator NAME"
    if refusal is None or refusal.kind is not ReasonKind.EXPORT_NOTHING_LABELLED:
        return ""
    keep = " (--keep-unlabelled writes them without labels)"
    if args.layer != Source.GOLD.value or getattr(args, "annotator", None) is None:
        return keep
    return f"{keep}; the layer is gold (the default): --layer annotator exports {args.annotator}'s own labels"


def cmd_export(args: argparse.Namespace, url: str | None) -> int:
    from tqdm import tqdm

    from storage.project import Project

    try:
        options = options_from_args(args)
        with (
            Project.open(url) as project,
            tqdm(unit=" doc", disable=args.quiet or None, leave=False, file=sys.stderr) as bar,
        ):
            if options.annotator and options.annotator != actor_name(args, global_annotator=False):
                authorise(args, project, Permission.SEE_TEAM, global_annotator=False)  # another's layer

            def progress(done: int, total: int) -> None:
                bar.total = total
                bar.n = done
                bar.refresh()

            summary = project.export.run(options, args.out, progress=progress, overwrite=args.overwrite)
    except ExportOptionError as exc:
        print(f"newstag export: {exc}{_hint(args, exc)}", file=sys.stderr)
        return 2
    except (ExportError, OSError) as exc:
        print(f"newstag export failed: {exc} (nothing was written)", file=sys.stderr)
        return 1
    print(summary.render())
    return 0
