"""``newstag suggest``: the suggestion engine from the command line."""

from __future__ import annotations

import argparse
import json
import multiprocessing
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

from gui.cli import count_int, positive_int, user_path
from storage.types import SETTINGS_KEY, ImportFormatError, ModelSettings, ParsedDocument

if TYPE_CHECKING:
    from model.serving import ServingSetup

AddDb = Callable[[argparse.ArgumentParser], None]


def register(sub: Any, add_db: AddDb) -> None:
    p = sub.add_parser(
        "suggest",
        help="compute suggestions for the corpus, or for a file (--input/--output, no database)",
        description="Without --input: (re)compute the machine suggestions stored in the database; human "
        "decisions are never touched. With --input X --output Y.jsonl: suggest for any importable file and "
        "write doccano-style JSONL, without a database.",
    )
    p.add_argument(
        "--documents",
        choices=["new", "all"],
        default="new",
        help="new: documents without suggestions yet (default); all: recompute every document",
    )
    p.add_argument("--input", type=user_path, help="an importable file (txt, JSONL, CoNLL) to suggest for")
    p.add_argument(
        "--output",
        type=user_path,
        help="where to write the suggestions as JSONL (with --input); it must not exist yet",
    )
    p.add_argument("--overwrite", action="store_true", help="with --output: replace the file if it exists")
    p.add_argument(
        "--sentences-per-document", type=positive_int, metavar="N", help="CoNLL input: N sentences a document"
    )
    p.add_argument(
        "--processes",
        type=count_int,
        default=0,
        help="worker processes (default: one per core on large corpora, else 1)",
    )
    p.add_argument(
        "--conventions",
        choices=["msra", "general"],
        help="database mode: set the project's conventions first (msra: the rules "
        "follow MSRA's habits, 中美 → 中 + 美, 中国政府 → 中国; general: they do not), "
        "kept for next time",
    )
    p.add_argument(
        "--pretrained",
        choices=["lac", "none"],
        help="database mode: set whether the project uses the pretrained tagger (default lac, "
        "when installed), kept for next time",
    )
    p.add_argument("--quiet", action="store_true", help="no progress bar")
    add_db(p)
    # database mode suggests for the documents a project holds: a mistyped --db is refused, not made a project
    p.set_defaults(handler=cmd_suggest, reads_project=lambda args: args.input is None)


# -- reading ----------------------------------------------------------------------------------------


def read_documents(path: Path, sentences_per_document: int | None = None) -> list[ParsedDocument]:
    from storage.project import Importer

    return list(Importer.read(path, sentences_per_document))


# -- suggest ----------------------------------------------------------------------------------------

_worker_engine: Any = None


def _init_worker(setup: ServingSetup) -> None:
    global _worker_engine
    _worker_engine = setup.engine()
    _worker_engine.warm_up()


def _suggest_chunk(chunk: list[tuple[int, str]]) -> list[tuple[int, list[Any]]]:
    # the pretrained tagger reads the chunk in batches, beside the rules (``suggest_many``)
    found = _worker_engine.suggest_many([text for _, text in chunk])
    return [(key, suggestions) for (key, _), suggestions in zip(chunk, found, strict=True)]


def run_parallel(
    items: Iterator[tuple[int, str]], processes: int, setup: ServingSetup, chunk_size: int = 64
) -> Iterator[tuple[int, list[Any]]]:
    """Suggest for (key, text) items in ``processes`` worker processes (1: in this process), in order, with
    the engine ``setup`` makes (the same the window serves)."""

    def chunks() -> Iterator[list[tuple[int, str]]]:
        chunk: list[tuple[int, str]] = []
        for item in items:
            chunk.append(item)
            if len(chunk) >= chunk_size:
                yield chunk
                chunk = []
        if chunk:
            yield chunk

    if processes <= 1:
        _init_worker(setup)
        for chunk in chunks():
            yield from _suggest_chunk(chunk)
        return
    if "fork" in multiprocessing.get_all_start_methods():
        # Warm up once here; forked workers share the loaded dictionaries instead of each loading jieba.
        _init_worker(setup)
        pool = multiprocessing.get_context("fork").Pool(processes)
    else:
        pool = multiprocessing.get_context("spawn").Pool(
            processes, initializer=_init_worker, initargs=(setup.portable(),)
        )
    with pool:
        for result in pool.imap(_suggest_chunk, chunks()):
            yield from result


def _processes(requested: int, total_chars: int) -> int:
    if requested > 0:
        return requested
    return (multiprocessing.cpu_count() or 1) if total_chars > 500_000 else 1


