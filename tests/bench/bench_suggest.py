"""Benchmark of the suggestion pipeline on MSRA test data and the seed articles.

Usage: python tests/bench/bench_suggest.py [--data PATH] [--skip-learning] [--limit N]

Prints cold precision/recall/F1 per label and simulated effort next to raw jieba.posseg, the learning curve
(documents of 20 consecutive sentences), throughput of raw posseg vs the pipeline, and the latency for a
6 KB seed article.
"""

from __future__ import annotations

import argparse
import logging
import sys
import time
from collections.abc import Callable, Sequence
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))

from model.evaluate import MICRO, Report, evaluate, simulate_learning  # noqa: E402
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
    """Seconds ``fn`` takes; by default the CPU time of this process, which other processes competing for
    the cores do not inflate (the pipeline is single-threaded, so CPU time is one-core time)."""
    t0 = clock()
    fn()
    return clock() - t0


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--skip-learning", action="store_true")
    parser.add_argument("--skip-raw", action="store_true")
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

    engine = SuggestionEngine(labels=LABELS)
    print(f"warm-up {timed(engine.warm_up, time.perf_counter):.2f} s")
    predicted = [[s.entity for s in engine.suggest(text)] for text in texts]
    print_report(
        "cold pipeline (no confirmations), one sentence = one document",
        evaluate(zip(predicted, golds, strict=True), LABELS),
    )

    def pipeline_pass() -> float:
        """One pass over the corpus with a fresh, warmed-up engine (nothing cached from earlier passes)."""
        fresh = SuggestionEngine(labels=LABELS)
        fresh.warm_up()
        return timed(lambda: [fresh.suggest(t) for t in texts])

    pipeline_s = [pipeline_pass()]
    if not args.skip_raw:
        import jieba
        import jieba.posseg

        jieba.setLogLevel(logging.WARNING)
        pos = jieba.posseg.POSTokenizer(jieba.Tokenizer())
        raw = [raw_posseg(pos, text) for text in texts]  # also warms jieba up
        print_report(
            "raw jieba.posseg (nr/nrfg/nrt→PER, ns→LOC, nt→ORG)",
            evaluate(zip(raw, golds, strict=True), LABELS),
        )
        raw_s = []
        for _ in range(args.rounds):  # interleaved, so load from other processes hits both alike
            raw_s.append(timed(lambda: [raw_posseg(pos, t) for t in texts]))
            pipeline_s.append(pipeline_pass())
        raw_rate, pipe_rate = chars / min(raw_s), chars / min(pipeline_s)
        print(
            f"\nthroughput (CPU time, best of {args.rounds}): raw posseg {raw_rate:,.0f} chars/s, "
            f"pipeline {pipe_rate:,.0f} chars/s ({pipe_rate / raw_rate:.0%} of raw)"
        )
    else:
        print(f"\nthroughput: pipeline {chars / min(pipeline_s):,.0f} chars/s")

    article = six_kb_article()
    if article:
        wall, cpu = [], []
        for _ in range(5):  # a fresh warmed-up engine each time: its first look at the article
            fresh = SuggestionEngine()
            fresh.warm_up()
            t_cpu, t_wall = time.process_time(), time.perf_counter()
            fresh.suggest(article)
            cpu.append(time.process_time() - t_cpu)
            wall.append(time.perf_counter() - t_wall)
        wall.sort()
        cpu.sort()
        print(
            f"6 KB seed article ({len(article.encode())} bytes, {len(article)} chars): "
            f"wall {wall[0] * 1000:.1f} ms best / {wall[2] * 1000:.1f} ms median, "
            f"CPU {cpu[0] * 1000:.1f} ms best / {cpu[2] * 1000:.1f} ms median (first call after warm-up)"
        )

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
            f"\nlearning simulation: {len(documents)} documents of 20 sentences "
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
    return 0


if __name__ == "__main__":
    sys.exit(main())
