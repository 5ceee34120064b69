"""Team commands: ``newstag assign``, ``newstag agreement``, ``newstag review-queue``,
``newstag consistency``. Each says who runs it (``--as NAME``): assigning is the lead's; agreement, the
review queue and another's layer or the gold layer are a reviewer's or the lead's views."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable
from typing import Any

from gui.cli import count_int
from gui.cli.people import actor_name, add_actor, authorise, founded_note, lead_actor
from model.agreement import shown_score
from model.reasons import ReasonKind
from model.roles import Permission
from model.text import clip, display_width, pad
from storage.types import TeamError

AddDb = Callable[[argparse.ArgumentParser], None]
SHOWN_DOCUMENTS = 20  # of the documents ranked worst first, in the table
TITLE_COLUMNS = 40  # terminal columns of a title in the review queue (a longer one is cut, ending in …)


def _names(value: str | None) -> list[str] | None:
    """A list of names, split at commas, the full-width one a Chinese input method types (，) too, as the
    Assign documents… dialog reads it."""
    return [n.strip() for n in value.replace("，", ",").split(",") if n.strip()] if value else None


def register(sub: Any, add_db: AddDb) -> None:
    p = sub.add_parser(
        "assign",
        help="assign documents to annotators, with a share annotated twice",
        description="Hand out documents (the unassigned ones, by default) to annotators, "
        "balancing the load; --overlap 0.2 gives 20 % of them to two annotators for agreement "
        "figures. Annotators with assignments see only their documents.",
    )
    p.add_argument("--annotators", required=True, metavar="A,B,...", help="annotator names, comma-separated")
    p.add_argument("--overlap", type=float, default=0.0, help="share of documents annotated by two (0..1)")
    p.add_argument("--all", action="store_true", help="also documents that are assigned already")
    p.add_argument("--seed", type=int, default=0, help="random seed for the shuffle (default 0)")
    add_actor(p)
    add_db(p)
    p.set_defaults(handler=cmd_assign, reads_project=True)

    p = sub.add_parser(
        "agreement", help="inter-annotator agreement: span F1, Cohen's kappa, Krippendorff's alpha"
    )
    p.add_argument("--annotators", metavar="A,B,...", help="compare these annotators (default: everyone)")
    p.add_argument("--label", help="only this label")
    p.add_argument("--unfinished", action="store_true", help="also documents not marked done")
    p.add_argument("--format", choices=["table", "json"], default="table")
    add_actor(p)
    add_db(p)
    p.set_defaults(handler=cmd_agreement, reads_project=True)

    p = sub.add_parser(
        "review-queue", help="documents finished by two or more annotators, worst agreement first"
    )
    add_actor(p)
    add_db(p)
    p.set_defaults(handler=cmd_review_queue, reads_project=True)

    p = sub.add_parser(
        "consistency", help="the same string labelled differently, or labelled here but not there"
    )
    p.add_argument("--annotator", help="check this annotator's layer (default: the gold layer)")
    p.add_argument("--format", choices=["table", "json"], default="table")
    p.add_argument("--limit", type=count_int, default=200, help="findings shown in the table (default 200)")
    add_actor(p)
    add_db(p)
    p.set_defaults(handler=cmd_consistency, reads_project=True)


def cmd_assign(args: argparse.Namespace, url: str | None) -> int:
    from storage.project import Project

    with Project.open(url) as project:
        by = lead_actor(args, project, Permission.ASSIGN)
        try:
            summary = project.team.assign(
                _names(args.annotators) or [],
                args.overlap,
                only_unassigned=not args.all,
                seed=args.seed,
                by=by,
            )
        except TeamError as exc:
            unknown = exc.refusal is not None and exc.refusal.kind is ReasonKind.NO_ANNOTATOR
            hint = "; add them first: newstag annotators add NAME --as LEAD" if unknown else ""
            print(f"newstag assign: {exc}{hint}", file=sys.stderr)
            return 2
        founded_note(project, by)
        if not summary.documents:  # "assigned 0 document(s)" left the lead guessing why
            print(
                "assigned nothing: every document is assigned already (--all hands them out again, to people "
                "who do not have them)"
                if not args.all
                else "assigned nothing: these annotators have every document already"
            )
        else:
            print(f"assigned {summary.documents} document(s), {summary.doubly_annotated} to two annotators")
        for name, n in sorted(project.team.assigned_counts().items()):
            print(f"  {pad(name, 20)} {n:>6} document(s) in total")
    return 0


def cmd_agreement(args: argparse.Namespace, url: str | None) -> int:
    from storage.project import Project

    with Project.open(url) as project:
        authorise(args, project, Permission.SEE_TEAM)
        try:
            report = project.team.agreement(
                _names(args.annotators), args.label, done_only=not args.unfinished
            )
        except TeamError as exc:
            print(f"newstag agreement: {exc}", file=sys.stderr)
            return 2
        titles: dict[int, str] = project.documents.titles(report.per_document) if report.per_document else {}
    if args.format == "json":
        print(
            json.dumps(
                {
                    "annotators": report.annotators,
                    "alpha": report.alpha,
                    "pairs": [
                        {
                            "a": p.a,
                            "b": p.b,
                            "documents": p.documents,
                            "kappa": p.kappa if p.documents else None,
                            "exact": _score(p.exact),
                            "overlap": _score(p.overlap),
                            "per_label": {k: _score(v) for k, v in p.per_label.items()},
                        }
                        for p in report.pairs
                    ],
                    "documents": [
                        {"id": d, "title": titles.get(d), "f1": f} for d, f in report.ranked_documents()
                    ],
                },
                ensure_ascii=False,
                indent=2,
            )
        )
        return 0
    if not report.pairs or all(p.documents == 0 for p in report.pairs):
        print("no documents finished by two of these annotators yet: nothing to compare")
        return 0
    print("pairwise agreement (span F1: exact / overlap; Cohen's kappa over characters):")
    spans = f"{args.label} span" if args.label else "span"
    for p in report.pairs:
        if not p.documents:
            print(f"  {p.a} × {p.b}: no document finished by both")
            continue
        if not p.exact.compared:  # F1 would read 1.000, a perfect agreement on nothing
            print(
                f"  {p.a} × {p.b}: {p.documents} document(s)  no {spans} by either: no F1  "
                f"kappa {shown_score(p.kappa)}"
            )
            continue
        print(
            f"  {p.a} × {p.b}: {p.documents} document(s)  "
            f"F1 {shown_score(p.exact.f1)} / {shown_score(p.overlap.f1)}  "
            f"kappa {shown_score(p.kappa)}  (matched {p.exact.matched}, only {p.a} {p.exact.only_a}, "
            f"only {p.b} {p.exact.only_b})"
        )
        for label, s in p.per_label.items():
            print(f"      {pad(label, 6)} F1 {shown_score(s.f1)}")
    names = report.annotators
    matrix = report.matrix()
    print("\nexact span F1 matrix:")
    print(" " * 14 + "".join(" " + pad(clip(n, 10), 10, right=True) for n in names))
    for a in names:
        print(f"  {pad(clip(a, 12), 12)}" + "".join(f"{shown_score(matrix[(a, b)]):>11}" for b in names))
    if report.alpha is not None:
        print(f"\nKrippendorff's alpha (nominal, over characters): {shown_score(report.alpha)}")
    print("\ndocuments, worst agreement first:")
    ranked = report.ranked_documents()
    for doc, f1 in ranked[:SHOWN_DOCUMENTS]:
        print(f"  {shown_score(f1)}  #{doc} {titles.get(doc, '')}")
    if len(ranked) > SHOWN_DOCUMENTS:  # the rest were left out without a word
        print(f"  … {len(ranked) - SHOWN_DOCUMENTS} more, of {len(ranked)} (--format json lists every one)")
    print(
        "\ncaveat: kappa and alpha count every character, O included; most characters are O, so they read "
        "higher than span F1 for the same annotations."
    )
    return 0


def _score(s: Any) -> dict[str, Any]:
    """A pair's span scores for JSON: a figure with nothing to compute it from (no span by either, no span by
    the one it divides by) is null, not the 1.0 the 0/0 convention gives; the counts say why."""
    return {
        "f1": None if s.scored_f1 is None else round(s.scored_f1, 4),
        "precision": round(s.precision, 4) if s.matched + s.only_b else None,
        "recall": round(s.recall, 4) if s.matched + s.only_a else None,
        "matched": s.matched,
        "only_a": s.only_a,
        "only_b": s.only_b,
    }


def cmd_review_queue(args: argparse.Namespace, url: str | None) -> int:
    from storage.project import Project

    with Project.open(url) as project:
        authorise(args, project, Permission.SEE_TEAM)
        queue = project.reviews.queue()
    if not queue:
        print("nothing to review: no document has been finished by two annotators yet")
        return 0
    # columns by terminal width (a hanzi takes two), so the annotators line up whatever the titles hold
    titles = [clip(" ".join(e.title.split()), TITLE_COLUMNS) for e in queue]
    wide = max(display_width(t) for t in titles)
    room = max(len(str(e.document_id)) for e in queue) + 1
    for e, title in zip(queue, titles, strict=True):
        mark = "reviewed" if e.reviewed else "open"
        place = f"#{e.document_id}"
        who = ", ".join(e.annotators)
        print(f"{shown_score(e.agreement)}  {mark:<8} {place:<{room}} {pad(title, wide)}  ({who})")
    return 0


def cmd_consistency(args: argparse.Namespace, url: str | None) -> int:
    from model.consistency import check
    from storage.project import Project

    with Project.open(url) as project:
        if args.annotator is None or args.annotator != actor_name(args, global_annotator=False):
            authorise(args, project, Permission.SEE_TEAM, global_annotator=False)  # only one's own is free
        try:
            texts, spans = project.team.layer_entities(args.annotator)
        except TeamError as exc:
            print(f"newstag consistency: {exc}", file=sys.stderr)
            return 2
    findings = check(texts, spans)
    if args.format == "json":
        print(
            json.dumps(
                [
                    {
                        "kind": str(f.kind),
                        "surface": f.surface,
                        "document": f.document_id,
                        "start": f.start,
                        "end": f.end,
                        "label": f.label,
                        "elsewhere": f.elsewhere,
                    }
                    for f in findings
                ],
                ensure_ascii=False,
                indent=2,
            )
        )
        return 0
    layer = f"{args.annotator}'s layer" if args.annotator else "the gold layer"
    print(f"{len(findings)} finding(s) in {layer} ({len(texts)} document(s))")
    shown = findings[: args.limit]
    # columns by terminal width (a hanzi takes two), so the places and labels line up under each other
    wide = min(24, max((display_width(f.surface) for f in shown), default=0))
    places = [f"#{f.document_id}:{f.start}-{f.end}" for f in shown]
    room = max((len(p) for p in places), default=0)
    for f, place in zip(shown, places, strict=True):
        counts = ", ".join(f"{label} ×{n}" for label, n in f.elsewhere)
        here = f.label or "unlabelled"
        surface = pad(f.surface, wide)  # a longer one is said whole, past the column
        print(f"  {surface}  {place:<{room}}  here {here}; corpus: {counts}  [{f.kind}]")
    if len(findings) > args.limit:
        print(f"  … {len(findings) - args.limit} more (--limit, or --format json)")
    return 0
