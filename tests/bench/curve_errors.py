"""Error analysis of the learning curve with LAC (issue 16): what the model in the loop still gets wrong.

Usage: python tests/bench/curve_errors.py run --on dev|dev2|dev3|dev4|dev5|... [--out PATH] [--limit N]
       python tests/bench/curve_errors.py report PATH [--show KIND] [--examples N]
       python tests/bench/curve_errors.py replay PATH [PATH ...]

* ``run``: the curve of ``bench_crf.py curve --pretrained yes`` (the same engine, the CRF retrained every 10
  documents), recording for every document what each source proposed (the rules, the CRF, LAC), what the
  combiner chose, the gold entities, and the project dictionary's counts for the strings involved as they
  stood before the document; pickled to ``--out`` (default ``/tmp/curve-errors-<on>.pkl``).
* ``report``: the second half's errors, classified (spurious, missed, boundary, label, boundary+label), each
  by which sources held the gold entity and the chosen one; ``--show KIND`` prints examples in context.
* ``replay``: the combiner of the code as it stands (``model.crf.combine``, ``count_decisions``) run again
  over a recording, its history rebuilt document by document: the second half's F1 and effort in seconds
  instead of a curve's minutes, to try a change to the combiner on all four samples. The sources are taken as
  recorded, so what the combiner feeds back (the rejections the project dictionary counts) is not replayed;
  with the combiner the recording was made with, it gives the recorded choices exactly (it says how many
  documents' choices differ). Confirm a change it finds with real curves.

Never on MSRA test (the development sets only: ``common.py``).
"""

from __future__ import annotations

import argparse
import pickle
import sys
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))

from common import DEVELOPMENT_SAMPLES, as_documents, development_blocks, msra_sentences  # noqa: E402

from model.crf import simulate_with_retraining  # noqa: E402
from model.crf.engine import ModelAssistedEngine  # noqa: E402
from model.spans import Entity  # noqa: E402
from model.suggest import SuggestionEngine  # noqa: E402
from model.suggest.suggestion import Suggestion  # noqa: E402
from model.suggest.tokenizer import to_half_width  # noqa: E402

LABELS = ("PER", "LOC", "ORG")
THRESHOLD = 0.5


@dataclass
class Record:
    text: str
    gold: list[Entity]
    chosen: list[Suggestion] = field(default_factory=list)
    rules: list[Suggestion] = field(default_factory=list)
    crf: list[Suggestion] = field(default_factory=list)
    lac: list[Suggestion] = field(default_factory=list)
    dictionary: dict[str, dict[str, tuple[int, int]]] = field(default_factory=dict)  # before the document


def run(args: argparse.Namespace) -> None:
    from bench_crf import PROJECT_MINFREQ

    from model.pretrained import default_tagger

    _, blocks = development_blocks(msra_sentences("train_variant.bio"), args.on)
    docs = as_documents(blocks)
    docs = docs[: args.limit] if args.limit else docs
    tagger = default_tagger()
    if tagger is None:
        sys.exit("LAC is not installed")
    records: list[Record] = []
    suggest, learn = ModelAssistedEngine.suggest, ModelAssistedEngine.learn

    def recording_suggest(self: ModelAssistedEngine, text: str) -> list[Suggestion]:
        out = suggest(self, text)
        records.append(Record(text, [], list(out)))
        return out

    def recording_learn(self: ModelAssistedEngine, text: str, accepted, rejected=()) -> None:  # type: ignore[no-untyped-def]
        accepted = list(accepted)
        record = records[-1]
        record.gold = accepted
        rules, crf, lac = self._recent.get(text, ([], [], []))
        record.rules, record.crf, record.lac = list(rules), list(crf), list(lac)
        norm = to_half_width(text)
        surfaces = {norm[s.start : s.end] for s in (*accepted, *rules, *crf, *lac, *record.chosen)}
        pd = self.project_dictionary
        for surface, label in pd.entries_for(surfaces):
            record.dictionary.setdefault(surface, {})[label] = pd.counts(surface, label)
        learn(self, text, accepted, rejected)

    ModelAssistedEngine.suggest = recording_suggest  # type: ignore[method-assign]
    ModelAssistedEngine.learn = recording_learn  # type: ignore[method-assign]
    result = simulate_with_retraining(
        docs,
        lambda: SuggestionEngine(labels=LABELS),
        LABELS,
        every=10,
        iterations=30,
        minfreq=PROJECT_MINFREQ,
        pretrained=tagger,
    )
    out = args.out or Path(f"/tmp/curve-errors-{args.on}.pkl")
    out.write_bytes(pickle.dumps(records))
    print(f"second half F1 {result.report.second_half.f1:.4f}; {len(records)} documents written to {out}")


