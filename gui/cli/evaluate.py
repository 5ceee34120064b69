"""``newstag evaluate``: suggestions scored against gold, and the simulated annotator learning with them."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from gui.cli import positive_int, user_path
from gui.cli.suggest import AddDb, read_documents
from model.evaluate import LearningReport, evaluate, render_report, report_dict, simulate_learning
from model.spans import Entity
from storage.types import ImportFormatError, ModelSettings, ParsedDocument

if TYPE_CHECKING:
    from model.active import OrderingReport
    from model.crf import CrfModel
    from model.pretrained import PretrainedTagger


def register(sub: Any, add_db: AddDb) -> None:
    p = sub.add_parser(
        "evaluate",
        help="score suggestions against gold annotations; simulate annotation effort and learning",
        description="Precision / recall / F1 per label (exact and overlap match) and the simulated number of "
        "annotator actions (see README, 'The action model').",
    )
    p.add_argument("--gold", type=user_path, required=True, help="gold annotations (JSONL or CoNLL)")
    p.add_argument("--pred", type=user_path, help="predicted spans (JSONL from 'newstag suggest --output')")
    p.add_argument(
        "--simulate-learning",
        action="store_true",
        help="suggest the gold documents in order, feeding each one's gold back before the next",
    )
    p.add_argument(
        "--model",
        action="store_true",
        help="with --simulate-learning: a CRF retrained as the simulation goes joins the suggestions",
    )
    p.add_argument(
        "--base-model",
        type=user_path,
        metavar="FILE",
        help="with --model: start from this base model (`newstag train --base-corpus C --save "
        "FILE`) and stack every retrained model on it",
    )
    p.add_argument(
        "--retrain-every",
        type=positive_int,
        default=10,
        metavar="N",
        help="with --model: retrain after every N documents (default 10)",
    )
    p.add_argument(
        "--order",
        choices=["sequential", "uncertainty"],
        help="with --model: keep the last --held-out share of the documents aside and read the "
        "rest in this order (uncertainty: most uncertain first, refreshed after each "
        "retraining); prints the F1 on the held-out part after each retraining",
    )
    p.add_argument(
        "--held-out",
        type=float,
        default=0.2,
        metavar="SHARE",
        help="with --order: the share of documents kept aside for scoring (default 0.2)",
    )
    p.add_argument(
        "--no-pretrained",
        action="store_true",
        help="with --simulate-learning: without the pretrained tagger, even if it is installed",
    )
    p.add_argument(
        "--sentences-per-document",
        type=positive_int,
        metavar="N",
        help="CoNLL gold: N consecutive sentences a document (default: 1; 20 with --simulate-learning)",
    )
    p.add_argument(
        "--labels", default="PER,LOC,ORG", help="labels scored (default PER,LOC,ORG; 'all' for every label)"
    )
    p.add_argument("--format", choices=["table", "json"], default="table")
    p.set_defaults(handler=cmd_evaluate)


def cmd_evaluate(args: argparse.Namespace, _url: str | None) -> int:
    labels = None if args.labels == "all" else [x.strip() for x in args.labels.split(",") if x.strip()]
    try:
        if args.simulate_learning:
            gold = read_documents(args.gold, args.sentences_per_document or 20)
            base = None
            if args.base_model is not None:
                from model.crf import CrfModel, ModelFormatError

                try:
                    base = CrfModel.from_bytes(args.base_model.read_bytes())
                except (OSError, ModelFormatError) as exc:
                    print(f"newstag evaluate: {args.base_model}: {exc}", file=sys.stderr)
                    return 1
            pretrained = None
            if not args.no_pretrained:
                from model.pretrained import default_tagger, pretrained_status

                pretrained = default_tagger()
                if pretrained is None:
                    print(f"newstag evaluate: note: {pretrained_status()}", file=sys.stderr)
            if args.order is not None:
                if not args.model:
                    print("newstag evaluate: --order needs --model", file=sys.stderr)
                    return 2
                if not 0 < args.held_out < 1:
                    print("newstag evaluate: --held-out must be between 0 and 1", file=sys.stderr)
                    return 2
                _print_ordering(_order(gold, labels, args, base, pretrained), args.format)
                return 0
            learning = _simulate(gold, labels, args.retrain_every if args.model else None, base, pretrained)
            _print_learning(learning, args.format)
            return 0
        if args.pred is None:
            print("newstag evaluate: give --pred FILE, or --simulate-learning", file=sys.stderr)
            return 2
        gold = read_documents(args.gold, args.sentences_per_document)
        pred = read_documents(args.pred)
    except ImportFormatError as exc:
        print(f"newstag evaluate: {exc}", file=sys.stderr)
        return 1
    if len(gold) != len(pred):
        print(
            f"newstag evaluate: {args.gold} has {len(gold)} documents but {args.pred} has {len(pred)}",
            file=sys.stderr,
        )
        return 1
    for i, (g, p) in enumerate(zip(gold, pred, strict=True), start=1):
        if g.text != p.text:
            print(
                f"newstag evaluate: document {i} differs between {g.source} and {p.source}", file=sys.stderr
            )
            return 1
    report = evaluate(((p.entities, g.entities) for g, p in zip(gold, pred, strict=True)), labels)
    if args.format == "json":
        print(json.dumps(report_dict(report), ensure_ascii=False, indent=2))
    else:
        print(render_report(report))
    return 0


def _rule_engine() -> Any:
    from model.suggest import SuggestionEngine

    engine = SuggestionEngine()
    engine.warm_up()
    return engine


def _simulate(
    gold: list[ParsedDocument],
    labels: list[str] | None,
    retrain_every: int | None,
    base: CrfModel | None = None,
    pretrained: PretrainedTagger | None = None,
) -> LearningReport:
    documents: list[tuple[str, Sequence[Entity]]] = [(d.text, d.entities) for d in gold]
    if retrain_every is None:
        if pretrained is None:
            return simulate_learning(documents, _rule_engine, labels)
        from model.crf import ModelAssistedEngine

        return simulate_learning(
            documents, lambda: ModelAssistedEngine(_rule_engine(), pretrained=pretrained), labels
        )
    from model.crf import simulate_with_retraining

    result = simulate_with_retraining(
        documents,
        _rule_engine,
        labels,
        every=retrain_every,
        base=base,
        pretrained=pretrained,
        iterations=ModelSettings().iterations,
        minfreq=ModelSettings().minfreq,
    )
    print(
        f"model retrained {result.retrainings} time(s), {result.training_seconds:.1f} s of training in all",
        file=sys.stderr,
    )
    return result.report


def _order(
    gold: list[ParsedDocument],
    labels: list[str] | None,
    args: argparse.Namespace,
    base: CrfModel | None,
    pretrained: PretrainedTagger | None,
) -> OrderingReport:
    from model.active import simulate_ordering

    documents: list[tuple[str, Sequence[Entity]]] = [(d.text, d.entities) for d in gold]
    return simulate_ordering(
        documents,
        _rule_engine,
        labels,
        order=args.order,
        every=args.retrain_every,
        held_out=args.held_out,
        base=base,
        pretrained=pretrained,
        iterations=ModelSettings().iterations,
        minfreq=ModelSettings().minfreq,
    )


def _print_ordering(report: OrderingReport, fmt: str) -> None:
    if fmt == "json":
        points = [
            {
                "documents": p.documents,
                "f1": round(p.f1, 4),
                "effort_per_entity": round(p.effort_per_entity, 4),
            }
            for p in report.points
        ]
        print(
            json.dumps(
                {"order": report.order, "held_out_documents": report.held_out, "points": points}, indent=2
            )
        )
        return
    print(
        f"{report.order} order: F1 and effort on the {report.held_out} held-out documents after N "
        f"documents read ({report.seconds:.0f} s)"
    )
    for p in report.points:
        print(
            f"  after {p.documents:>5} documents  F1 {p.f1:.3f}  "
            f"effort {p.effort_per_entity:.3f} actions/entity"
        )


def _print_learning(learning: LearningReport, fmt: str) -> None:
    if fmt == "json":
        print(
            json.dumps(
                {
                    "second_half": report_dict(learning.second_half),
                    "all": report_dict(learning.all_documents) if learning.all_documents else None,
                    "curve": [
                        {
                            "until": p.fraction,
                            "documents": p.documents,
                            "f1": round(p.f1, 4),
                            "effort_per_entity": round(p.effort_per_entity, 4),
                        }
                        for p in learning.curve
                    ],
                },
                indent=2,
            )
        )
        return
    print("learning curve (each segment ends at the given share of the documents):")
    for p in learning.curve:
        print(
            f"  up to {p.fraction:>4.0%}: {p.documents:>5} documents  F1 {p.f1:.3f}  "
            f"effort {p.effort_per_entity:.3f} actions/entity"
        )
    print("\nsecond half of the corpus:")
    print(render_report(learning.second_half))