def cmd_suggest(args: argparse.Namespace, url: str | None) -> int:
    from tqdm import tqdm

    if args.input is not None:
        if args.output is None:
            print("newstag suggest: --input needs --output FILE.jsonl", file=sys.stderr)
            return 2
        return _suggest_file(args)
    from storage.project import Project

    with Project.open(url) as project:
        if args.conventions or args.pretrained:  # only what was asked for is stored
            changed = project.settings.get(SETTINGS_KEY)
            if args.conventions:
                changed["conventions"] = args.conventions
            if args.pretrained:
                changed["pretrained"] = "" if args.pretrained == "none" else args.pretrained
            project.settings.set(SETTINGS_KEY, changed)
        service = project.suggestions
        ids = project.documents.ids()
        if args.documents == "new":
            ids = [i for i in ids if not service.has_suggestions(i)]
        if not ids:
            print("no documents need suggestions (use --documents all to recompute)")
            return 0
        texts = dict(project.documents.texts(ids))
        chars = sum(len(t) for t in texts.values())
        processes = _processes(args.processes, chars)
        setup = service.serving_setup()
        notes = [f"with model #{setup.model_id}"] if setup.model_id is not None else []
        if setup.tagger is not None:
            notes.append(f"with the pretrained tagger {setup.tagger.name}")
        model_note = "".join(", " + note for note in notes)
        t0 = time.perf_counter()
        stored = 0
        batch: dict[Any, list[Any]] = {}
        with tqdm(total=len(ids), unit=" doc", disable=args.quiet or None, file=sys.stderr) as bar:
            results = run_parallel(iter(texts.items()), processes, setup)
            for doc_id, suggestions in results:
                batch[doc_id] = suggestions
                if len(batch) >= 500:
                    stored += service.store(batch)
                    batch = {}
                bar.update(1)
            stored += service.store(batch)
        elapsed = time.perf_counter() - t0
        print(
            f"{stored} suggestion(s) for {len(ids)} document(s) in {elapsed:.1f} s "
            f"({chars / elapsed:,.0f} chars/s, {processes} process(es)){model_note}; "
            "human decisions untouched"
        )
    return 0


def _suggest_file(args: argparse.Namespace) -> int:
    from storage.project import file_taken
    from storage.types import ExportError

    if (problem := file_taken(args.output, args.overwrite, [args.input])) is not None:
        print(f"newstag suggest: {problem}", file=sys.stderr)
        return 1
    try:
        docs = read_documents(args.input, args.sentences_per_document)
    except ImportFormatError as exc:
        print(f"newstag suggest: {exc}", file=sys.stderr)
        return 1
    chars = sum(len(d.text) for d in docs)
    processes = _processes(args.processes, chars)
    t0 = time.perf_counter()
    try:
        _write_suggestions(args, docs, processes)
    except ExportError as exc:
        print(f"newstag suggest: {exc}", file=sys.stderr)
        return 1
    except OSError as exc:  # a full disk: the temporary is gone, nothing was written
        print(f"newstag suggest: cannot write {args.output}: {exc.strerror or exc}", file=sys.stderr)
        return 1
    elapsed = time.perf_counter() - t0
    print(
        f"suggestions for {len(docs)} document(s) written to {args.output} in {elapsed:.1f} s "
        f"({chars / elapsed:,.0f} chars/s, {processes} process(es))"
    )
    return 0


def _write_suggestions(args: argparse.Namespace, docs: list[ParsedDocument], processes: int) -> None:
    """The suggestions as JSONL in ``args.output``, written whole or not at all (storage.export_output)."""
    from tqdm import tqdm

    from model.serving import ServingSetup
    from storage.project import new_file

    with (
        new_file(args.output, args.overwrite) as temp,
        temp.open("w", encoding="utf-8") as out,
        tqdm(total=len(docs), unit=" doc", disable=args.quiet or None, file=sys.stderr) as bar,
    ):
        items = iter(enumerate(d.text for d in docs))
        setup = ServingSetup(labels=("PER", "LOC", "ORG", "MISC"), pretrained=ModelSettings().pretrained)
        for i, suggestions in run_parallel(items, processes, setup):
            record = {
                "text": docs[i].text,
                "label": [[s.start, s.end, s.label] for s in suggestions],
                "suggestions": [
                    {
                        "start": s.start,
                        "end": s.end,
                        "label": s.label,
                        "origin": str(s.origin),
                        "detail": s.detail,
                        "score": round(s.score, 4),
                    }
                    for s in suggestions
                ],
                "source": docs[i].source,
            }
            out.write(json.dumps(record, ensure_ascii=False) + "\n")
            bar.update(1)