# -- the report ----------------------------------------------------------------------------------------------


def kind_of(pred: Entity | None, gold: Entity | None) -> str:
    if gold is None:
        return "spurious"
    if pred is None:
        return "missed"
    if (pred.start, pred.end) == (gold.start, gold.end):
        return "label"
    return "boundary" if pred.label == gold.label else "boundary+label"


def holders(entity: Entity, record: Record) -> str:
    """Which sources proposed exactly ``entity``: r (rules), c (CRF ≥ 0.5), l (LAC ≥ 0.5)."""
    out = ""
    for mark, source in (("r", record.rules), ("c", record.crf), ("l", record.lac)):
        if any(s.entity == entity and (mark == "r" or s.score >= THRESHOLD) for s in source):
            out += mark
    return out or "-"


def origin_of(entity: Entity, record: Record) -> str:
    for s in record.chosen:
        if s.entity == entity:
            return f"{s.origin}/{s.detail}"
    return "?"


@dataclass
class Error:
    kind: str
    pred: Entity | None
    gold: Entity | None
    record: Record
    doc: int

    def describe(self) -> str:
        text = self.record.text
        span = self.gold or self.pred
        assert span is not None
        lo = min(e.start for e in (self.pred, self.gold) if e is not None)
        hi = max(e.end for e in (self.pred, self.gold) if e is not None)
        context = text[max(0, lo - 12) : lo] + "[" + text[lo:hi] + "]" + text[hi : hi + 12]
        context = context.replace("\n", "⏎")
        parts = [f"{self.kind:14} {context}"]
        if self.gold is not None:
            g = self.gold
            parts.append(f"gold {text[g.start : g.end]}/{g.label} by {holders(g, self.record)}")
        if self.pred is not None:
            p = self.pred
            parts.append(f"chose {text[p.start : p.end]}/{p.label} from {origin_of(p, self.record)}")
        parts.append("sources " + self.sources(lo, hi))
        counts = {
            s: v
            for s, v in self.record.dictionary.items()
            if any(text[e.start : e.end] == s for e in (self.pred, self.gold) if e is not None)
        }
        if counts:
            parts.append(f"pd {counts}")
        return " | ".join(parts)

    def sources(self, lo: int, hi: int) -> str:
        text = self.record.text
        out = []
        for name, source in (("R", self.record.rules), ("C", self.record.crf), ("L", self.record.lac)):
            found = [
                f"{text[s.start : s.end]}/{s.label}{'' if name == 'R' else f'{s.score:.2f}'}"
                + (f"({s.detail})" if name == "R" else "")
                for s in source
                if s.start < hi and lo < s.end
            ]
            out.append(f"{name}:{','.join(found) or '-'}")
        return " ".join(out)


def errors_of(record: Record, doc: int) -> list[Error]:
    pred = {s.entity for s in record.chosen if s.label in LABELS}
    gold = set(record.gold)
    fp = sorted(pred - gold, key=lambda e: e.start)
    fn = sorted(gold - pred, key=lambda e: e.start)
    out: list[Error] = []
    used: set[Entity] = set()
    for p in fp:
        partner = next((g for g in fn if g.start < p.end and p.start < g.end and g not in used), None)
        if partner is not None:
            used.add(partner)
        out.append(Error(kind_of(p, partner), p, partner, record, doc))
    out.extend(Error("missed", None, g, record, doc) for g in fn if g not in used)
    return out


