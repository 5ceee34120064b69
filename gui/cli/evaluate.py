"""``newstag evaluate``: score suggestions against gold annotations; simulate annotation effort and
learning."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from gui.cli.suggest import read_documents
from model.evaluate import LearningReport, evaluate, render_report, report_dict, simulate_learning
from model.spans import Entity
from storage.types import ImportFormatError, ModelSettings, ParsedDocument

if TYPE_CHECKING:
    from model.crf import CrfModel

AddDb = Callable[[argparse.ArgumentParser], None]


def register(sub: Any, add_db: AddDb) -> None:
    p = sub.add_parser(
        "evaluate",
        help="score suggestions against gold annotations; simulate annotation effort and learning",
        description="Precision / recall / F1 per label (exact and overlap match) and the simulated number of "
        "annotator actions (see README, 'The action model').",
    )
    p.add_argument("--gold", type=Path, required=True, help="gold annotations (JSONL or CoNLL)")
    p.add_argument("--pred", type=Path, help="predicted spans (JSONL from 'newstag suggest --output')")
    p.add_argument("--simulate-learning", action="store_true",
                   help="suggest the gold documents in order, feeding each one's gold back before the next")
    p.add_argument("--model", action="store_true",
                   help="with --simulate-learning: a CRF retrained as the simulation goes joins the "
                        "suggestions")
    p.add_argument("--base-model", type=Path, metavar="FILE",
                   help="with --model: start from this base model (`newstag train --base-corpus C --save "
                        "FILE`) and stack every retrained model on it")
    p.add_argument("--retrain-every", type=int, default=10, metavar="N",
                   help="with --model: retrain after every N documents (default 10)")
    p.add_argument("--sentences-per-document", type=int, metavar="N",
                   help="CoNLL gold: N consecutive sentences a document "
                        "(default: 1; 20 with --simulate-learning)")
    p.add_argument("--labels", default="PER,LOC,ORG",
                   help="labels scored (default PER,LOC,ORG; 'all' for every label)")
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
            learning = _simulate(gold, labels, args.retrain_every if args.model else None, base)
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
        print(f"newstag evaluate: {args.gold} has {len(gold)} documents but {args.pred} has {len(pred)}",
              file=sys.stderr)
        return 1
    for i, (g, p) in enumerate(zip(gold, pred, strict=True), start=1):
        if g.text != p.text:
            print(f"newstag evaluate: document {i} differs between {g.source} and {p.source}",
                  file=sys.stderr)
            return 1
    report = evaluate(((p.entities, g.entities) for g, p in zip(gold, pred, strict=True)), labels)
    if args.format == "json":
        print(json.dumps(report_dict(report), ensure_ascii=False, indent=2))
    else:
        print(render_report(report))
    return 0


def _simulate(gold: list[ParsedDocument], labels: list[str] | None,
              retrain_every: int | None, base: CrfModel | None = None) -> LearningReport:
    from model.suggest import SuggestionEngine

    def factory() -> SuggestionEngine:
        engine = SuggestionEngine()
        engine.warm_up()
        return engine

    documents: list[tuple[str, Sequence[Entity]]] = [(d.text, d.entities) for d in gold]
    if retrain_every is None:
        return simulate_learning(documents, factory, labels)
    from model.crf import simulate_with_retraining

    result = simulate_with_retraining(documents, factory, labels, every=retrain_every, base=base,
                                      iterations=ModelSettings().iterations,
                                      minfreq=ModelSettings().minfreq)
    print(f"model retrained {result.retrainings} time(s), {result.training_seconds:.1f} s of training in all",
          file=sys.stderr)
    return result.report


def _print_learning(learning: LearningReport, fmt: str) -> None:
    if fmt == "json":
        print(json.dumps({
            "second_half": report_dict(learning.second_half),
            "all": report_dict(learning.all_documents) if learning.all_documents else None,
            "curve": [{"until": p.fraction, "documents": p.documents, "f1": round(p.f1, 4),
                       "effort_per_entity": round(p.effort_per_entity, 4)} for p in learning.curve],
        }, indent=2))
        return
    print("learning curve (each segment ends at the given share of the documents):")
    for p in learning.curve:
        print(f"  up to {p.fraction:>4.0%}: {p.documents:>5} documents  F1 {p.f1:.3f}  "
              f"effort {p.effort_per_entity:.3f} actions/entity")
    print("\nsecond half of the corpus:")
    print(render_report(learning.second_half))
