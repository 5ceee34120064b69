"""Cold suggestions on the self-written general-news fixture (``tests/fixtures/general_news.jsonl``).

Usage: python tests/bench/bench_general.py [--half dev|check|fresh|all] [--errors] [--fixture NAME]

Prints cold precision/recall/F1 per label for ``--conventions msra`` and ``general``, the rules alone and with
the pretrained tagger (LAC, if installed), and raw jieba.posseg. The fixture was written for newstag (local
government, courts, companies, clubs, Hong Kong / Taiwan / Singapore news; see its header line for the
annotation choices): a sanity check for rules meant for news in general, not a held-out benchmark. Parts
(the header says how each was used): ``dev`` (developed on), ``check`` (checked, then read for a second round
of rules), ``fresh`` (written after both rounds); ``--errors`` lists the missed and the spurious spans.

``--fixture general_news_kinds`` runs a second fixture (``tests/fixtures/general_news_kinds.jsonl``, 28
short items): bodies named in lists (市教育局和县卫健委), state media and provincial brigades, platforms and
companies named without a descriptor, technology firms, courts, clubs; written before the rules for them by
the session that wrote those rules, knowing the cases: ``dev`` (even ids) was read, ``check`` (odd ids) was
meant to be only measured (its errors were printed once, with the first measurement).
"""

from __future__ import annotations

import argparse
import json
import logging
import sys
from collections.abc import Sequence
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))

from model.crf import ModelAssistedEngine  # noqa: E402
from model.evaluate import MICRO, evaluate  # noqa: E402
from model.pretrained import PretrainedTagger, default_tagger  # noqa: E402
from model.spans import Entity  # noqa: E402
from model.suggest import SuggestionEngine  # noqa: E402

FIXTURES = REPO / "tests" / "fixtures"
FIXTURE = FIXTURES / "general_news.jsonl"
LABELS = ("PER", "LOC", "ORG")
RAW_MAP = {"nr": "PER", "nrfg": "PER", "nrt": "PER", "ns": "LOC", "nt": "ORG"}

Doc = tuple[str, list[Entity]]


def read_fixture(path: Path = FIXTURE, half: str = "all") -> list[Doc]:
    """The fixture's articles (its first line is the header) of part ``half`` (``dev``, ``check``, ``fresh``),
    or all of them."""
    docs: list[Doc] = []
    for line in path.read_text(encoding="utf-8").splitlines():
        row = json.loads(line)
        if "header" in row or (half != "all" and row["half"] != half):
            continue
        docs.append((row["text"], [Entity(s, e, lab) for s, e, lab in row["entities"]]))
    return docs


def cold(docs: Sequence[Doc], conventions: str, tagger: PretrainedTagger | None) -> list[list[Entity]]:
    rules = SuggestionEngine(labels=LABELS, conventions=conventions)
    engine = rules if tagger is None else ModelAssistedEngine(rules, pretrained=tagger)
    engine.warm_up()
    return [[s.entity for s in found] for found in engine.suggest_many([t for t, _ in docs])]


def raw_jieba(docs: Sequence[Doc]) -> list[list[Entity]]:
    import jieba
    import jieba.posseg

    jieba.setLogLevel(logging.WARNING)
    pos = jieba.posseg.POSTokenizer(jieba.Tokenizer())
    out = []
    for text, _ in docs:
        found, at = [], 0
        for pair in pos.cut(text):
            if pair.flag in RAW_MAP:
                found.append(Entity(at, at + len(pair.word), RAW_MAP[pair.flag]))
            at += len(pair.word)
        out.append(found)
    return out


def show(title: str, docs: Sequence[Doc], predicted: list[list[Entity]], errors: bool) -> None:
    report = evaluate(zip(predicted, [g for _, g in docs], strict=True), LABELS)
    cells = "  ".join(
        f"{lab} {report.exact[lab].precision:.2f}/{report.exact[lab].recall:.2f}/{report.exact[lab].f1:.3f}"
        for lab in (*LABELS, MICRO)
    )
    print(f"{title:28} {cells}  effort {report.effort.per_entity:.3f}")
    if not errors:
        return
    for (text, gold), found in zip(docs, predicted, strict=True):
        g = {(e.start, e.end, e.label) for e in gold}
        p = {(e.start, e.end, e.label) for e in found}
        missed = [f"{text[s:e]}/{lab}" for s, e, lab in sorted(g - p)]
        wrong = [f"{text[s:e]}/{lab}" for s, e, lab in sorted(p - g)]
        if missed or wrong:
            print(f"    missed {' '.join(missed) or '-'}   spurious {' '.join(wrong) or '-'}")


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--half", choices=("dev", "check", "fresh", "all"), default="all")
    parser.add_argument("--errors", action="store_true", help="list missed and spurious spans")
    parser.add_argument("--fixture", choices=("general_news", "general_news_kinds"), default="general_news")
    args = parser.parse_args(argv)
    path = FIXTURES / f"{args.fixture}.jsonl"
    logging.basicConfig(level=logging.WARNING)
    tagger = default_tagger()
    if tagger is None:
        print("pretrained tagger: not installed; the rules alone")
    parts = ("dev", "check", "fresh") if args.fixture == "general_news" else ("dev", "check")
    halves = (*parts, "all") if args.half == "all" else (args.half,)
    print("cold P/R/F1 per label (exact match), effort in actions per entity (by hand: 2.0)")
    for half in halves:
        docs = read_fixture(path, half)
        print(f"\n{half}: {len(docs)} articles, {sum(len(g) for _, g in docs)} entities")
        for conventions in ("msra", "general"):
            for t in (None, tagger) if tagger is not None else (None,):
                way = "LAC" if t is not None else "no LAC"
                show(f"  {conventions:7} {way}", docs, cold(docs, conventions, t), args.errors)
        show("  raw jieba", docs, raw_jieba(docs), False)
    return 0


if __name__ == "__main__":
    sys.exit(main())