def report(args: argparse.Namespace) -> None:
    records: list[Record] = pickle.loads(args.path.read_bytes())
    half = records[len(records) // 2 :]
    errors = [e for k, r in enumerate(half) for e in errors_of(r, len(records) // 2 + k)]
    tp = sum(len({s.entity for s in r.chosen} & set(r.gold)) for r in half)
    fp = sum(len({s.entity for s in r.chosen} - set(r.gold)) for r in half)
    fn = sum(len(set(r.gold) - {s.entity for s in r.chosen}) for r in half)
    print(
        f"second half: {len(half)} documents, tp {tp} fp {fp} fn {fn}, F1 {2 * tp / (2 * tp + fp + fn):.4f}"
    )
    table: Counter[tuple[str, str, str]] = Counter()
    for e in errors:
        label = e.gold.label if e.gold is not None else e.pred.label  # type: ignore[union-attr]
        had = holders(e.gold, e.record) if e.gold is not None else "n/a"
        table[(e.kind, label, had)] += 1
    kinds = Counter(e.kind for e in errors)
    print("\nerrors by kind (an error pair counts once):")
    for kind, n in kinds.most_common():
        print(f"  {kind:15} {n:5}")
    print("\nby kind, gold label, which sources held the gold entity exactly (r rules, c CRF, l LAC):")
    for (kind, label, had), n in sorted(table.items(), key=lambda kv: -kv[1]):
        if n >= args.min:
            print(f"  {kind:15} {label:4} {had:4} {n:5}")
    chosen_from: Counter[str] = Counter()
    for e in errors:
        if e.pred is not None:
            chosen_from[f"{e.kind}: {origin_of(e.pred, e.record)}"] += 1
    print("\nwrong entities shown, by kind and origin:")
    for key, n in chosen_from.most_common(25):
        print(f"  {key:45} {n:5}")
    known = Counter(
        e.kind
        for e in errors
        if e.gold is not None
        and e.record.dictionary.get(e.record.text[e.gold.start : e.gold.end], {}).get(e.gold.label, (0, 0))[0]
    )
    print(f"\ngold entities the project had confirmed before (as that label), still wrong: {dict(known)}")
    if args.show:
        shown = [e for e in errors if args.show in ("all", e.kind)]
        if args.label:
            shown = [e for e in shown if (e.gold or e.pred).label == args.label]  # type: ignore[union-attr]
        if args.had:
            shown = [e for e in shown if e.gold is not None and holders(e.gold, e.record) == args.had]
        for e in shown[: args.examples]:
            print(e.describe())


def replay(args: argparse.Namespace) -> None:
    from model.crf.combine import INFORMED_PRIOR, WITH_PRETRAINED, combine
    from model.crf.engine import count_decisions
    from model.evaluate import evaluate

    # the engine's priors beside LAC (priors_for); the model's matter once there is one, trained on LAC's tags
    priors = INFORMED_PRIOR | WITH_PRETRAINED
    for path in args.paths:
        records: list[Record] = pickle.loads(path.read_bytes())
        history: dict[str, tuple[int, int]] = {}
        pairs, changed = [], 0
        for r in records:
            chosen = combine(r.rules, r.crf, dict(history), THRESHOLD, priors=priors, pretrained=r.lac)
            changed += {s.entity for s in chosen} != {s.entity for s in r.chosen}
            pairs.append(([s.entity for s in chosen], list(r.gold)))
            count_decisions(history, r.rules, r.crf, set(r.gold), THRESHOLD, r.lac)
        half = evaluate(pairs[len(pairs) // 2 :], LABELS)
        print(
            f"{path}: second half F1 {half.f1:.4f}, effort {half.effort.per_entity:.3f}; "
            f"{changed} of {len(records)} documents chosen otherwise than recorded"
        )


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    sub = parser.add_subparsers(dest="command", required=True)
    r = sub.add_parser("run")
    r.add_argument("--on", choices=DEVELOPMENT_SAMPLES, default="dev")
    r.add_argument("--out", type=Path)
    r.add_argument("--limit", type=int, default=0)
    p = sub.add_parser("report")
    p.add_argument("path", type=Path)
    p.add_argument("--show", help="print examples of this kind (or all)")
    p.add_argument("--label", help="only examples with this gold (or chosen) label")
    p.add_argument("--had", help="only examples whose gold entity these sources held (r, c, l, rl, -, ...)")
    p.add_argument("--examples", type=int, default=40)
    p.add_argument("--min", type=int, default=3, help="table rows with fewer errors are left out")
    q = sub.add_parser("replay")
    q.add_argument("paths", type=Path, nargs="+", help="recordings `run` wrote")
    args = parser.parse_args(argv)
    {"run": run, "report": report, "replay": replay}[args.command](args)
    return 0


if __name__ == "__main__":
    sys.exit(main())
